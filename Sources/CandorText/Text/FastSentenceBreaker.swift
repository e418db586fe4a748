/// Sentence boundaries for common prose, identical to those of ICU's "en@ss=standard" sentence iterator,
/// without leaving Swift.
///
/// That iterator is UAX #29's sentence rules followed by a filter that drops a break after any of CLDR's
/// English abbreviations (`SentenceAbbreviationFilter`). Both are reproduced here for the characters
/// `FastWordBreaker` handles, minus the ASCII control characters that are not white space; any other text
/// goes to ICU. `FastSentenceBreakerTests` checks the two agree on every fixture and on generated strings.
enum FastSentenceBreaker {
    /// UAX #29 sentence-break classes of the characters this breaker handles. Sep, Format, Extend and OLetter
    /// do not occur among them.
    enum Class: UInt8 {
        case other, cr, lf, sp, lower, upper, numeric, aTerm, sTerm, close, sContinue
    }

    static let classes: [Class] = {
        var table = [Class](repeating: .other, count: 128)
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = .lower }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = .upper }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = .numeric }
        table[0x0D] = .cr
        table[0x0A] = .lf
        for byte: UInt8 in [0x09, 0x0B, 0x0C, 0x20] { table[Int(byte)] = .sp }
        table[Int(UInt8(ascii: "."))] = .aTerm
        for byte in "!?".utf8 { table[Int(byte)] = .sTerm }
        // Quotation marks and brackets are Close, whether they open or close.
        for byte in "\"'()[]{}".utf8 { table[Int(byte)] = .close }
        for byte in ",-:".utf8 { table[Int(byte)] = .sContinue }
        return table
    }()

    /// True when `supports` may vouch for this text: `FastWordBreaker`'s characters without the control
    /// characters UAX #29 does not class as space or line break.
    static func supports(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = text.count
        guard let base = text.baseAddress else { return true }
        var i = 0
        while i < count {
            if i + 8 <= count {
                // Eight printable ASCII bytes at a time: none has the top bit, none is below 0x20, none is 0x7F.
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                let below = (word &- 0x2020_2020_2020_2020) & ~word & high
                let delete =
                    ((word ^ 0x7F7F_7F7F_7F7F_7F7F) &- 0x0101_0101_0101_0101) & ~(word ^ 0x7F7F_7F7F_7F7F_7F7F) & high
                if (word & high) | below | delete == 0 {
                    i += 8
                    continue
                }
            }
            let byte = text[i]
            if byte < 0x80 {
                if (byte < 0x20 && (byte < 0x09 || byte > 0x0D)) || byte == 0x7F { return false }
                i += 1
                continue
            }
            guard let length = FastWordBreaker.supportedLength(text, i) else { return false }
            i += length
        }
        return true
    }

    /// The class and UTF-8 length of the character at `index` (which must be below `text.count`).
    @inline(__always)
    static func character(_ text: UnsafeBufferPointer<UInt8>, _ index: Int) -> (Class, Int) {
        let byte = text[index]
        if byte < 0x80 { return (classes[Int(byte)], 1) }
        switch byte {
        case 0xC2:
            return (.sp, 2)  // U+00A0 is White_Space, so Sp.
        case 0xC3:
            let second = text[index + 1]
            return (second < 0x9F ? .upper : .lower, 2)  // ß (U+00DF) and after are small letters.
        default:
            switch text[index + 2] {
            case 0x93, 0x94: return (.sContinue, 3)  // en and em dash
            case 0x98, 0x99, 0x9C, 0x9D: return (.close, 3)  // curly quotes
            default: return (.other, 3)  // the ellipsis
            }
        }
    }

    /// The class of the character that ends just before `index`.
    @inline(__always)
    static func classBefore(_ text: UnsafeBufferPointer<UInt8>, _ index: Int) -> Class {
        var start = index - 1
        while start > 0 && text[start] & 0xC0 == 0x80 { start -= 1 }
        return start >= 0 ? character(text, start).0 : .other
    }

    /// The end of each sentence of `text` (which `supports` must accept), in order; the last is `text.count`.
    static func boundaries(_ text: UnsafeBufferPointer<UInt8>) -> [Int] {
        let count = text.count
        // No text, no sentence: ICU gives no boundary either.
        if count == 0 { return [] }
        var result: [Int] = []
        @inline(__always) func at(_ index: Int) -> Class { index < count ? character(text, index).0 : .other }
        /// Past a paragraph separator at `index` (CR LF counts as one), or nil when there is none.
        @inline(__always) func pastSeparator(_ index: Int) -> Int? {
            guard index < count else { return nil }
            if text[index] == 0x0A { return index + 1 }
            if text[index] != 0x0D { return nil }
            return index + 1 < count && text[index + 1] == 0x0A ? index + 2 : index + 1
        }
        @inline(__always) func add(_ boundary: Int) {
            if boundary < count && !SentenceAbbreviationFilter.suppresses(text, at: boundary) {
                result.append(boundary)
            }
        }

        var i = 0
        while i < count {
            // SB3, SB4: break after a paragraph separator.
            if let end = pastSeparator(i) {
                add(end)
                i = end
                continue
            }
            let (terminator, length) = character(text, i)
            guard terminator == .aTerm || terminator == .sTerm else {
                i += length
                continue
            }
            // SB9, SB10: no break inside SATerm Close* Sp*; SB11: break after it and an optional separator.
            var end = i + length
            while end < count, case (.close, let step) = character(text, end) { end += step }
            while end < count, case (.sp, let step) = character(text, end) { end += step }
            if let past = pastSeparator(end) {
                add(past)
                i = past
                continue
            }
            if end == count { break }
            let next = at(end)
            var joined = false
            if terminator == .aTerm {
                if end == i + 1 {
                    // SB6: "3.5"; SB7: "U.S" (a letter, the period, a capital).
                    if next == .numeric { joined = true }
                    if next == .upper, i > 0, case let before = classBefore(text, i),
                        before == .upper || before == .lower
                    {
                        joined = true
                    }
                }
                // SB8: a small letter ahead, past anything that is not a letter, separator or terminator.
                var ahead = end
                while ahead < count {
                    let (kind, step) = character(text, ahead)
                    if kind == .upper || kind == .lower || kind == .cr || kind == .lf || kind == .aTerm
                        || kind == .sTerm
                    {
                        if kind == .lower { joined = true }
                        break
                    }
                    ahead += step
                }
            }
            // SB8a: a comma, dash, colon or another terminator continues the sentence.
            if next == .sContinue || next == .aTerm || next == .sTerm { joined = true }
            if !joined { add(end) }
            i = end
        }
        result.append(count)
        return result
    }
}
