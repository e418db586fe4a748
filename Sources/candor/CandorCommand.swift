import ArgumentParser
import CandorBuiltins
import CandorKit
import Foundation

struct CandorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "candor",
        abstract:
            "Flags wording that hides sexual violence, harassment, abuse and trafficking, and tests whole messages.",
        discussion: """
            Exit status: 0 when nothing reaches the fail level, 1 when something does, 2 for usage, \
            configuration, lexicon or input errors.
            """,
        version: "candor \(Candor.version)",
        subcommands: [
            LintCommand.self, RulesCommand.self, ExplainCommand.self, InitCommand.self, EvalCommand.self,
            TestCommand.self, CompareCommand.self, LSPCommand.self
        ],
        defaultSubcommand: LintCommand.self
    )
}
