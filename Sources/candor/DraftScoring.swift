import ArgumentParser
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
                ScoredDraft(
                    card: Scorecard(path: job.path, results: [], findings: [], error: error), source: nil, markup: nil)
            }
            switch job {
            case .decided(let report):
                cards.append(failed(report.error ?? report.skipped ?? "not read"))
            case .lint(let input, let settings):
                switch input.read(maximumSize: planner.maximumInputSize) {
                case .failure(let problem): cards.append(failed(problem.description))
                case .success(let bytes):
                    let linter = try Linter(ruleSet: settings.ruleSet, options: settings.options)
                    let tester = MessageTester(
                        weights: settings.configuration?.weights ?? [:],
                        kind: settings.configuration?.kind)
                    cards.append(
                        ScoredDraft(
                            card: tester.scorecard(
                                for: SourceDocument(path: input.path, bytes: bytes),
                                linter: linter),
                            source: bytes, markup: settings.options.markup))
                }
            }
        }
        return (cards, LintCommand.rulesInPlay(jobs))
    }
}
