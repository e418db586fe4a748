import CandorText
import Foundation

/// Reads lexicon files (docs/lexicon-format.md) into `Lexicon` values, checking every field.
///
/// Checking here is structural: required fields, known keys, types. Whether each pattern can be compiled is
/// checked by `RuleSetCompiler`, which reports errors at the pattern's own line.
public enum LexiconLoader {
    static let topKeys: Set<String> = ["category", "rules", "classes", "signals"]
    static let ruleKeys: Set<String> = [
        "id", "category", "severity", "enabled", "guidance", "principles", "patterns", "exceptions", "requires",
        "unless", "negation", "message", "suggestions", "fix", "why", "examples", "model", "split-from",
        "without-context", "scare-quotes"
    ]
    /// And `patterns`, unless the rule names a `model`.
    static let requiredRuleKeys = [
        "id", "severity", "guidance", "principles", "message", "suggestions", "why", "examples"
    ]

    /// The largest lexicon file read: the built-in ones together are a few hundred kilobytes.
    public static let maximumFileSize = 16 * 1024 * 1024

    public static func load(path: String) throws -> Lexicon {
        let data: Data
        // Lexicons are small; the bound keeps a mistaken `--lexicon /dev/zero` from reading forever.
        switch SourceReader.read(path: path, maximumSize: maximumFileSize) {
        case .success(let bytes): data = Data(bytes)
        case .failure(let problem):
            let reason: String
            switch problem {
            case .unreadable("is a directory"): reason = "it is a folder; name a lexicon file (.yml)"
            case .notFound: reason = "no such file"
            case .tooLarge:
                reason = "larger than \(InputProblem.describeSize(maximumFileSize)), too large for a lexicon"
            default: reason = problem.description
            }
            throw YAMLFileError("cannot read lexicon: \(reason)", at: FileLocation(file: path, line: 1, column: 1))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw YAMLFileError("lexicon is not valid UTF-8", at: FileLocation(file: path, line: 1, column: 1))
        }
        var lexicon = try parse(text, path: path)
        try loadModels(into: &lexicon, folder: (path as NSString).deletingLastPathComponent)
        return lexicon
    }

    /// Reads `NAME.tsv` from the lexicon's folder for every `model: NAME` its rules name. A missing or broken
    /// file is an error naming the rule's line, or the file's.
    static func loadModels(into lexicon: inout Lexicon, folder: String) throws {
        for rule in lexicon.rules {
            guard let name = rule.model, lexicon.sentenceModels[name] == nil else { continue }
            let path = (folder as NSString).appendingPathComponent(name + ".tsv")
            guard case .success(let bytes) = SourceReader.read(path: path, maximumSize: maximumFileSize),
                let text = String(bytes: bytes, encoding: .utf8)
            else {
                throw YAMLFileError(
                    "rule \(rule.id) names the sentence model '\(name)', but \(path) cannot be read as UTF-8 text",
                    at: rule.location, field: "model")
            }
            lexicon.sentenceModels[name] = try SentenceModel(parsing: text, path: path)
        }
    }

    /// One of Candor's own lexicons: its rules are marked built in, so reports can link to their source.
    public static func parseBuiltin(_ text: String, path: String) throws -> Lexicon {
        var lexicon = try parse(text, path: path)
        for index in lexicon.rules.indices { lexicon.rules[index].isBuiltin = true }
        return lexicon
    }

    public static func parse(_ text: String, path: String) throws -> Lexicon {
        guard let root = try YAMLValue.parse(text, file: path) else {
            throw YAMLFileError(
                "lexicon is empty: expected 'rules:' or 'classes:'", at: FileLocation(file: path, line: 1, column: 1))
        }
        var category: String?
        var rules: [Rule] = []
        var classes: [String: [PatternSource]] = [:]
        var signals: [String: [PatternSource]] = [:]
        var ruleNodes: [YAMLValue] = []
        for (key, value) in try root.mapping(allowedKeys: topKeys, describing: "a lexicon file") {
            switch key {
            case "category": category = try value.string()
            case "rules": ruleNodes = try value.sequence()
            case "classes":
                for (name, patterns) in try value.mapping(describing: "classes") {
                    guard isClassName(name) else {
                        throw patterns.error("class names are letters, digits, '_' and '-'")
                    }
                    classes[name] = try patternList(patterns)
                }
            case "signals":
                for (name, patterns) in try value.mapping(describing: "signals") {
                    signals[name] = try patternList(patterns)
                }
            default: break
            }
        }
        var ids: [String: FileLocation] = [:]
        for node in ruleNodes {
            let rule = try parseRule(node, defaultCategory: category)
            if let first = ids[rule.id] {
                throw YAMLFileError(
                    "rule id '\(rule.id)' is already used at line \(first.line)", at: rule.location, field: "id")
            }
            ids[rule.id] = rule.location
            rules.append(rule)
        }
        return Lexicon(path: path, rules: rules, classes: classes, signals: signals)
    }

    static func parseRule(_ node: YAMLValue, defaultCategory: String?) throws -> Rule {
        let entries = try node.mapping(allowedKeys: ruleKeys, describing: "a rule")
        let fields = Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0.value) })
        let name = fields["id"].flatMap { try? $0.string() } ?? "(rule without an id)"
        for key in requiredRuleKeys where fields[key] == nil {
            throw YAMLFileError("rule \(name) is missing the required field '\(key)'", at: node.location, field: key)
        }
        let id = try fields["id"]!.string()
        guard isRuleID(id) else {
            throw fields["id"]!.error("rule id '\(id)' must look like category.slug (lower case, digits and '-')")
        }
        let idCategory = String(id.split(separator: ".")[0])
        let category = try fields["category"]?.string() ?? defaultCategory ?? idCategory
        guard category == idCategory else {
            throw fields["id"]!.error("rule id '\(id)' must start with its category '\(category).'")
        }
        let severityText = try fields["severity"]!.string()
        guard let severity = Severity(rawValue: severityText) else {
            throw fields["severity"]!.error("unknown severity '\(severityText)' (use error, warning or suggestion)")
        }
        let model = try fields["model"]?.string()
        if let model, model.isEmpty || !isClassName(model) {
            throw fields["model"]!.error("a model name is letters, digits, '_' and '-' (the file NAME.tsv)")
        }
        let patterns = try fields["patterns"].map(patternList) ?? []
        if model != nil && !patterns.isEmpty {
            throw fields["patterns"]!.error(
                "rule \(id) names a model, so its sentences are its matches: drop 'patterns'")
        }
        if model == nil && fields["patterns"] == nil {
            throw YAMLFileError(
                "rule \(id) is missing the required field 'patterns'", at: node.location, field: "patterns")
        }
        if model == nil && patterns.isEmpty { throw fields["patterns"]!.error("a rule needs at least one pattern") }

        var flag: [String] = []
        var pass: [String] = []
        for (key, value) in try fields["examples"]!.mapping(allowedKeys: ["flag", "pass"], describing: "examples") {
            if key == "flag" { flag = try value.strings() } else { pass = try value.strings() }
        }
        if flag.isEmpty { throw fields["examples"]!.error("rule \(id) needs at least one example under 'flag'") }
        if pass.isEmpty { throw fields["examples"]!.error("rule \(id) needs at least one example under 'pass'") }
        let splitFrom = try fields["split-from"]?.string()
        if let splitFrom {
            guard isRuleID(splitFrom) else {
                throw fields["split-from"]!.error("'\(splitFrom)' is not a rule id (category.slug)")
            }
            guard splitFrom != id else { throw fields["split-from"]!.error("rule \(id) cannot be split from itself") }
        }
        let requires = try fields["requires"].map(gates) ?? [:]
        var withoutContext: Severity?
        if let field = fields["without-context"] {
            let text = try field.string()
            guard let value = Severity(rawValue: text) else {
                throw field.error("unknown severity '\(text)' (use error, warning or suggestion)")
            }
            guard value <= severity else {
                throw field.error(
                    "rule \(id): without-context '\(text)' is above the rule's severity '\(severityText)'")
            }
            guard requires[.window] != nil else {
                throw field.error("rule \(id): without-context needs a 'window' gate under 'requires'")
            }
            withoutContext = value
        }
        var scareQuotesAreUse = false
        if let field = fields["scare-quotes"] {
            switch try field.string() {
            case "use": scareQuotesAreUse = true
            case "quoted": scareQuotesAreUse = false
            case let text:
                throw field.error("rule \(id): scare-quotes '\(text)' is not 'use' or 'quoted'")
            }
        }
        let suggestions = try fields["suggestions"]!.strings()
        if suggestions.isEmpty { throw fields["suggestions"]!.error("rule \(id) needs at least one suggestion") }

        return Rule(
            id: id,
            category: category,
            severity: severity,
            enabled: try fields["enabled"]?.bool() ?? true,
            guidance: try fields["guidance"]!.string(),
            principles: try fields["principles"]!.strings(),
            patterns: patterns,
            model: model,
            exceptions: try fields["exceptions"].map(patternList) ?? [],
            requires: requires,
            unless: try fields["unless"].map(gates) ?? [:],
            negation: try fields["negation"]?.bool() ?? true,
            message: try fields["message"]!.string().trimmingCharacters(in: .whitespacesAndNewlines),
            suggestions: suggestions,
            fix: try fields["fix"]?.string(),
            why: try fields["why"]!.string().trimmingCharacters(in: .whitespacesAndNewlines),
            flagExamples: flag,
            passExamples: pass,
            location: node.location,
            splitFrom: splitFrom,
            withoutContext: withoutContext,
            scareQuotesAreUse: scareQuotesAreUse
        )
    }

    /// `^[A-Za-z][A-Za-z0-9_-]*$`, checked without a regular expression (start-up checks every class).
    static func isClassName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        func isLetter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
        guard let first = bytes.first, isLetter(first) else { return false }
        return bytes.allSatisfy {
            isLetter($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
    }

    /// `category.slug`: `^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$`, checked without a regular expression.
    static func isRuleID(_ id: String) -> Bool {
        let parts = Array(id.utf8).split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 2, let head = parts[0].first, let tail = parts[1].first else { return false }
        func isLower(_ b: UInt8) -> Bool { (0x61...0x7A).contains(b) }
        func isDigit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }
        func isSlug(_ part: ArraySlice<UInt8>) -> Bool {
            part.allSatisfy { isLower($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
        }
        return isLower(head) && (isLower(tail) || isDigit(tail)) && isSlug(parts[0]) && isSlug(parts[1])
    }

    static func patternList(_ value: YAMLValue) throws -> [PatternSource] {
        try value.list().map { item in
            let text = try item.string()
            if nestingDepth(of: text) > PatternParser.maximumNesting {
                // Checked here too, so the message quotes the start of the pattern, not all of it.
                let head = text.count > 40 ? String(text.prefix(40)) + "..." : text
                throw item.error("pattern '\(head)': brackets nest more than \(PatternParser.maximumNesting) deep")
            }
            return PatternSource(text, at: item.location)
        }
    }

    /// The deepest nesting of `(` and `[` in a pattern, counted without parsing it.
    static func nestingDepth(of pattern: String) -> Int {
        var depth = 0
        var deepest = 0
        for byte in pattern.utf8 {
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") {
                depth += 1
                deepest = max(deepest, depth)
            } else if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") {
                depth = max(0, depth - 1)
            }
        }
        return deepest
    }

    static func gates(_ value: YAMLValue) throws -> [GateScope: [PatternSource]] {
        var result: [GateScope: [PatternSource]] = [:]
        let scopes = Set(GateScope.allCases.map(\.rawValue))
        for (key, patterns) in try value.mapping(allowedKeys: scopes, describing: "a context gate") {
            let list = try patternList(patterns)
            if list.isEmpty { throw patterns.error("a gate needs at least one pattern") }
            result[GateScope(rawValue: key)!] = list
        }
        return result
    }
}
