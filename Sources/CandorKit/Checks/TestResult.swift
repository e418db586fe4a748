import CandorRules
import CandorText

/// One named check of a whole draft against the messaging guidance (docs/message-tests.md).
public struct TestResult: Sendable {
    public var id: String
    public var title: String
    public var principle: String
    public var status: TestStatus
    public var reason: String
    public var evidence: [Evidence]
    /// Separately reported parts (the apology anatomy's components).
    public var components: [(name: String, status: TestStatus, note: String)]
    public var weight: Double
}
