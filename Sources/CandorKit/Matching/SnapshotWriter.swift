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
