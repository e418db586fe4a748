/// A small streaming JSON writer: fast on large runs, and it keeps keys in the order the contract shows.
struct JSONWriter {
    private(set) var output = ""
    private let pretty: Bool
    private var depth = 0
    private var needsComma = [false]

    /// `depth` is the indentation the output starts at, for a fragment of a larger document.
    init(pretty: Bool = true, depth: Int = 0) {
        self.pretty = pretty
        self.depth = depth
        self.baseDepth = depth
    }

    private let baseDepth: Int

    private mutating func newline() {
        guard pretty else { return }
        output += "\n"
        output += String(repeating: "  ", count: depth)
    }

    private mutating func separate() {
        let follows = needsComma[needsComma.count - 1]
        if follows { output += "," }
        needsComma[needsComma.count - 1] = true
        // Inside a container, or after a sibling in a fragment: each item on its own line.
        if depth > baseDepth || follows { newline() }
    }

    mutating func key(_ name: String) {
        separate()
        Self.appendQuoted(name, to: &output)
        output += pretty ? ": " : ":"
        needsComma[needsComma.count - 1] = false
        pendingValueAfterKey = true
    }

    private var pendingValueAfterKey = false

    private mutating func beforeValue() {
        if pendingValueAfterKey {
            pendingValueAfterKey = false
            needsComma[needsComma.count - 1] = true
        } else {
            separate()
        }
    }

    mutating func beginObject() { beforeValue(); output += "{"; depth += 1; needsComma.append(false) }
    mutating func endObject() { let had = needsComma.removeLast(); depth -= 1; if had { newline() }; output += "}" }
    mutating func beginArray() { beforeValue(); output += "["; depth += 1; needsComma.append(false) }
    mutating func endArray() { let had = needsComma.removeLast(); depth -= 1; if had { newline() }; output += "]" }

    mutating func string(_ value: String?) {
        beforeValue()
        if let value { Self.appendQuoted(value, to: &output) } else { output += "null" }
    }

    mutating func number(_ value: Int) { beforeValue(); output += String(value) }
    mutating func number(_ value: Double) { beforeValue(); output += value.isFinite ? String(value) : "null" }
    mutating func bool(_ value: Bool) { beforeValue(); output += value ? "true" : "false" }
    mutating func null() { beforeValue(); output += "null" }

    mutating func field(_ name: String, _ value: String?) { key(name); string(value) }
    mutating func field(_ name: String, _ value: Int) { key(name); number(value) }
    mutating func field(_ name: String, _ value: Double) { key(name); number(value) }
    mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }
    mutating func field(_ name: String, _ values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    static func quote(_ string: String) -> String {
        var result = ""
        appendQuoted(string, to: &result)
        return result
    }

    /// Appends `string` as a JSON string literal, in place: large reports are written without temporaries.
    static func appendQuoted(_ string: String, to result: inout String) {
        // Most strings need no escaping: check the bytes once and copy them whole.
        var clean = true
        for byte in string.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 {
            clean = false
            break
        }
        result += "\""
        if clean {
            result += string
            result += "\""
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        result += "\""
    }
}
