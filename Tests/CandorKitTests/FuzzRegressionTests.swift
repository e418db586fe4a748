import Foundation
import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

/// Inputs the fuzz targets (Fuzz/README.md) found crashing, each minimised, kept so they never come back.
@Suite struct FuzzRegressionTests {
    /// Every finding inside the input, start before end, on character boundaries.
    func expectWellFormed(_ report: FileReport, _ bytes: [UInt8]) {
        for finding in report.findings {
            #expect(finding.offset >= 0 && finding.length >= 0 && finding.offset + finding.length <= bytes.count)
            #expect(finding.line <= finding.endLine)
        }
    }

    @Test func emphasisInATableCellWithTheSameWordsLaterDoesNotReverseAMatch() {
        // fuzz-lint: "t s" was placed on the last row, "ex scandal" back in the cell, so the match ended
        // before it started and slicing the source trapped.
        let bytes = Array(" t\n-|\nt *s*ex scandal\nt s".utf8)
        var options = LintOptions()
        options.markup = .markdown
        let report = TestSupport.linter().lint(SourceDocument(path: "x.md", bytes: bytes), options: options)
        #expect(report.findings.map(\.rule) == ["vague.sex-scandal"])
        // And the finding is on the row that has the words, not on the later row that repeats some of them.
        #expect(report.findings.map(\.line) == [3])
        expectWellFormed(report, bytes)
    }
}
