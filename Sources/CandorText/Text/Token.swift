/// What kind of text a token is, from ICU's word-break rule status.
public enum TokenKind: UInt8, Sendable {
    case word
    case number
    case punctuation
    case space
}

/// One word-break segment of a block of prose. Offsets are UTF-8 bytes into the prose buffer.
public struct Token: Equatable, Sendable {
    public var start: Int32
    public var end: Int32
    public var kind: TokenKind
    /// The interned folded form (see `Vocabulary`), or `Vocabulary.unknown`.
    public var symbol: Int32
    /// The index of the sentence this token belongs to, within its block.
    public var sentence: Int32
    /// True when the first letter is upper case (Title Case names, headings).
    public var isCapitalized: Bool

    public init(
        start: Int32, end: Int32, kind: TokenKind, symbol: Int32 = Vocabulary.unknown,
        sentence: Int32 = 0, isCapitalized: Bool = false
    ) {
        self.start = start
        self.end = end
        self.kind = kind
        self.symbol = symbol
        self.sentence = sentence
        self.isCapitalized = isCapitalized
    }

    public var length: Int { Int(end - start) }
}
