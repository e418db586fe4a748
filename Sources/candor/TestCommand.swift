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
        let builtin = try withLexiconErrors { try BuiltinRules.load() }
        let resolver = ConfigResolver(builtin: builtin.lexicons, precompiled: builtin.ruleSet,
                                      overrides: configOptions.overrides(lexicons: lexiconOptions.lexicons))
        let stdinFilename = configOptions.stdinFilename
        var cards: [ScoredDraft] = []
        var rules: [String: Rule] = [:]
        for rule in builtin.ruleSet.rules { rules[rule.id] = rule }
        for path in paths.isEmpty ? ["-"] : paths {
            let name = path == "-" ? (stdinFilename ?? "-") : path
            let bytes: [UInt8]
            let limit = configOptions.maxInputSize.bytes
            switch path == "-" ? SourceReader.readStandardInput(maximumSize: limit) : SourceReader.read(path: path, maximumSize: limit) {
            case .success(let read): bytes = read
            case .failure(let problem):
                cards.append(ScoredDraft(card: Scorecard(path: name, results: [], findings: [], error: problem.description),
                                         source: nil, markup: nil))
                continue
            }
            let configPath = resolver.configPath(for: name)
            let setup = try withLexiconErrors { try resolver.setup(for: configPath) }
            let configuration = try configPath.map { path in try withLexiconErrors { try resolver.configuration(at: path) } }
            var options = setup.options
            if options.markup == nil { options.markup = MarkupKind.detect(path: name) }
            let linter = try Linter(ruleSet: setup.ruleSet, options: options)
            let tester = MessageTester(weights: configuration?.weights ?? [:], kind: configuration?.kind)
            for rule in setup.ruleSet.rules { rules[rule.id] = rule }
            cards.append(ScoredDraft(card: tester.scorecard(for: SourceDocument(path: name, bytes: bytes), linter: linter),
                                     source: bytes, markup: options.markup))
        }
        return (cards, Array(rules.values))
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
        case .html:
            let html = ScorecardHTMLReporter(rules: rules, baseDirectory: FileManager.default.currentDirectoryPath)
            writeOut(html.test(drafts))
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
        case .html:
            let html = ScorecardHTMLReporter(rules: rules, baseDirectory: FileManager.default.currentDirectoryPath)
            writeOut(html.compare(drafts))
        }
        for card in cards { if let error = card.error { writeError("candor: \(card.path): \(error)") } }
        if cards.contains(where: { $0.error != nil }) { throw ExitCode(2) }
    }
}
