extension CandidateScorer {
    /// Reads `encoded()` bytes written as base64 into a string literal, as the build embeds them.
    public init?(base64 text: StaticString) {
        guard let bytes = text.withUTF8Buffer({ Base64.decode($0) }) else { return nil }
        self.init(encoded: bytes)
    }
}
