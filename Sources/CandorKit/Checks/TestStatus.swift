import CandorRules
import CandorText

/// The outcome of one message test.
public enum TestStatus: String, Sendable, Codable {
    case pass
    case warn
    case fail
    /// The test does not apply to this draft (no apology, no harm mentioned, a news brief).
    case notApplicable = "n/a"

    /// The share of the test's weight a draft earns.
    var credit: Double? {
        switch self {
        case .pass: return 1
        case .warn: return 0.5
        case .fail: return 0
        case .notApplicable: return nil
        }
    }
}
