import Foundation
import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

/// Each draft in fixtures/drafts has its expected findings in fixtures/drafts/expected/NAME.json.
/// After a deliberate change, regenerate with CANDOR_UPDATE_GOLDEN=1 swift test --filter GoldenTests
/// and review the diff against fixtures/drafts/EXPECTED.md.
@Suite struct GoldenTests {
    static let folder = TestSupport.packageRoot.appendingPathComponent("fixtures/drafts")

    static var drafts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".md") && $0 != "EXPECTED.md" || $0.hasSuffix(".txt") || $0.hasSuffix(".html") }
            .sorted()
    }

    static func render(_ findings: [Finding]) -> String {
        findings.map { finding in
            "\(finding.line):\(finding.column)-\(finding.endLine):\(finding.endColumn) \(finding.severity.rawValue) "
                + "\(finding.rule) \"\(finding.match)\"\(finding.context.map { " (\($0.rawValue))" } ?? "")"
        }.joined(separator: "\n") + "\n"
    }

    @Test func thereAreEnoughDrafts() {
        #expect(Self.drafts.count >= 12)
    }

    @Test(arguments: drafts)
    func draftMatchesItsExpectedFindings(name: String) throws {
        let source = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        let report = TestSupport.linter().lint(SourceDocument(path: name, bytes: Array(source)))
        #expect(report.error == nil)
        let actual = Self.render(report.findings)
        let expectedURL = Self.folder.appendingPathComponent("expected/\(name).txt")
        if ProcessInfo.processInfo.environment["CANDOR_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(
                at: expectedURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "\(name): findings changed.\n--- expected\n\(expected)--- actual\n\(actual)")
    }
}
