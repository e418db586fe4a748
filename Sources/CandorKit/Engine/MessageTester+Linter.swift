import CandorRules
import CandorText

extension MessageTester {
    /// Lints `document` once, gathering the counts the message tests read, and scores it.
    public func scorecard(for document: SourceDocument, linter: Linter) -> Scorecard {
        let (report, statistics) = linter.analyze(document)
        return scorecard(path: document.path, report: report, statistics: statistics)
    }
}
