import CandorText

/// A match of one pattern: token indices, both inclusive.
public struct RawMatch: Equatable, Sendable {
    public var pattern: Int32
    public var first: Int32
    public var last: Int32
}
