/// A compiled rule set, with the lexicons it came from, as bytes.
///
/// The built-in lexicons are compiled once, at build time, and shipped as a snapshot, so that a `candor` run
/// with no lexicons or accepted phrases of its own starts without parsing YAML or building the automaton:
/// decoding is a few copies. The format is private to one build of Candor (the version word changes with it);
/// anything that does not decode is an error the caller answers by compiling from the lexicons instead.
public enum RuleSetSnapshot {
    static let magic: [UInt8] = Array("CNDRSNAP".utf8)
    /// Bump whenever the layout of anything written here changes.
    static let formatVersion: UInt32 = 2

    public struct DecodingError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The snapshot of `ruleSet`, which must have been compiled from exactly `lexicons` with nothing accepted.
    public static func encode(lexicons: [Lexicon], ruleSet: RuleSet) -> [UInt8] {
        var writer = SnapshotWriter()
        writer.bytes.append(contentsOf: magic)
        writer.u32(formatVersion)
        writer.array(lexicons) { $0.lexicon($1) }
        ruleSet.encode(into: &writer)
        return writer.bytes
    }

    /// Decodes a base64 snapshot, as the build embeds it in a string literal.
    public static func decode(base64 text: StaticString) throws -> (lexicons: [Lexicon], ruleSet: RuleSet) {
        guard let bytes = text.withUTF8Buffer(Base64.decode) else {
            throw DecodingError(description: "snapshot is not valid base64")
        }
        return try decode(bytes)
    }

    /// The lexicons and the compiled rule set a snapshot holds.
    public static func decode(_ bytes: [UInt8]) throws -> (lexicons: [Lexicon], ruleSet: RuleSet) {
        var reader = SnapshotReader(bytes)
        guard Array(try reader.raw(magic.count)) == magic else { throw DecodingError(description: "not a rule-set snapshot") }
        let version = try reader.u32()
        guard version == formatVersion else {
            throw DecodingError(description: "snapshot format \(version), this build reads \(formatVersion)")
        }
        let lexicons = try reader.array { try $0.lexicon() }
        let ruleSet = try RuleSet(snapshot: &reader, rules: lexicons.flatMap(\.rules))
        guard reader.isAtEnd else { throw DecodingError(description: "snapshot has trailing bytes") }
        return (lexicons, ruleSet)
    }
}

/// Standard base64 (RFC 4648, with padding), decoded without Foundation's per-character overhead.
enum Base64 {
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = UInt8(index)
        }
        return table
    }()

    /// For each of a quad's four places, every byte's six bits already shifted into place; a byte outside the
    /// alphabet sets the top bit, so one test per quad finds it. Start-up decodes about a megabyte of quads,
    /// and this keeps each to four loads and three ORs.
    private static let shifted: [UInt32] = {
        var table = [UInt32](repeating: 0x8000_0000, count: 4 * 256)
        for place in 0..<4 {
            for byte in 0..<256 where values[byte] != 0xFF {
                table[place * 256 + byte] = UInt32(values[byte]) << (18 - 6 * place)
            }
        }
        return table
    }()

    static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard text.count % 4 == 0, let input = text.baseAddress else { return nil }
        if text.isEmpty { return [] }
        let padding = (text[text.count - 1] == UInt8(ascii: "=") ? 1 : 0) + (text[text.count - 2] == UInt8(ascii: "=") ? 1 : 0)
        let length = text.count / 4 * 3 - padding
        let shifted = Self.shifted
        return values.withUnsafeBufferPointer { values -> [UInt8]? in
            var valid = true
            let output = [UInt8](unsafeUninitializedCapacity: length + padding) { buffer, count in
                var index = 0
                var out = 0
                let quads = text.count / 4 - (padding > 0 ? 1 : 0)
                // Whole quads, with no padding to look for.
                shifted.withUnsafeBufferPointer { shifted in
                    guard let table = shifted.baseAddress, let output = buffer.baseAddress else { return }
                    for _ in 0..<quads {
                        let word = table[Int(input[index])] | table[256 + Int(input[index + 1])]
                            | table[512 + Int(input[index + 2])] | table[768 + Int(input[index + 3])]
                        if word & 0x8000_0000 != 0 { valid = false; break }
                        output[out] = UInt8(truncatingIfNeeded: word >> 16)
                        output[out + 1] = UInt8(truncatingIfNeeded: word >> 8)
                        output[out + 2] = UInt8(truncatingIfNeeded: word)
                        index += 4
                        out += 3
                    }
                }
                if valid && padding > 0 {
                    let a = values[Int(input[index])], b = values[Int(input[index + 1])]
                    let c = padding == 2 ? 0 : values[Int(input[index + 2])]
                    if (a | b | c) & 0xC0 != 0 || (padding == 2 && input[index + 2] != UInt8(ascii: "=")) {
                        valid = false
                    } else {
                        buffer[out] = a << 2 | b >> 4
                        buffer[out + 1] = b << 4 | c >> 2
                        out += 3 - padding
                    }
                }
                count = valid ? out : 0
            }
            return valid ? output : nil
        }
    }
}

/// Little-endian fields, length-prefixed strings and arrays.
struct SnapshotWriter {
    var bytes: [UInt8] = []

    mutating func u32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func i32(_ value: Int32) { u32(UInt32(bitPattern: value)) }
    mutating func int(_ value: Int) { i32(Int32(value)) }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        u32(UInt32(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }

    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout SnapshotWriter, T) -> Void) {
        u32(UInt32(values.count))
        for value in values { write(&self, value) }
    }

    mutating func int32s(_ values: [Int32]) {
        u32(UInt32(values.count))
        for value in values { i32(value) }
    }

    mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }
    mutating func bools(_ values: [Bool]) { array(values) { $0.bool($1) } }

    mutating func location(_ location: FileLocation) {
        string(location.file)
        int(location.line)
        int(location.column)
    }

    mutating func patterns(_ patterns: [PatternSource]) {
        array(patterns) { writer, pattern in
            writer.string(pattern.text)
            writer.location(pattern.location)
        }
    }

    /// Keys sorted, so that the same lexicons always give the same bytes.
    mutating func patternTable(_ table: [String: [PatternSource]]) {
        array(table.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            writer.patterns(entry.value)
        }
    }

    mutating func gates<Value>(_ gates: [GateScope: Value], _ write: (inout SnapshotWriter, Value) -> Void) {
        array(gates.sorted { $0.key.rawValue < $1.key.rawValue }) { writer, entry in
            writer.string(entry.key.rawValue)
            write(&writer, entry.value)
        }
    }

    mutating func lexicon(_ lexicon: Lexicon) {
        string(lexicon.path)
        patternTable(lexicon.classes)
        patternTable(lexicon.signals)
        array(lexicon.rules) { $0.rule($1) }
    }

    mutating func rule(_ rule: Rule) {
        string(rule.id)
        string(rule.category)
        string(rule.severity.rawValue)
        bool(rule.enabled)
        string(rule.guidance)
        strings(rule.principles)
        patterns(rule.patterns)
        patterns(rule.exceptions)
        gates(rule.requires) { $0.patterns($1) }
        gates(rule.unless) { $0.patterns($1) }
        bool(rule.negation)
        string(rule.message)
        strings(rule.suggestions)
        optionalString(rule.fix)
        string(rule.why)
        strings(rule.flagExamples)
        strings(rule.passExamples)
        location(rule.location)
        bool(rule.isBuiltin)
    }
}

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

extension RuleSet {
    func encode(into writer: inout SnapshotWriter) {
        writer.strings(lexiconPaths)
        automaton.encode(into: &writer)
        vocabulary.encode(into: &writer)
        writer.array(roles) { writer, role in
            switch role {
            case .rule(let index): writer.bytes.append(0); writer.int(index)
            case .exception(let index): writer.bytes.append(1); writer.int(index)
            case .gate(let index): writer.bytes.append(2); writer.int(index)
            case .accept: writer.bytes.append(3)
            case .cue(let kind): writer.bytes.append(4); writer.int(kind.rawValue)
            case .signal(let index): writer.bytes.append(5); writer.int(index)
            }
        }
        for table in [requires, unless] {
            writer.array(table) { writer, gates in writer.gates(gates) { $0.array($1) { $0.int($1) } } }
        }
        writer.int(gateCount)
        writer.strings(signalNames)
        writer.i32(hyphen)
        writer.bools(minorAgeWords)
        writer.bools(institutionNouns)
        writer.bools(nameConnectors)
        writer.i32(symbols.doubleQuote)
        writer.i32(symbols.singleQuote)
        writer.int32s(symbols.clauseBreaks.sorted())
        writer.i32(symbols.but)
        writer.int32s(symbols.clauseJoiners.sorted())
        writer.int32s(symbols.firstPerson.sorted())
        writer.int32s(symbols.listSeparators.sorted())
    }

    convenience init(snapshot reader: inout SnapshotReader, rules: [Rule]) throws {
        let lexiconPaths = try reader.strings()
        let automaton = try Automaton(snapshot: &reader)
        let vocabulary = try Vocabulary(snapshot: &reader)
        let roles: [PatternRole] = try reader.array { reader in
            let tag = try reader.raw(1).first!
            switch tag {
            case 0: return .rule(try reader.int())
            case 1: return .exception(try reader.int())
            case 2: return .gate(try reader.int())
            case 3: return .accept
            case 4:
                let raw = try reader.int()
                guard let kind = CueKind(rawValue: raw) else {
                    throw RuleSetSnapshot.DecodingError(description: "unknown cue kind \(raw)")
                }
                return .cue(kind)
            case 5: return .signal(try reader.int())
            default: throw RuleSetSnapshot.DecodingError(description: "unknown pattern role \(tag)")
            }
        }
        let requires = try reader.array { try $0.gates { try $0.array { try $0.int() } } }
        let unless = try reader.array { try $0.gates { try $0.array { try $0.int() } } }
        let gateCount = try reader.int()
        let signalNames = try reader.strings()
        let hyphen = try reader.i32()
        let minorAgeWords = try reader.bools()
        let institutionNouns = try reader.bools()
        let nameConnectors = try reader.bools()
        let symbols = Symbols(doubleQuote: try reader.i32(), singleQuote: try reader.i32(),
                              clauseBreaks: Set(try reader.int32s()), but: try reader.i32(),
                              clauseJoiners: Set(try reader.int32s()), firstPerson: Set(try reader.int32s()),
                              listSeparators: Set(try reader.int32s()))
        // Everything the matcher and the context stage index must agree, or a corrupt snapshot would crash them.
        let rolesInRange = roles.allSatisfy { role in
            switch role {
            case .rule(let index), .exception(let index): return index >= 0 && index < rules.count
            case .gate(let index): return index >= 0 && index < gateCount
            case .signal(let index): return index >= 0 && index < signalNames.count
            case .accept, .cue: return true
            }
        }
        let gatesInRange = (requires + unless).allSatisfy { scopes in
            scopes.values.allSatisfy { $0.allSatisfy { $0 >= 0 && $0 < gateCount } }
        }
        guard requires.count == rules.count, unless.count == rules.count, rolesInRange, gatesInRange,
              automaton.patternsAreBelow(roles.count), vocabulary.count == minorAgeWords.count,
              vocabulary.count == institutionNouns.count, vocabulary.count == nameConnectors.count else {
            throw RuleSetSnapshot.DecodingError(description: "snapshot does not hang together")
        }
        self.init(rules: rules, lexiconPaths: lexiconPaths, automaton: automaton, vocabulary: vocabulary, roles: roles,
                  requires: requires, unless: unless, gateCount: gateCount, signalNames: signalNames, hyphen: hyphen,
                  minorAgeWords: minorAgeWords, institutionNouns: institutionNouns, nameConnectors: nameConnectors,
                  symbols: symbols)
    }
}
