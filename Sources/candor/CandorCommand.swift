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
        subcommands: [LintCommand.self, RulesCommand.self, ExplainCommand.self, InitCommand.self, EvalCommand.self, TestCommand.self, CompareCommand.self],
        defaultSubcommand: LintCommand.self
    )
}

/// Writes to standard output through C stdio (buffered; a closed pipe ends the process quietly).
func writeOut(_ text: String) {
    var text = text
    text.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, stdout) }
}

func writeError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
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

    func validate() throws {
        if config != nil && noConfig { throw ValidationError("--config and --no-config cannot be used together") }
        if let config, !FileManager.default.fileExists(atPath: config) {
            throw ValidationError("--config \(config): no such file")
        }
    }

    func overrides(lexicons: [String]) -> ConfigResolver.Overrides {
        var overrides = ConfigResolver.Overrides()
        overrides.configPath = config
        overrides.noConfig = noConfig
        overrides.lexicons = lexicons
        return overrides
    }
}

struct UserError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
