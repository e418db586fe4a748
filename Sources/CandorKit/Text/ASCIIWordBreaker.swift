/// Word boundaries for pure-ASCII text, identical to ICU's (UAX #29 restricted to ASCII), without leaving Swift.
///
/// Most prose is ASCII, and ICU's general rule engine costs more than the rest of Candor's pipeline put
/// together. A block with any non-ASCII byte goes to ICU instead. `ASCIIWordBreakerTests` checks that the
/// two agree, boundary for boundary and status for status, over generated and real text.
enum ASCIIWordBreaker {
    /// UAX #29 word-break classes of the ASCII characters.
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

    /// Calls `emit(end, status)` for each segment of `text` (which must be ASCII), in order.
    @inline(__always)
    static func segments(_ text: UnsafeBufferPointer<UInt8>, _ emit: (Int, Status) -> Void) {
        let count = text.count
        var i = 0
        classes.withUnsafeBufferPointer { table in
            @inline(__always) func cls(_ index: Int) -> Class { index < count ? table[Int(text[index])] : .other }
            while i < count {
                let first = cls(i)
                var j = i + 1
                var status = Status.none
                switch first {
                case .cr:
                    if cls(j) == .lf { j += 1 }
                case .space:
                    while cls(j) == .space { j += 1 }
                case .letter, .numeric, .extendNumLet:
                    status = first == .letter ? .letter : first == .numeric ? .number : .none
                    var previous = first
                    while j < count {
                        let current = cls(j)
                        if current == .letter || current == .numeric || current == .extendNumLet {
                            status = joinStatus(previous, current)
                            previous = current
                            j += 1
                            continue
                        }
                        // WB6/7: letter (MidLetter | MidNumLetQ) letter. WB11/12: digit (MidNum | MidNumLetQ) digit.
                        let after = cls(j + 1)
                        if previous == .letter && (current == .midLetter || current == .midNumLetQ) && after == .letter {
                            status = .letter
                            previous = .letter
                            j += 2
                            continue
                        }
                        if previous == .numeric && (current == .midNum || current == .midNumLetQ) && after == .numeric {
                            status = .number
                            previous = .numeric
                            j += 2
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

    /// True when every byte is ASCII (checked eight bytes at a time).
    static func isASCII(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let count = text.count
        guard let base = text.baseAddress else { return true }
        while i + 8 <= count {
            if UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < count {
            if text[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }
}
