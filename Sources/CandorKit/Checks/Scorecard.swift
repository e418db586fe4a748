import CandorRules
import CandorText

/// A draft's scorecard: every test, and the weighted score out of 100.
public struct Scorecard: Sendable {
    public var path: String
    public var results: [TestResult]
    public var findings: [Finding]
    public var error: String?

    public init(path: String, results: [TestResult], findings: [Finding], error: String? = nil) {
        self.path = path
        self.results = results
        self.findings = findings
        self.error = error
    }

    public var score: Int? {
        let scored = results.compactMap { result in result.status.credit.map { ($0, result.weight) } }
        let total = scored.reduce(0) { $0 + $1.1 }
        if error != nil { return nil }
        guard total > 0 else { return 100 }
        return Int((100 * scored.reduce(0) { $0 + $1.0 * $1.1 } / total).rounded())
    }
}
