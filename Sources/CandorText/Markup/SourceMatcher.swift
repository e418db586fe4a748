import CHTML

/// Finds decoded text (a cmark literal, a libxml2 text node) in the source bytes it came from.
///
/// The decoded text and the source agree byte for byte except where the source spells a character another way:
/// a character reference (`&rsquo;`, `&#8217;`, `&#x2019;`), a Markdown backslash escape, or (HTML) CRLF that the
/// parser read as LF. Literal stretches become identity runs; each other spelling becomes one mapped run.
struct SourceMatcher {
    enum Flavor {
        case markdown
        case html
    }

    enum Piece {
        /// Source bytes that are the prose.
        case literal(Range<Int>)
        /// Prose bytes (a range of the decoded text) standing for a source span.
        case mapped(prose: Range<Int>, source: Range<Int>)
    }

    let flavor: Flavor
    private(set) var pieces: [Piece] = []

    init(flavor: Flavor) {
        self.flavor = flavor
    }

    /// Matches all of `decoded` against the source starting exactly at `start`, without passing `limit`.
    /// On success `pieces` describes the match and the end offset is returned.
    mutating func match(
        _ decoded: UnsafeBufferPointer<UInt8>, in source: UnsafeBufferPointer<UInt8>,
        at start: Int, limit: Int
    ) -> Int? {
        pieces.removeAll(keepingCapacity: true)
        let (i, j) = advance(decoded, from: 0, in: source, at: start, limit: min(limit, source.count))
        return i == decoded.count ? j : nil
    }

    /// Like `match`, but lets source bytes the parser dropped (`</` before a space, a broken tag) sit between
    /// stretches of the decoded text, as long as each stretch resumes within `maximumGap` bytes.
    mutating func matchSkipping(
        _ decoded: UnsafeBufferPointer<UInt8>, in source: UnsafeBufferPointer<UInt8>,
        at start: Int, limit: Int, maximumGap: Int
    ) -> Int? {
        pieces.removeAll(keepingCapacity: true)
        let limit = min(limit, source.count)
        var (i, j) = advance(decoded, from: 0, in: source, at: start, limit: limit)
        // The first stretch must be real, or any text would "match" anywhere.
        guard i >= min(decoded.count, 4) else { return nil }
        while i < decoded.count {
            let needed = min(decoded.count - i, 4)
            let kept = pieces.count
            var resumed = false
            var k = j + 1
            while k <= min(j + maximumGap, limit - 1) {
                let (nextI, nextJ) = advance(decoded, from: i, in: source, at: k, limit: limit)
                if nextI - i >= needed {
                    (i, j) = (nextI, nextJ)
                    resumed = true
                    break
                }
                pieces.removeSubrange(kept...)
                k += 1
            }
            if !resumed { return nil }
        }
        return j
    }

    /// Matches decoded bytes from `i` against the source from `start` until they differ; appends pieces and returns
    /// how far both got.
    private mutating func advance(
        _ decoded: UnsafeBufferPointer<UInt8>, from first: Int,
        in source: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int
    ) -> (Int, Int) {
        var i = first
        var j = start
        var literalStart = start
        func flushLiteral(_ end: Int) {
            if end > literalStart { pieces.append(.literal(literalStart..<end)) }
        }
        while i < decoded.count {
            guard j < limit else { break }
            let byte = source[j]
            if byte == 0x26, let reference = reference(in: source, at: j, limit: limit),
                let length = decodedLength(of: reference, decoded: decoded, at: i, source: source, limit: limit)
            {
                flushLiteral(j)
                pieces.append(.mapped(prose: i..<(i + length), source: j..<reference.end))
                i += length
                j = reference.end
                literalStart = j
                continue
            }
            if flavor == .markdown && byte == 0x5C && j + 1 < limit && Self.isASCIIPunctuation(source[j + 1])
                && decoded[i] == source[j + 1]
            {
                flushLiteral(j)
                pieces.append(.mapped(prose: i..<(i + 1), source: j..<(j + 2)))
                i += 1
                j += 2
                literalStart = j
                continue
            }
            if byte == decoded[i] {
                i += 1
                j += 1
                continue
            }
            if flavor == .html && byte == 0x0D && decoded[i] == 0x0A {
                // The parser read CRLF (or a lone CR) as LF. The prose keeps the source bytes, so this stays literal
                // as long as the whole CRLF is copied.
                j += j + 1 < limit && source[j + 1] == 0x0A ? 2 : 1
                i += 1
                continue
            }
            break
        }
        flushLiteral(j)
        return (i, j)
    }

    struct Reference {
        var end: Int
        /// The code point, or nil for a name the decoder table does not know.
        var scalar: UInt32?
        var nameRange: Range<Int>
    }

    /// A character reference at `at` (which holds `&`), as the parser of this flavor reads one.
    private func reference(in source: UnsafeBufferPointer<UInt8>, at: Int, limit: Int) -> Reference? {
        var k = at + 1
        guard k < limit else { return nil }
        if source[k] == 0x23 {
            k += 1
            var value: UInt32 = 0
            var digits = 0
            let hex = k < limit && (source[k] | 0x20) == 0x78
            if hex { k += 1 }
            while k < limit {
                let byte = source[k]
                let digit: UInt32
                if byte &- 0x30 < 10 {
                    digit = UInt32(byte - 0x30)
                } else if hex && (byte | 0x20) &- 0x61 < 6 {
                    digit = UInt32((byte | 0x20) - 0x61 + 10)
                } else {
                    break
                }
                value = min(value &* (hex ? 16 : 10) &+ digit, 0x110000)
                digits += 1
                k += 1
            }
            // No length limit: were the parser to keep an over-long reference as text, the decoded '&' would not
            // match and the bytes would be compared literally instead.
            guard digits > 0 else { return nil }
            if k < limit && source[k] == 0x3B {
                k += 1
            } else if flavor == .markdown {
                return nil
            }
            // Both parsers turn NUL, surrogates and out-of-range values into U+FFFD (or drop them): let the length
            // check below settle it.
            let scalar: UInt32 = value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) ? 0xFFFD : value
            return Reference(end: k, scalar: scalar, nameRange: at..<k)
        }
        let nameStart = k
        while k < limit && k - nameStart < 32 {
            let byte = source[k]
            guard (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 else { break }
            k += 1
        }
        guard k > nameStart, k < limit, source[k] == 0x3B else { return nil }
        let name = UnsafeBufferPointer(rebasing: source[nameStart..<k])
        let value = candor_html_entity(name.baseAddress, Int64(name.count))
        return Reference(end: k + 1, scalar: value >= 0 ? UInt32(value) : nil, nameRange: nameStart..<k)
    }

    /// How many decoded bytes at `i` a reference stands for, or nil if it does not fit there.
    private func decodedLength(
        of reference: Reference, decoded: UnsafeBufferPointer<UInt8>, at i: Int,
        source: UnsafeBufferPointer<UInt8>, limit: Int
    ) -> Int? {
        if let scalar = reference.scalar {
            var utf8: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
            let count = Self.encode(scalar, into: &utf8)
            guard i + count <= decoded.count else { return nil }
            let bytes = [utf8.0, utf8.1, utf8.2, utf8.3]
            for offset in 0..<count where decoded[i + offset] != bytes[offset] { return nil }
            return count
        }
        // A name outside libxml2's HTML 4 table: libxml2 keeps it as written, so for HTML it is literal text.
        // cmark knows all of HTML 5's names; it decodes to one or two characters, whichever lets the source after
        // the reference line up with the decoded text again.
        guard flavor == .markdown, decoded[i] != 0x26 else { return nil }
        var length = 0
        for _ in 0..<2 {
            guard i + length < decoded.count else { break }
            length += Self.scalarLength(decoded[i + length])
            let next = i + length
            if next >= decoded.count || (reference.end < limit && source[reference.end] == decoded[next]) {
                return min(length, decoded.count - i)
            }
        }
        return nil
    }

    static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    static func encode(_ scalar: UInt32, into bytes: inout (UInt8, UInt8, UInt8, UInt8)) -> Int {
        switch scalar {
        case 0..<0x80:
            bytes.0 = UInt8(scalar)
            return 1
        case 0x80..<0x800:
            bytes.0 = UInt8(0xC0 | (scalar >> 6))
            bytes.1 = UInt8(0x80 | (scalar & 0x3F))
            return 2
        case 0x800..<0x10000:
            bytes.0 = UInt8(0xE0 | (scalar >> 12))
            bytes.1 = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            bytes.2 = UInt8(0x80 | (scalar & 0x3F))
            return 3
        default:
            bytes.0 = UInt8(0xF0 | (scalar >> 18))
            bytes.1 = UInt8(0x80 | ((scalar >> 12) & 0x3F))
            bytes.2 = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            bytes.3 = UInt8(0x80 | (scalar & 0x3F))
            return 4
        }
    }

    @inline(__always)
    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60)
            || (byte >= 0x7B && byte <= 0x7E)
    }

    /// Writes the last match into `builder`: literal pieces from the source, mapped ones from the decoded text.
    func emit(
        into builder: inout ProseBuilder, decoded: UnsafeBufferPointer<UInt8>,
        source: UnsafeBufferPointer<UInt8>, spaceLineBreaks: Bool
    ) {
        for piece in pieces {
            switch piece {
            case .literal(let range):
                builder.appendIdentity(source, range, spaceLineBreaks: spaceLineBreaks)
            case .mapped(let prose, let sourceRange):
                builder.appendMapped(UnsafeBufferPointer(rebasing: decoded[prose]), source: sourceRange)
            }
        }
    }
}
