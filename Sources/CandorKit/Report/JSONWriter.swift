import CandorRules
import CandorText

/// A small streaming JSON writer: fast on large runs, and it keeps keys in the order the contract shows.
///
/// It builds UTF-8 bytes rather than a `String`: appending to a byte array is a copy, where appending to a
/// `String` re-checks capacity, breadcrumbs and ASCII flags on every call, which was most of the cost of
/// writing 200,000 findings.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    private var depth = 0
    /// Whether the innermost open container (or the fragment) already holds an item, so the next needs a comma;
    /// the same for the containers around it in `outerNeedsComma`. The innermost is kept apart because every key
    /// and value reads and writes it.
    private var needsComma = false
    private var outerNeedsComma: [Bool] = []
    private let baseDepth: Int
    private var pendingValueAfterKey = false

    /// `depth` is the indentation the output starts at, for a fragment of a larger document.
    init(pretty: Bool = true, depth: Int = 0) {
        self.pretty = pretty
        self.depth = depth
        self.baseDepth = depth
    }

    var output: String { String(decoding: bytes, as: UTF8.self) }
    var isEmpty: Bool { bytes.isEmpty }

    /// Text written as it is, outside the writer's own commas and indentation: the punctuation a reporter spells
    /// out around a fragment.
    mutating func fragment(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    private mutating func raw(_ text: StaticString) {
        // Byte by byte: for literals this short, cheaper than `append(contentsOf:)` with a buffer, which costs a
        // generic call per key and a finding has fourteen keys (docs/performance.md, round 63).
        guard text.hasPointerRepresentation else {
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
            return
        }
        let start = text.utf8Start
        for index in 0..<text.utf8CodeUnitCount { bytes.append(start[index]) }
    }

    private mutating func newline() {
        guard pretty else { return }
        bytes.append(0x0A)
        // A few spaces appended one by one cost less than copying a prepared indent array (docs/performance.md).
        for _ in 0..<2 * depth { bytes.append(0x20) }
    }

    private mutating func separate() {
        let follows = needsComma
        if follows { bytes.append(0x2C) }
        needsComma = true
        // Inside a container, or after a sibling in a fragment: each item on its own line.
        if depth > baseDepth || follows { newline() }
    }

    /// Keys are the contract's own names, always literals of plain ASCII with nothing to escape, so they are
    /// copied as they are (a finding has fourteen of them).
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(0x22)
        raw(name)
        if pretty { raw("\": ") } else { raw("\":") }
        needsComma = false
        pendingValueAfterKey = true
    }

    private mutating func beforeValue() {
        if pendingValueAfterKey {
            pendingValueAfterKey = false
            needsComma = true
        } else {
            separate()
        }
    }

    mutating func beginObject() {
        beforeValue()
        raw("{")
        depth += 1
        outerNeedsComma.append(needsComma)
        needsComma = false
    }
    mutating func endObject() {
        let had = needsComma
        needsComma = outerNeedsComma.removeLast()
        depth -= 1
        if had { newline() }
        raw("}")
    }
    mutating func beginArray() {
        beforeValue()
        raw("[")
        depth += 1
        outerNeedsComma.append(needsComma)
        needsComma = false
    }
    mutating func endArray() {
        let had = needsComma
        needsComma = outerNeedsComma.removeLast()
        depth -= 1
        if had { newline() }
        raw("]")
    }

    mutating func string(_ value: String?) {
        beforeValue()
        if let value { Self.appendQuoted(value, to: &bytes) } else { raw("null") }
    }

    mutating func number(_ value: Int) {
        beforeValue()
        Self.appendDecimal(value, to: &bytes)
    }
    mutating func number(_ value: Double) {
        beforeValue()
        if value.isFinite { bytes.append(contentsOf: String(value).utf8) } else { raw("null") }
    }
    mutating func bool(_ value: Bool) {
        beforeValue()
        if value { raw("true") } else { raw("false") }
    }
    mutating func null() {
        beforeValue()
        raw("null")
    }

    mutating func field(_ name: StaticString, _ value: String?) {
        key(name)
        string(value)
    }
    mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        number(value)
    }
    mutating func field(_ name: StaticString, _ value: Double) {
        key(name)
        number(value)
    }
    mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }
    mutating func field(_ name: StaticString, _ values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    static func quote(_ string: String) -> String {
        var result: [UInt8] = []
        appendQuoted(string, to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    static func appendDecimal(_ value: Int, to result: inout [UInt8]) {
        if value < 0 { result.append(0x2D) }
        var magnitude = value.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            // Digit by digit: appending the slice went through a generic copy costing more than the digits.
            for index in (20 - count)..<20 { result.append(buffer[index]) }
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// The bytes `appendQuoted` must look at: control characters, `"`, `\` and the first byte of U+2028/U+2029.
    private static let mayNeedEscape: [Bool] = (0..<256).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }

    /// Appends `string` as a JSON string literal. Control characters, `"` and `\` are escaped, and so are
    /// U+2028 and U+2029, which JavaScript (and so some JSON consumers) reads as line breaks.
    static func appendQuoted(_ string: String, to result: inout [UInt8]) {
        result.append(0x22)
        var string = string
        string.withUTF8 { utf8 in
            var copied = 0
            var index = 0
            let count = utf8.count
            while index < count {
                // Most of a report is messages with nothing to escape: skip those bytes with one load each.
                if !mayNeedEscape[Int(utf8[index])] {
                    index += 1
                    continue
                }
                let byte = utf8[index]
                var escape: StaticString?
                var width = 1
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x08: escape = "\\b"
                case 0x0C: escape = "\\f"
                case 0xE2
                where index + 2 < count && utf8[index + 1] == 0x80
                    && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    escape = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                default:
                    if byte < 0x20 {
                        result.append(contentsOf: utf8[copied..<index])
                        result.append(contentsOf: [
                            0x5C, 0x75, 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]
                        ])
                        index += 1
                        copied = index
                        continue
                    }
                }
                if let escape {
                    result.append(contentsOf: utf8[copied..<index])
                    escape.withUTF8Buffer { result.append(contentsOf: $0) }
                    index += width
                    copied = index
                } else {
                    index += 1
                }
            }
            result.append(contentsOf: utf8[copied..<count])
        }
        result.append(0x22)
    }
}
