import ArgumentParser
import CandorKit

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule: id, category, severity and a one-line summary."
    )

    @OptionGroup var lexiconOptions: LexiconOptions

    @Option(help: "Output format: text or json.")
    var format: ListingFormat = .text

    func run() throws {
        let lexicons = try withLexiconErrors { try lexiconOptions.loadLexicons() }
        let ruleSet = try withLexiconErrors { try RuleSet.compile(lexicons) }
        writeOut(RuleListing.render(ruleSet.rules, json: format == .json))
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain one rule: why it exists, what to write instead, and examples."
    )

    @OptionGroup var lexiconOptions: LexiconOptions

    @Argument(help: "A rule id, such as vague.sexual-misconduct.")
    var ruleID: String

    func run() throws {
        let lexicons = try withLexiconErrors { try lexiconOptions.loadLexicons() }
        let rules = lexicons.flatMap(\.rules)
        guard let rule = rules.first(where: { $0.id == ruleID }) else {
            let close = rules.map(\.id).filter { $0.contains(ruleID) || ruleID.contains($0.split(separator: ".").last.map(String.init) ?? "-") }
            var message = "unknown rule '\(ruleID)'"
            if !close.isEmpty { message += "; did you mean \(close.prefix(3).joined(separator: ", "))?" }
            throw UserError(message + " Run 'candor rules' to list every rule.")
        }
        writeOut(RuleListing.explain(rule))
    }
}

/// Turns lexicon and config problems into usage errors (exit 2) with the file, line and field.
func withLexiconErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as YAMLFileError {
        throw UserError(error.description)
    }
}
