import CandorText

/// A match of one pattern: token indices, both inclusive.
public struct RawMatch: Equatable, Sendable {
    public var pattern: Int32
    public var first: Int32
    public var last: Int32

    package init(pattern: Int32, first: Int32, last: Int32) {
        self.pattern = pattern
        self.first = first
        self.last = last
    }
}
