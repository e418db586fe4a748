import ArgumentParser
import CandorBuiltins
import CandorKit
import Foundation

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Score whole drafts against the messaging guidance (docs/message-tests.md).",
        discussion:
            "Each draft gets a scorecard: names the harm, apology anatomy, focus and agency, blame, prevention, plain language."
    )

    @Argument(help: "Drafts to test; '-' or nothing for standard input.")
    var paths: [String] = []

    @OptionGroup var lexiconOptions: LexiconOptions

    @Option(help: "Output format: text, json or html.")
    var format: ScorecardFormat = .text

    @Option(help: "Exit 1 when any draft scores below this (0-100).")
    var minScore: Int?

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        if paths.isEmpty && isatty(STDIN_FILENO) != 0 {
            throw UserError("no input. Pass drafts, or pipe one in: pbpaste | candor test -")
        }
        let (drafts, rules) = try DraftScoring(lexiconOptions: lexiconOptions, configOptions: configOptions)
            .draftsAndRules(paths)
        let cards = drafts.map(\.card)
        let reporter = ScorecardReporter(color: useColor(configOptions.color))
        switch format {
        case .text: writeOut(reporter.text(cards))
        case .json: writeOut(reporter.json(cards))
        case .html:
            let html = ScorecardHTMLReporter(rules: rules, baseDirectory: FileManager.default.currentDirectoryPath)
            writeOut(html.test(drafts))
        }
        for card in cards { if let error = card.error { writeError("candor: \(card.path): \(error)") } }
        if cards.contains(where: { $0.error != nil && $0.score == nil }) { throw ExitCode(2) }
        if let minScore, cards.contains(where: { ($0.score ?? 0) < minScore }) { throw ExitCode(1) }
    }
}
