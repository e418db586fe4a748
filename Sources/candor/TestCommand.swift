import ArgumentParser
import CandorBuiltins
import CandorKit
import Foundation

/// Reads the drafts for `test` and `compare` (files or '-') and scores them.
struct DraftScoring {
    var lexiconOptions: LexiconOptions
    var configOptions: ConfigOptions

    /// The scorecards with each draft's bytes and markup (for the report that shows the drafts), and the
    /// rules that were in play.
    func draftsAndRules(_ paths: [String]) throws -> (drafts: [ScoredDraft], rules: [Rule]) {
        let planner = try configOptions.planner(lexicons: lexiconOptions.lexicons, ignoresNamedFiles: false)
        let jobs = planner.plan(paths, order: .asGiven) {
            SourceReader.readStandardInput(maximumSize: planner.maximumInputSize)
        }
        var cards: [ScoredDraft] = []
        for job in jobs {
            let failed = { (error: String) in
                ScoredDraft(card: Scorecard(path: job.path, results: [], findings: [], error: error), source: nil, markup: nil)
            }
            switch job {
            case .decided(let report):
                cards.append(failed(report.error ?? report.skipped ?? "not read"))
            case .lint(let input, let settings):
                switch input.read(maximumSize: planner.maximumInputSize) {
                case .failure(let problem): cards.append(failed(problem.description))
                case .success(let bytes):
                    let linter = try Linter(ruleSet: settings.ruleSet, options: settings.options)
                    let tester = MessageTester(weights: settings.configuration?.weights ?? [:],
                                               kind: settings.configuration?.kind)
                    cards.append(ScoredDraft(card: tester.scorecard(for: SourceDocument(path: input.path, bytes: bytes),
                                                                    linter: linter),
                                             source: bytes, markup: settings.options.markup))
                }
            }
        }
        return (cards, LintCommand.rulesInPlay(jobs))
    }
}

/// Formats of the commands that print something other than findings (rules, test, compare).
enum ListingFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Formats of `test` and `compare`: a listing, or a page that shows the drafts (docs/report.md).
enum ScorecardFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, html
}

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Score whole drafts against the messaging guidance (docs/message-tests.md).",
        discussion: "Each draft gets a scorecard: names the harm, apology anatomy, focus and agency, blame, prevention, plain language."
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
        if paths.isEmpty && isatty(STDIN_FILENO) != 0 { throw UserError("no input. Pass drafts, or pipe one in: pbpaste | candor test -") }
        let (drafts, rules) = try DraftScoring(lexiconOptions: lexiconOptions, configOptions: configOptions)
            .draftsAndRules(paths)
        let cards = drafts.map(\.card)
        let reporter = ScorecardReporter(color: useColor(configOptions.color))
        switch format {
        case .text: writeOut(reporter.text(cards))
        case .json: writeOut(reporter.json(cards))
        case .html: writeOut(ScorecardHTMLReporter(rules: rules).test(drafts))
        }
        for card in cards { if let error = card.error { writeError("candor: \(card.path): \(error)") } }
        if cards.contains(where: { $0.error != nil && $0.score == nil }) { throw ExitCode(2) }
        if let minScore, cards.contains(where: { ($0.score ?? 0) < minScore }) { throw ExitCode(1) }
    }
}

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
        if paths.filter({ $0 == "-" }).count > 1 { throw ValidationError("only one draft can come from standard input") }
    }

    func run() throws {
        let (drafts, rules) = try DraftScoring(lexiconOptions: lexiconOptions, configOptions: configOptions)
            .draftsAndRules(paths)
        let cards = drafts.map(\.card)
        let reporter = ScorecardReporter(color: useColor(configOptions.color))
        switch format {
        case .text: writeOut(reporter.compare(cards))
        case .json: writeOut(reporter.json(cards))
        case .html: writeOut(ScorecardHTMLReporter(rules: rules).compare(drafts))
        }
        for card in cards { if let error = card.error { writeError("candor: \(card.path): \(error)") } }
        if cards.contains(where: { $0.error != nil }) { throw ExitCode(2) }
    }
}
