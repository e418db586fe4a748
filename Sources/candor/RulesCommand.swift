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

    @Flag(help: "Run every rule's own examples instead of listing the rules; exit 1 when one fails.")
    var check = false

    func run() throws {
        let lexicons = try withLexiconErrors { try lexiconOptions.loadLexicons() }
        let ruleSet = try withLexiconErrors { try RuleSet.compile(lexicons) }
        guard check else {
            writeOut(RuleListing.render(ruleSet.rules, json: format == .json))
            return
        }
        let failures = try RuleExampleCheck.run(ruleSet)
        let examples = ruleSet.rules.reduce(0) { $0 + $1.flagExamples.count + $1.passExamples.count }
        writeOut(failures.map { "\($0)\n" }.joined()
                 + "\(ruleSet.rules.count) rules, \(examples) examples, \(failures.count) failed\n")
        if !failures.isEmpty { throw ExitCode(1) }
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
