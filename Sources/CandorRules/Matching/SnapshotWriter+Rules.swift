import CandorText

extension SnapshotWriter {
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
        optionalString(rule.model)
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
        optionalString(rule.splitFrom)
        optionalString(rule.withoutContext?.rawValue)
        bool(rule.scareQuotesAreUse)
    }
}
