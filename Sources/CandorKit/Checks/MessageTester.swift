import CandorRules
import CandorText
import Foundation

/// What every message check reads: one draft's findings, and the signal phrases the same pass collected.
struct MessageDraft {
    /// Every finding but Candor's own, in the writer's voice or someone else's.
    var findings: [Finding]
    /// The findings in the writer's own voice: quoted and attributed words are someone else's.
    var own: [Finding]
    var statistics: TextStatistics
    /// statement | news | advocacy | guide (config `kind:`); nil: inferred.
    var kind: String?

    init(findings: [Finding], statistics: TextStatistics, kind: String?) {
        self.findings = findings
        self.own = findings.filter { $0.context == nil }
        self.statistics = statistics
        self.kind = kind
    }
}

/// A check's result before the tester gives it the check's name and weight.
struct Verdict {
    var status: TestStatus
    var reason: String
    var evidence: [Evidence]
    var components: [(name: String, status: TestStatus, note: String)]

    init(
        _ status: TestStatus, _ reason: String, _ evidence: [Evidence] = [],
        components: [(String, TestStatus, String)] = []
    ) {
        self.status = status
        self.reason = reason
        self.evidence = evidence
        self.components = components.map { (name: $0.0, status: $0.1, note: $0.2) }
    }
}

/// One message test (docs/message-tests.md). Each is a small type of its own, as SwiftLint's rules are, so
/// that a test is read, changed or added on its own instead of as one case of a long switch.
protocol MessageCheck: Sendable {
    var id: String { get }
    var title: String { get }
    /// The guidance principle behind the test.
    var principle: String { get }
    var defaultWeight: Double { get }
    /// A test a draft need not meet: at weight 0, anything short of a pass is reported as not applicable
    /// rather than as a warning nobody asked for.
    var isOptionalWhenUnweighted: Bool { get }

    func evaluate(_ draft: MessageDraft) -> Verdict
}

extension MessageCheck {
    var isOptionalWhenUnweighted: Bool { false }
}

extension Evidence {
    init(_ finding: Finding, _ note: String) {
        self.init(line: finding.line, column: finding.column, text: finding.match, note: note)
    }

    init(_ hit: TextStatistics.SignalHit, _ note: String) {
        self.init(line: hit.line, column: hit.column, text: hit.match, note: note)
    }
}

/// Runs the message tests on a draft; the weights come from the defaults or `.candor.yml`.
public struct MessageTester {
    /// The checks, in report order.
    static let checks: [any MessageCheck] = [
        NamesHarmCheck(), ApologyCheck(), AgencyCheck(), BlameCheck(), PreventionCheck(), PlainLanguageCheck(),
        HelpCheck()
    ]

    public static let defaultWeights: [String: Double] =
        Dictionary(uniqueKeysWithValues: checks.map { ($0.id, $0.defaultWeight) })

    /// The tests in report order, with their titles and the guidance principle behind each.
    public static let tests: [(id: String, title: String, principle: String)] =
        checks.map { (id: $0.id, title: $0.title, principle: $0.principle) }

    public var weights: [String: Double]
    /// statement | news | advocacy | guide (config `kind:`); nil: inferred.
    public var kind: String?

    public init(weights: [String: Double] = [:], kind: String? = nil) {
        self.weights = Self.defaultWeights.merging(weights) { _, new in new }
        self.kind = kind
    }

    /// Scores a draft from what one lint pass over it found and counted (`Linter.analyze`), so the checks need
    /// nothing from the engine that runs them.
    public func scorecard(path: String, report: FileReport, statistics: TextStatistics) -> Scorecard {
        if let error = report.error ?? report.skipped {
            return Scorecard(path: path, results: [], findings: [], error: error)
        }
        let draft = MessageDraft(
            findings: report.findings.filter { $0.category != .candor }, statistics: statistics,
            kind: kind)
        let results = Self.checks.map { check -> TestResult in
            let verdict = check.evaluate(draft)
            let weight = weights[check.id] ?? 0
            var status = verdict.status
            if weight == 0 && check.isOptionalWhenUnweighted && status != .pass { status = .notApplicable }
            return TestResult(
                id: check.id, title: check.title, principle: check.principle, status: status,
                reason: verdict.reason, evidence: verdict.evidence, components: verdict.components,
                weight: weight)
        }
        return Scorecard(path: path, results: results, findings: draft.findings)
    }
}
