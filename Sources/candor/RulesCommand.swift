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

    @Flag(
        help: """
            Run every rule's own examples, and look for phrase lists written without brackets, instead of listing \
            the rules; exit 1 when an example fails or a pattern is suspect.
            """)
    var check = false

    func run() throws {
        let lexicons = try withLexiconErrors { try lexiconOptions.loadLexicons() }
        let ruleSet = try withLexiconErrors { try RuleSet.compile(lexicons) }
        guard check else {
            writeOut(RuleListing.render(ruleSet.rules, json: format == .json))
            return
        }
        let failures = try RuleExampleCheck.run(ruleSet)
        let suspects = PatternLint.check(lexicons)
        let examples = ruleSet.rules.reduce(0) { $0 + $1.flagExamples.count + $1.passExamples.count }
        writeOut(
            failures.map { "\($0)\n" }.joined() + suspects.map { "\($0)\n" }.joined()
                + "\(ruleSet.rules.count) rules, \(examples) examples, \(failures.count) failed, "
                + "\(suspects.count) suspect \(suspects.count == 1 ? "pattern" : "patterns")\n")
        if !failures.isEmpty || !suspects.isEmpty { throw ExitCode(1) }
    }
}
