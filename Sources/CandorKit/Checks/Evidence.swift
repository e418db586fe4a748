import CandorRules
import CandorText

/// A span of the draft that decided a test, with why.
public struct Evidence: Equatable, Sendable {
    public var line: Int
    public var column: Int
    public var text: String
    public var note: String
}
