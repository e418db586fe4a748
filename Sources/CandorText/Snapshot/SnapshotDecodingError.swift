/// Why snapshot bytes do not decode. Callers answer it by building from the sources instead.
public struct SnapshotDecodingError: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) {
        self.description = description
    }
}
