import CandorText

extension SnapshotReader {
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
        var rule = Rule(
            id: id, category: category, severity: severity, enabled: try bool(), guidance: try string(),
            principles: try strings(), patterns: try patterns(), model: try optionalString(),
            exceptions: try patterns(),
            requires: try gates { try $0.patterns() }, unless: try gates { try $0.patterns() },
            negation: try bool(), message: try string(), suggestions: try strings(),
            fix: try optionalString(), why: try string(), flagExamples: try strings(),
            passExamples: try strings(), location: try location())
        rule.isBuiltin = try bool()
        rule.splitFrom = try optionalString()
        if let name = try optionalString() {
            guard let severity = Severity(rawValue: name) else {
                throw RuleSetSnapshot.DecodingError(description: "unknown severity '\(name)'")
            }
            rule.withoutContext = severity
        }
        rule.scareQuotesAreUse = try bool()
        return rule
    }
}
