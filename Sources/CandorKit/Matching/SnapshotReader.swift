/// Reads what `SnapshotWriter` wrote; every read checks that the bytes are there.
struct SnapshotReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { position == bytes.count }

    private func truncated() -> RuleSetSnapshot.DecodingError {
        RuleSetSnapshot.DecodingError(description: "snapshot is truncated at byte \(position)")
    }

    mutating func raw(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, bytes.count - position >= count else { throw truncated() }
        defer { position += count }
        return bytes[position..<position + count]
    }

    mutating func u32() throws -> UInt32 {
        let slice = try raw(4)
        var value: UInt32 = 0
        for (shift, byte) in slice.enumerated() { value |= UInt32(byte) << (8 * UInt32(shift)) }
        return value
    }

    mutating func i32() throws -> Int32 { Int32(bitPattern: try u32()) }
    mutating func int() throws -> Int { Int(try i32()) }

    mutating func bool() throws -> Bool {
        let byte = try raw(1).first!
        guard byte <= 1 else { throw RuleSetSnapshot.DecodingError(description: "bad flag at byte \(position - 1)") }
        return byte == 1
    }

    mutating func count() throws -> Int {
        let count = Int(try u32())
        // Every element takes at least one byte: a count past the end is corruption, not a huge allocation.
        guard count <= bytes.count - position else { throw truncated() }
        return count
    }

    mutating func string() throws -> String {
        let slice = try raw(try count())
        return slice.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    mutating func optionalString() throws -> String? { try bool() ? try string() : nil }

    mutating func array<T>(_ read: (inout SnapshotReader) throws -> T) throws -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    mutating func int32s() throws -> [Int32] {
        let count = try count()
        guard bytes.count - position >= 4 * count else { throw truncated() }
        var values = [Int32](repeating: 0, count: count)
        values.withUnsafeMutableBytes { target in
            bytes.withUnsafeBytes { source in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<position + 4 * count]))
            }
        }
        position += 4 * count
        // The bytes are little-endian; on a big-endian machine each value is turned around.
        return values.map { Int32(littleEndian: $0) }
    }

    mutating func strings() throws -> [String] { try array { try $0.string() } }
    mutating func bools() throws -> [Bool] { try array { try $0.bool() } }

    mutating func location() throws -> FileLocation {
        FileLocation(file: try string(), line: try int(), column: try int())
    }

    mutating func patterns() throws -> [PatternSource] {
        try array { PatternSource(try $0.string(), at: try $0.location()) }
    }

    mutating func patternTable() throws -> [String: [PatternSource]] {
        let entries = try array { (try $0.string(), try $0.patterns()) }
        return Dictionary(entries, uniquingKeysWith: { first, _ in first })
    }

    mutating func scope() throws -> GateScope {
        let name = try string()
        guard let scope = GateScope(rawValue: name) else {
            throw RuleSetSnapshot.DecodingError(description: "unknown gate scope '\(name)'")
        }
        return scope
    }

    mutating func gates<Value>(_ read: (inout SnapshotReader) throws -> Value) throws -> [GateScope: Value] {
        let entries = try array { (try $0.scope(), try read(&$0)) }
        return Dictionary(entries, uniquingKeysWith: { first, _ in first })
    }

    mutating func lexicon() throws -> Lexicon {
        let path = try string()
        let classes = try patternTable()
        let signals = try patternTable()
        let rules = try array { try $0.rule() }
        return Lexicon(path: path, rules: rules, classes: classes, signals: signals)
    }

    mutating func rule() throws -> Rule {
        let id = try string()
        let category = try string()
        let severityName = try string()
        guard let severity = Severity(rawValue: severityName) else {
            throw RuleSetSnapshot.DecodingError(description: "unknown severity '\(severityName)'")
        }
        var rule = Rule(id: id, category: category, severity: severity, enabled: try bool(), guidance: try string(),
                        principles: try strings(), patterns: try patterns(), exceptions: try patterns(),
                        requires: try gates { try $0.patterns() }, unless: try gates { try $0.patterns() },
                        negation: try bool(), message: try string(), suggestions: try strings(),
                        fix: try optionalString(), why: try string(), flagExamples: try strings(),
                        passExamples: try strings(), location: try location())
        rule.isBuiltin = try bool()
        return rule
    }
}
