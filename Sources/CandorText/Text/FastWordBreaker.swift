/// Word boundaries for common prose, identical to ICU's (UAX #29), without leaving Swift.
///
/// Most prose is ASCII plus a handful of typographic characters: curly quotes, en and em dashes, the
/// ellipsis, the non-breaking space and accented Latin-1 letters. ICU's general rule engine costs more than
/// the rest of Candor's pipeline put together, so blocks made only of those characters are broken here; a
/// block with any other character goes to ICU. `FastWordBreakerTests` checks that the two agree, boundary
/// for boundary and status for status, over generated and real text.
enum FastWordBreaker {
    /// UAX #29 word-break classes of the characters this breaker handles.
    enum Class: UInt8 {
        case other, letter, numeric, extendNumLet, midLetter, midNum, midNumLetQ, space, cr, lf, newline
    }

    static let classes: [Class] = {
        var table = [Class](repeating: .other, count: 128)
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = .letter }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = .letter }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = .numeric }
        // ICU adds "@" to ALetter so that email addresses and handles stay one word.
        table[Int(UInt8(ascii: "@"))] = .letter
        table[Int(UInt8(ascii: "_"))] = .extendNumLet
        // ICU's root rules drop the colon from MidLetter; the period and apostrophe join both letters and digits.
        table[Int(UInt8(ascii: "."))] = .midNumLetQ
        table[Int(UInt8(ascii: "'"))] = .midNumLetQ
        table[Int(UInt8(ascii: ","))] = .midNum
        table[Int(UInt8(ascii: ";"))] = .midNum
        table[0x20] = .space
        table[0x0D] = .cr
        table[0x0A] = .lf
        table[0x0B] = .newline
        table[0x0C] = .newline
        return table
    }()

    /// ICU's rule status for a segment: 0 none, 100 number, 200 letter.
    enum Status: Int32 {
        case none = 0
        case number = 100
        case letter = 200
    }

    /// The class and UTF-8 length of the character at `index`, which `supports` has vouched for.
    ///
    /// U+2018 and U+2019 are MidNumLet, like the period ("don’t" is one word). The other typographic marks
    /// (U+201C, U+201D, U+2013, U+2014, U+2026) and the non-breaking space are Other: each is a segment of
    /// its own (U+00A0 is not WSegSpace, so two of them are two segments). Latin-1 letters are ALetter.
    @inline(__always)
    static func character(_ text: UnsafeBufferPointer<UInt8>, _ index: Int, _ table: UnsafeBufferPointer<Class>) -> (
        Class, Int
    ) {
        let byte = text[index]
        if byte < 0x80 { return (table[Int(byte)], 1) }
        switch byte {
        case 0xC3: return (.letter, 2)
        case 0xC2: return (.other, 2)
        default: return (text[index + 2] == 0x98 || text[index + 2] == 0x99 ? .midNumLetQ : .other, 3)
        }
    }

    /// Calls `emit(end, status)` for each segment of `text` (which `supports` must accept), in order.
    @inline(__always)
    static func segments(_ text: UnsafeBufferPointer<UInt8>, _ emit: (Int, Status) -> Void) {
        let count = text.count
        var i = 0
        classes.withUnsafeBufferPointer { table in
            @inline(__always) func at(_ index: Int) -> (Class, Int) {
                index < count ? character(text, index, table) : (.other, 0)
            }
            while i < count {
                let (first, firstLength) = at(i)
                var j = i + firstLength
                var status = Status.none
                switch first {
                case .cr:
                    if j < count && text[j] == 0x0A { j += 1 }
                case .space:
                    while j < count && text[j] == 0x20 { j += 1 }
                case .letter, .numeric, .extendNumLet:
                    status = first == .letter ? .letter : first == .numeric ? .number : .none
                    var previous = first
                    while j < count {
                        let (current, length) = at(j)
                        if current == .letter || current == .numeric || current == .extendNumLet {
                            status = joinStatus(previous, current)
                            previous = current
                            j += length
                            continue
                        }
                        // WB6/7: letter (MidLetter | MidNumLetQ) letter. WB11/12: digit (MidNum | MidNumLetQ) digit.
                        let (after, afterLength) = at(j + length)
                        if previous == .letter && (current == .midLetter || current == .midNumLetQ) && after == .letter
                        {
                            status = .letter
                            previous = .letter
                            j += length + afterLength
                            continue
                        }
                        if previous == .numeric && (current == .midNum || current == .midNumLetQ) && after == .numeric {
                            status = .number
                            previous = .numeric
                            j += length + afterLength
                            continue
                        }
                        break
                    }
                default:
                    break
                }
                emit(j, status)
                i = j
            }
        }
    }

    /// The status ICU gives when `current` joins a segment whose last character is `previous`:
    /// that of the rule that matched last, so "T3" is a number and "3rd" a word.
    @inline(__always)
    static func joinStatus(_ previous: Class, _ current: Class) -> Status {
        switch current {
        case .numeric: return .number
        case .extendNumLet: return previous == .numeric ? .number : .letter
        default: return .letter
        }
    }

    /// True when every character is one this breaker handles: ASCII (checked eight bytes at a time), U+00A0,
    /// the Latin-1 letters U+00C0–U+00FF but × and ÷, U+2013, U+2014, U+2018, U+2019, U+201C, U+201D, U+2026.
    static func supports(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let count = text.count
        guard let base = text.baseAddress else { return true }
        while i < count {
            if i + 8 <= count && UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                i += 8
                continue
            }
            let byte = text[i]
            if byte < 0x80 {
                i += 1
                continue
            }
            guard let length = supportedLength(text, i) else { return false }
            i += length
        }
        return true
    }

    /// The UTF-8 length of the supported non-ASCII character at `index`, or nil when it is not one.
    @inline(__always)
    static func supportedLength(_ text: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int? {
        let count = text.count
        switch text[index] {
        case 0xC2:
            return index + 1 < count && text[index + 1] == 0xA0 ? 2 : nil
        case 0xC3:
            guard index + 1 < count else { return nil }
            let second = text[index + 1]
            return second >= 0x80 && second <= 0xBF && second != 0x97 && second != 0xB7 ? 2 : nil
        case 0xE2:
            guard index + 2 < count, text[index + 1] == 0x80 else { return nil }
            switch text[index + 2] {
            case 0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D, 0xA6: return 3
            default: return nil
            }
        default:
            return nil
        }
    }
}
