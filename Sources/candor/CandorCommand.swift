import ArgumentParser
import CandorBuiltins
import CandorKit
import Foundation

struct CandorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "candor",
        abstract: "Flags wording that hides sexual violence, harassment, abuse and trafficking, and tests whole messages.",
        discussion: """
            Exit status: 0 when nothing reaches the fail level, 1 when something does, 2 for usage, \
            configuration, lexicon or input errors.
            """,
        version: "candor \(Candor.version)",
        subcommands: [LintCommand.self, RulesCommand.self, ExplainCommand.self, InitCommand.self, EvalCommand.self, TestCommand.self, CompareCommand.self, LSPCommand.self],
        defaultSubcommand: LintCommand.self
    )
}

/// Writes to standard output through C stdio (buffered; a closed pipe ends the process quietly). A failed
/// write leaves stdout's error flag set, which `finishOutput` turns into exit status 2.
func writeOut(_ text: String) {
    var text = text
    text.withUTF8 { buffer in
        if fwrite(buffer.baseAddress, 1, buffer.count, standardOutput) < buffer.count && firstOutputErrno == 0 {
            firstOutputErrno = errno
        }
    }
}

/// Why the first failed write failed: stdio keeps only a flag, and a later successful flush resets errno.
nonisolated(unsafe) private var firstOutputErrno: Int32 = 0

/// Flushes standard output and says why it could not all be written (a full disk, `> /dev/full`), or nil.
/// Without this check a report that never reached its file would still exit 0 or 1, as if it had.
func finishOutput() -> String? {
    errno = 0
    let flushed = fflush(standardOutput) == 0
    if flushed && ferror(standardOutput) == 0 { return nil }
    let code = firstOutputErrno != 0 ? firstOutputErrno : errno
    let reason = code != 0 ? String(cString: strerror(code)) : "write error"
    return "candor: cannot write the output: \(reason)"
}

/// Writes to standard error through stdio, which reports a failure instead of trapping as FileHandle does:
/// a message that cannot be shown must not crash the run.
func writeError(_ text: String) {
    let line = text.hasSuffix("\n") ? text : text + "\n"
    fputs(line, standardError)
    fflush(standardError)
}

/// Whether to colour output: only on a terminal, and never when NO_COLOR is set (https://no-color.org).
func useColor(_ choice: ColorChoice) -> Bool {
    switch choice {
    case .always: return true
    case .never: return false
    case .auto:
        if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty { return false }
        if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) != 0
    }
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

extension OutputFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}
extension QuotedMode: ExpressibleByArgument {}
extension MarkupKind: ExpressibleByArgument {}

/// Options shared by every command that needs the rules.
struct LexiconOptions: ParsableArguments {
    @Option(name: .customLong("lexicon"), help: ArgumentHelp("Add the rules of a lexicon file (repeatable).", valueName: "path"))
    var lexicons: [String] = []

    /// The built-in lexicons plus the user's. Errors name the file, line and field.
    func loadLexicons() throws -> [Lexicon] {
        var lexicons = try BuiltinRules.load().lexicons
        for path in self.lexicons {
            lexicons.append(try LexiconLoader.load(path: path))
        }
        return lexicons
    }
}

/// Where settings come from, for every command that reads drafts.
struct ConfigOptions: ParsableArguments {
    @Option(help: "Name for standard input, used in reports and to find .candor.yml and the markup.")
    var stdinFilename: String?

    @Option(help: "Use this configuration file for every input instead of the nearest .candor.yml.")
    var config: String?

    @Flag(help: "Ignore .candor.yml files.")
    var noConfig = false

    @Option(help: "Colour: auto (on a terminal without NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    @Option(help: ArgumentHelp("Largest input read, in bytes or with K, M or G; larger inputs are errors.",
                               valueName: "size"))
    var maxInputSize: ByteCount = ByteCount(SourceReader.defaultMaximumSize)

    func validate() throws {
        if config != nil && noConfig { throw ValidationError("--config and --no-config cannot be used together") }
        if let config, !FileManager.default.fileExists(atPath: config) {
            throw ValidationError("--config \(config): no such file")
        }
    }

    /// The planner for this command line: the built-in rules, `--lexicon`s, the config options, and whatever
    /// else the command decides in `adjust`. A broken `--config` or `--lexicon` is a usage error here, before
    /// any input is read.
    func planner(lexicons: [String], ignoresNamedFiles: Bool = true,
                 adjust: (inout ConfigResolver.Overrides) -> Void = { _ in }) throws -> LintPlanner {
        let builtin = try withLexiconErrors { try BuiltinRules.load() }
        var overrides = self.overrides(lexicons: lexicons)
        adjust(&overrides)
        let resolver = ConfigResolver(builtin: builtin.lexicons, precompiled: builtin.ruleSet, overrides: overrides)
        let planner = LintPlanner(resolver: resolver, maximumInputSize: maxInputSize.bytes,
                                  stdinFilename: stdinFilename, ignoresNamedFiles: ignoresNamedFiles)
        try withLexiconErrors { try planner.checkCommandLineSettings() }
        return planner
    }

    func overrides(lexicons: [String]) -> ConfigResolver.Overrides {
        var overrides = ConfigResolver.Overrides()
        overrides.configPath = config
        overrides.noConfig = noConfig
        overrides.lexicons = lexicons
        return overrides
    }
}

/// A size given on the command line: bytes, or a number followed by K, M or G (powers of 1024).
struct ByteCount: ExpressibleByArgument {
    var bytes: Int

    init(_ bytes: Int) {
        self.bytes = bytes
    }

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var digits = Substring(text)
        var scale = 1
        if digits.hasSuffix("B") { digits = digits.dropLast() }
        if let last = digits.last, let unit = units[last] {
            scale = unit
            digits = digits.dropLast()
        }
        guard let number = Int(digits), number > 0 else { return nil }
        let (product, overflow) = number.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        bytes = product
    }

    var defaultValueDescription: String { InputProblem.describeSize(bytes) }
}

struct UserError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
