import ArgumentParser
import CandorKit
import Foundation

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Run the message tests on two or more variants of a draft and show them side by side."
    )

    @Argument(help: "Two or more drafts; one of them may be '-' for standard input.")
    var paths: [String]

    @OptionGroup var lexiconOptions: LexiconOptions

    @Option(help: "Output format: text, json or html.")
    var format: ScorecardFormat = .text

    @OptionGroup var configOptions: ConfigOptions

    func validate() throws {
        if paths.count < 2 { throw ValidationError("compare needs at least two drafts") }
        if paths.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("only one draft can come from standard input")
        }
    }

    func run() throws {
        let (drafts, rules) = try DraftScoring(lexiconOptions: lexiconOptions, configOptions: configOptions)
            .draftsAndRules(paths)
        let cards = drafts.map(\.card)
        let reporter = ScorecardReporter(color: useColor(configOptions.color))
        switch format {
        case .text: writeOut(reporter.compare(cards))
        case .json: writeOut(reporter.json(cards))
        case .html:
            let html = ScorecardHTMLReporter(rules: rules, baseDirectory: FileManager.default.currentDirectoryPath)
            writeOut(html.compare(drafts))
        }
        for card in cards { if let error = card.error { writeError("candor: \(card.path): \(error)") } }
        if cards.contains(where: { $0.error != nil }) { throw ExitCode(2) }
    }
}
