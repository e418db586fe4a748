import CICU

public struct TokenizerError: Error, CustomStringConvertible {
    public let code: Int32
    public var description: String { "ICU could not open a break iterator (error \(code))" }
}

/// Breaks prose into word tokens and sentences with ICU, and interns each word's folded form.
///
/// A tokenizer owns ICU break iterators, which are not thread-safe: use one per thread.
public final class Tokenizer {
    private let words: OpaquePointer
    private let sentences: OpaquePointer
    /// Off only in the differential test that checks the fast path against ICU.
    var useFastPath = true

    public init() throws {
        var error: Int32 = 0
        guard let words = candor_breaker_create(Int32(CANDOR_BREAK_WORD), &error) else {
            throw TokenizerError(code: error)
        }
        guard let sentences = candor_breaker_create(Int32(CANDOR_BREAK_SENTENCE), &error) else {
            candor_breaker_destroy(words)
            throw TokenizerError(code: error)
        }
        self.words = words
        self.sentences = sentences
    }

    deinit {
        candor_breaker_destroy(words)
        candor_breaker_destroy(sentences)
    }

    /// Tokenizes `range` of `text`. Token offsets are positions in `text`, not in the range.
    /// Every token's `sentence` is 0 until `assignSentences` is called: most blocks never need it.
    public func tokenize(_ text: UnsafeBufferPointer<UInt8>, range: Range<Int>, vocabulary: Vocabulary) -> [Token] {
        guard !range.isEmpty, let base = text.baseAddress else { return [] }
        let start = base + range.lowerBound
        var tokens: [Token] = []
        tokens.reserveCapacity(range.count / 4)

        let block = UnsafeBufferPointer(start: start, count: range.count)
        if useFastPath && FastWordBreaker.supports(block) {
            var previous = 0
            FastWordBreaker.segments(block) { boundary, status in
                let piece = UnsafeBufferPointer(start: start + previous, count: boundary - previous)
                let segment: Int32 =
                    status == .letter
                    ? Int32(CANDOR_SEGMENT_LETTER)
                    : status == .number ? Int32(CANDOR_SEGMENT_NUMBER) : Int32(CANDOR_SEGMENT_OTHER)
                var token = Token(
                    start: Int32(range.lowerBound + previous), end: Int32(range.lowerBound + boundary),
                    kind: Self.kind(segment, piece))
                if token.kind != .space {
                    token.symbol = vocabulary.lookup(piece)
                    let first = piece[0]
                    // The only non-ASCII letters here are Latin-1's, whose capitals are U+00C0–U+00DE but ×.
                    token.isCapitalized =
                        first &- 65 < 26
                        || (first == 0xC3 && token.kind == .word
                            && piece[1] &- 0x80 < 0x1F && piece[1] != 0x97)
                }
                tokens.append(token)
                previous = boundary
            }
            if MaskedWords.mayHide(block) { MaskedWords.unmask(&tokens, text: text, vocabulary: vocabulary) }
            return tokens
        }

        candor_breaker_set_text(words, start, Int64(range.count))
        var previous = 0
        var kind: Int32 = 0
        while true {
            let boundary = Int(candor_breaker_next(words, &kind))
            if boundary < 0 { break }
            let piece = UnsafeBufferPointer(start: start + previous, count: boundary - previous)
            var token = Token(
                start: Int32(range.lowerBound + previous), end: Int32(range.lowerBound + boundary),
                kind: Self.kind(kind, piece))
            if token.kind != .space {
                token.symbol = vocabulary.lookup(piece)
                let first = piece[0]
                token.isCapitalized =
                    first &- 65 < 26 || (first >= 0x80 && token.kind == .word && Self.startsUpper(piece))
            }
            tokens.append(token)
            previous = boundary
        }
        if MaskedWords.mayHide(block) { MaskedWords.unmask(&tokens, text: text, vocabulary: vocabulary) }
        return tokens
    }

    /// Numbers the sentences of a tokenized block with ICU's sentence rules.
    ///
    /// Single line breaks are read as spaces first: ICU ends a sentence at every line break, which would
    /// cut phrases in hard-wrapped text in two. A blank line (two breaks) still ends the sentence.
    public func assignSentences(_ tokens: inout [Token], text: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        guard !range.isEmpty, !tokens.isEmpty else { return }
        var copy = Array(text[range])
        var index = 0
        while index < copy.count {
            let byte = copy[index]
            if byte == 0x0A || byte == 0x0D {
                var end = index
                var breaks = 0
                while end < copy.count
                    && (copy[end] == 0x0A || copy[end] == 0x0D || copy[end] == 0x20 || copy[end] == 0x09)
                {
                    if copy[end] == 0x0A { breaks += 1 }
                    end += 1
                }
                if breaks <= 1 && !Self.isHeadline(copy, lineEnd: index, next: end) {
                    for k in index..<end { copy[k] = 0x20 }
                }
                index = end
            } else {
                index += 1
            }
        }
        let ends = copy.withUnsafeBufferPointer { sentenceEnds($0) }
        var next = 0
        var sentence: Int32 = 0
        for index in tokens.indices {
            let offset = Int(tokens[index].start) - range.lowerBound
            while next < ends.count && offset >= ends[next] {
                next += 1
                if !Self.endsWithAbbreviation(tokens, before: index, text: text) { sentence += 1 }
            }
            tokens[index].sentence = sentence
        }
    }

    /// True when the line ending at `lineEnd` is a Title Case headline with no closing punctuation and the next
    /// line begins with a capital: "Pastors Implicated as Sex Scandal Rocks Churches" above a news story's
    /// first sentence. Joined to that sentence, its capitalised words would read as a name inside it.
    static func isHeadline(_ bytes: [UInt8], lineEnd: Int, next: Int) -> Bool {
        guard next < bytes.count, bytes[next] &- 65 < 26 else { return false }
        var start = lineEnd
        while start > 0 && bytes[start - 1] != 0x0A && bytes[start - 1] != 0x0D { start -= 1 }
        var last = lineEnd - 1
        while last >= start && (bytes[last] == 0x20 || bytes[last] == 0x09) { last -= 1 }
        guard last >= start else { return false }
        switch bytes[last] {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "-"),
            UInt8(ascii: "!"), UInt8(ascii: "?"):
            return false
        default: break
        }
        var capitalised = 0
        var lowercase = 0
        var index = start
        while index <= last {
            let byte = bytes[index]
            let isLetter = byte &- 65 < 26 || byte &- 97 < 26
            if isLetter && (index == start || bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09) {
                if byte &- 65 < 26 { capitalised += 1 } else { lowercase += 1 }
            }
            index += 1
        }
        // A few short lower-case words ("as", "of", "in") sit in most headlines; prose is mostly lower case.
        return capitalised >= 3 && lowercase * 4 <= capitalised
    }

    /// The end of each sentence of `text`, the last being its end: from the fast path when it handles every
    /// character, from ICU otherwise.
    func sentenceEnds(_ text: UnsafeBufferPointer<UInt8>) -> [Int] {
        if useFastPath && FastSentenceBreaker.supports(text) { return FastSentenceBreaker.boundaries(text) }
        candor_breaker_set_text(sentences, text.baseAddress, Int64(text.count))
        var ends: [Int] = []
        while true {
            let end = Int(candor_breaker_next(sentences, nil))
            if end < 0 { return ends }
            ends.append(end)
        }
    }

    /// Titles that ICU's abbreviation filter sometimes misses ("Mr. Smith resigned. Dr. Jones ..." breaks after "Dr.").
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "rev", "hon",
        "jr", "sr", "fr", "no", "vs", "cllr", "supt", "insp", "det", "pc", "mx"
    ]

    private static func endsWithAbbreviation(_ tokens: [Token], before index: Int, text: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        var i = index - 1
        while i >= 0 && tokens[i].kind == .space { i -= 1 }
        guard i >= 1, tokens[i].kind == .punctuation, tokens[i].length == 1, text[Int(tokens[i].start)] == 0x2E else {
            return false
        }
        let word = tokens[i - 1]
        guard word.kind == .word, word.length <= 4 else { return false }
        let folded = String(decoding: text[Int(word.start)..<Int(word.end)].map(Folding.lowerASCII), as: UTF8.self)
        return abbreviations.contains(folded)
    }

    /// Splits a short string (a pattern word) into its word and punctuation segments, exactly as prose would be split.
    public func segments(of string: String) -> [(text: String, kind: TokenKind)] {
        var utf8 = Array(string.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer -> [(String, TokenKind)] in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return [] }
            candor_breaker_set_text(words, base, Int64(buffer.count))
            var result: [(String, TokenKind)] = []
            var previous = 0
            var kind: Int32 = 0
            while true {
                let boundary = Int(candor_breaker_next(words, &kind))
                if boundary < 0 { break }
                let piece = UnsafeBufferPointer(start: base + previous, count: boundary - previous)
                let tokenKind = Self.kind(kind, piece)
                if tokenKind != .space {
                    result.append((String(decoding: Folding.fold(piece), as: UTF8.self), tokenKind))
                }
                previous = boundary
            }
            return result
        }
    }

    @inline(__always)
    private static func kind(_ segment: Int32, _ piece: UnsafeBufferPointer<UInt8>) -> TokenKind {
        switch segment {
        case Int32(CANDOR_SEGMENT_NUMBER): return .number
        case Int32(CANDOR_SEGMENT_OTHER):
            // ICU gives spaces and punctuation the same status; tell them apart by their bytes.
            return isSpace(piece) ? .space : .punctuation
        default: return .word
        }
    }

    private static func isSpace(_ piece: UnsafeBufferPointer<UInt8>) -> Bool {
        switch piece[0] {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: return true
        case 0xC2: return piece.count > 1 && (piece[1] == 0xA0 || piece[1] == 0x85)
        case 0xE2:
            return piece.count > 2
                && ((piece[1] == 0x80
                    && (piece[2] <= 0x8A || piece[2] == 0xA8
                        || piece[2] == 0xA9 || piece[2] == 0xAF))
                    || (piece[1] == 0x81 && piece[2] == 0x9F))
        case 0xE3: return piece.count > 2 && piece[1] == 0x80 && piece[2] == 0x80
        default: return false
        }
    }

    private static func startsUpper(_ piece: UnsafeBufferPointer<UInt8>) -> Bool {
        let scalar = String(decoding: piece.prefix(4), as: UTF8.self).unicodeScalars.first
        return scalar?.properties.isUppercase ?? false
    }
}
