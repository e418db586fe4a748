import ArgumentParser
import CandorBuiltins
import CandorKit
import Foundation

/// Formats of the commands that print something other than findings (rules, test, compare).
enum ListingFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Formats of `test` and `compare`: a listing, or a page that shows the drafts (docs/report.md).
enum ScorecardFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, html
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
    @Option(
        name: .customLong("lexicon"),
        help: ArgumentHelp("Add the rules of a lexicon file (repeatable).", valueName: "path"))
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

    @Option(
        help: ArgumentHelp(
            "Largest input read, in bytes or with K, M or G; larger inputs are errors.",
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
    func planner(
        lexicons: [String], ignoresNamedFiles: Bool = true,
        adjust: (inout ConfigResolver.Overrides) -> Void = { _ in }
    ) throws -> LintPlanner {
        let builtin = try withLexiconErrors { try BuiltinRules.load() }
        var overrides = self.overrides(lexicons: lexicons)
        adjust(&overrides)
        let resolver = ConfigResolver(builtin: builtin.lexicons, precompiled: builtin.ruleSet, overrides: overrides)
        let planner = LintPlanner(
            resolver: resolver, maximumInputSize: maxInputSize.bytes,
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

/// Turns lexicon and config problems into usage errors (exit 2) with the file, line and field.
func withLexiconErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as YAMLFileError {
        throw UserError(error.description)
    }
}
