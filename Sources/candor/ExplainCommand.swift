import ArgumentParser
import CandorKit
import Foundation

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
            let close = rules.map(\.id).filter {
                $0.contains(ruleID) || ruleID.contains($0.split(separator: ".").last.map(String.init) ?? "-")
            }
            var message = "unknown rule '\(ruleID)'"
            if !close.isEmpty { message += "; did you mean \(close.prefix(3).joined(separator: ", "))?" }
            throw UserError(message + " Run 'candor rules' to list every rule.")
        }
        writeOut(RuleListing.explain(rule))
    }
}
