import CandorText
import Foundation

/// Compiles lexicons into a `RuleSet`: patterns parsed and built into one automaton (Thompson construction),
/// classes expanded where they are used, gates numbered, within the limits in docs/reliability.md.
struct RuleSetCompiler {
    private let tokenizer: Tokenizer
    private var automaton = AutomatonBuilder()
    private var vocabulary = Vocabulary(capacity: 4096)
    /// The bare spelling of each contraction met so far (-1 when it has none).
    private var bareContractions: [Int32: Int32] = [:]
    private var roles: [PatternRole] = []
    private var classes: [String: (nodes: [PatternNode], location: FileLocation)] = [:]
    private var gateIDs: [String: Int] = [:]
    /// The symbols of each written word: classes are expanded wherever they are used, so words repeat a lot.
    private var wordSymbols: [String: [Int32]] = [:]
    /// The automaton's state count when the pattern being built began.
    private var patternFirstState = 0

    /// How many automaton states one pattern may build. Classes are expanded wherever they are used, so a chain
    /// of classes that each name the previous one twice doubles at every link. The largest built-in pattern
    /// builds under two hundred states; a team's list of 100,000 two-word names builds 300,000.
    static let maximumStatesPerPattern = 500_000
    /// How many states all patterns together may build: about a hundred times the built-in lexicons.
    static let maximumStates = 2_000_000
    /// How many (state, edge) pairs the frozen tables may hold for one pattern. Each state keeps the edges of
    /// every state its empty moves reach, so a run of optional words is quadratic: `(a) (b) (c) ...` three
    /// thousand long would store four and a half million edges. The largest built-in pattern stores 2,600.
    static let maximumClosureEdgesPerPattern = 1_000_000

    init() throws {
        tokenizer = try Tokenizer()
    }

    mutating func compile(_ lexicons: [Lexicon], accept: [PatternSource]) throws -> RuleSet {
        let hyphen = vocabulary.intern("-")
        let ageWords = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"
        ].map { vocabulary.intern($0) }
        let adverbs = Cues.transparentAdverbs.map { vocabulary.intern($0) }
        let nouns = Cues.institutionNouns.map { vocabulary.intern($0) }
        let connectors = Cues.nameConnectors.map { vocabulary.intern($0) }
        // The context stage looks these words up by name; a rule set whose patterns never use them must still
        // know them.
        for word in Cues.inquirySubjectIntroducers { _ = vocabulary.intern(word) }
        for word in Cues.presupposingVerbs + Cues.memoryVerbs + Cues.imperativeNegations + Cues.commandOpeners
            + Cues.conductVerbs
            + Cues.passiveAuxiliaries + Cues.opposingPrefixes
        {
            _ = vocabulary.intern(word)
        }
        let firstPerson = Cues.firstPersonWords.map { vocabulary.intern($0) }
        let symbols = RuleSet.Symbols(
            doubleQuote: vocabulary.intern("\""),
            singleQuote: vocabulary.intern("'"),
            clauseBreaks: Set([",", ";", ":", ".", "!", "?", "(", ")", "-"].map { vocabulary.intern($0) }),
            but: vocabulary.intern("but"),
            clauseJoiners: Set(["and", "but", "so", "yet", "while", "whereas"].map { vocabulary.intern($0) }),
            firstPerson: Set(["i", "we"].map { vocabulary.intern($0) }),
            listSeparators: Set([",", "and", "or", "\"", "'", "/"].map { vocabulary.intern($0) }),
            negationBarriers: Set(
                ["if", "unless", "although", "though", "whereas", "when", "while", "whilst", "who", "whom", "whose"].map
                {
                    vocabulary.intern($0)
                }),
            determiners: Set(
                ["a", "an", "the", "any", "some", "his", "her", "their", "its", "my", "our", "your", "this", "that"]
                    .map { vocabulary.intern($0) }),
            clauseSubjects: Set(
                ["he", "she", "they", "i", "we", "you", "it", "who", "which", "when", "after", "but"]
                    .map { vocabulary.intern($0) })
        )

        for lexicon in lexicons {
            for (name, patterns) in lexicon.classes.sorted(by: { $0.key < $1.key }) {
                let location = patterns.first?.location ?? FileLocation(file: lexicon.path, line: 1, column: 1)
                if let existing = classes[name] {
                    throw YAMLFileError(
                        "class '\(name)' is already defined at \(existing.location)", at: location,
                        field: "classes.\(name)")
                }
                classes[name] = (try patterns.map { try parse($0, field: "classes.\(name)") }, location)
            }
        }

        var rules: [Rule] = []
        var seen: [String: FileLocation] = [:]
        for lexicon in lexicons {
            for rule in lexicon.rules {
                if let first = seen[rule.id] {
                    throw YAMLFileError(
                        "rule id '\(rule.id)' is already defined at \(first)", at: rule.location, field: "id")
                }
                seen[rule.id] = rule.location
                rules.append(rule)
            }
        }
        for rule in rules {
            if let older = rule.splitFrom, seen[older] == nil {
                throw YAMLFileError(
                    "rule \(rule.id) is split from '\(older)', which no lexicon in use defines", at: rule.location,
                    field: "split-from")
            }
        }

        var requires: [[GateScope: [Int]]] = []
        var unless: [[GateScope: [Int]]] = []
        for (index, rule) in rules.enumerated() {
            for pattern in rule.patterns { try add(pattern, role: .rule(index), field: "\(rule.id).patterns") }
            // A model's matches carry a pattern id of their own, which the automaton never produces.
            if rule.model != nil { roles.append(.rule(index)) }
            for pattern in rule.exceptions { try add(pattern, role: .exception(index), field: "\(rule.id).exceptions") }
            requires.append(try gates(rule.requires, field: "\(rule.id).requires"))
            unless.append(try gates(rule.unless, field: "\(rule.id).unless"))
        }
        for pattern in accept { try add(pattern, role: .accept, field: "accept") }
        var signalNames: [String] = []
        for lexicon in lexicons {
            for (name, patterns) in lexicon.signals.sorted(by: { $0.key < $1.key }) {
                let index = signalNames.firstIndex(of: name) ?? signalNames.count
                if index == signalNames.count { signalNames.append(name) }
                for pattern in patterns { try add(pattern, role: .signal(index), field: "signals.\(name)") }
            }
        }
        for kind in CueKind.allCases {
            for text in Cues.patterns[kind] ?? [] {
                try add(
                    PatternSource(text, at: FileLocation(file: "<built-in cues>", line: 1, column: 1)),
                    role: .cue(kind), field: "cue")
            }
        }

        let frozen = automaton.freeze(symbolCount: vocabulary.count)
        func flags(_ ids: [Int32]) -> [Bool] {
            var result = [Bool](repeating: false, count: vocabulary.count)
            for id in ids { result[Int(id)] = true }
            return result
        }
        return RuleSet(
            rules: rules, automaton: frozen, vocabulary: vocabulary,
            roles: roles, requires: requires, unless: unless, gateCount: gateIDs.count, signalNames: signalNames,
            hyphen: hyphen,
            minorAgeWords: flags(ageWords), transparentWords: flags(adverbs), institutionNouns: flags(nouns),
            nameConnectors: flags(connectors), firstPersonWords: flags(firstPerson),
            symbols: symbols)
    }

    private mutating func gates(_ scopes: [GateScope: [PatternSource]], field: String) throws -> [GateScope: [Int]] {
        var result: [GateScope: [Int]] = [:]
        // In a fixed order: gate ids (and so the snapshot) must not depend on the dictionary's per-process order.
        for (scope, patterns) in scopes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            result[scope] = try patterns.map { pattern in
                if let id = gateIDs[pattern.text] { return id }
                let id = gateIDs.count
                gateIDs[pattern.text] = id
                try add(pattern, role: .gate(id), field: "\(field).\(scope.rawValue)")
                return id
            }
        }
        return result
    }

    private func parse(_ pattern: PatternSource, field: String) throws -> PatternNode {
        do {
            return try PatternParser.parse(pattern.text)
        } catch let error as PatternSyntaxError {
            throw YAMLFileError("pattern '\(pattern.text)': \(error.message)", at: pattern.location, field: field)
        }
    }

    private mutating func add(_ pattern: PatternSource, role: PatternRole, field: String) throws {
        let node = try parse(pattern, field: field)
        let id = Int32(roles.count)
        roles.append(role)
        if canMatchNothing(node) {
            throw YAMLFileError(
                "pattern '\(pattern.text)' can match nothing: make at least one word required",
                at: pattern.location, field: field)
        }
        if canBeginWithAnyWord(node) {
            throw YAMLFileError(
                "pattern '\(pattern.text)' can begin with any word ('*' before its first required word): it would be "
                    + "tried at every word of every text, which slows every run; begin it with a word",
                at: pattern.location, field: field)
        }
        var stack: [String] = []
        patternFirstState = automaton.states.count
        let end = try build(node, from: Automaton.root, pattern: pattern, field: field, classStack: &stack)
        automaton.accept(end, pattern: id)
        let closureEdges = automaton.closureEdgeCount(
            ofStatesFrom: Int32(patternFirstState),
            limit: Self.maximumClosureEdgesPerPattern)
        if closureEdges > Self.maximumClosureEdgesPerPattern {
            throw tooLarge(
                pattern, field: field,
                "its optional parts reach more than "
                    + "\(Self.maximumClosureEdgesPerPattern) transitions (limit \(Self.maximumClosureEdgesPerPattern)); "
                    + "split it into several patterns")
        }
    }

    /// A fresh state for the pattern being built, within the per-pattern and total limits, which are checked as
    /// the states are made so that an exponential pattern stops at the limit rather than after the blow-up.
    private mutating func newState(_ pattern: PatternSource, field: String) throws -> Int32 {
        let count = automaton.states.count
        if count - patternFirstState >= Self.maximumStatesPerPattern {
            throw tooLarge(
                pattern, field: field,
                "it expands to more than \(Self.maximumStatesPerPattern) automaton "
                    + "states (limit \(Self.maximumStatesPerPattern)); nested classes multiply: split it or flatten a class"
            )
        }
        if count >= Self.maximumStates {
            throw tooLarge(
                pattern, field: field,
                "the lexicons together expand to more than \(Self.maximumStates) "
                    + "automaton states (limit \(Self.maximumStates))")
        }
        return automaton.addState()
    }

    private func tooLarge(_ pattern: PatternSource, field: String, _ problem: String) -> YAMLFileError {
        let shown = pattern.text.count > 80 ? String(pattern.text.prefix(80)) + "..." : pattern.text
        return YAMLFileError("pattern '\(shown)' is too large: \(problem)", at: pattern.location, field: field)
    }

    /// Whether the first word a match can start with is a wildcard: `(a) (*) misjudgement` starts a thread at
    /// every word of the text, and one such pattern once cost a quarter of all matching.
    private func canBeginWithAnyWord(_ node: PatternNode, depth: Int = 0) -> Bool {
        switch node {
        case .anyWord: return true
        case .word, .punctuation, .number, .minorAge: return false
        case .optional(let inner): return canBeginWithAnyWord(inner, depth: depth)
        case .choice(let options): return options.contains { canBeginWithAnyWord($0, depth: depth) }
        case .sequence(let items):
            for item in items {
                if canBeginWithAnyWord(item, depth: depth) { return true }
                if !canMatchNothing(item, depth: depth) { return false }
            }
            return false
        case .classReference(let name):
            guard depth < 16, let definition = classes[name] else { return false }
            return definition.nodes.contains { canBeginWithAnyWord($0, depth: depth + 1) }
        }
    }

    /// Decided on the pattern itself rather than on the automaton, which would cost a walk over every state.
    private func canMatchNothing(_ node: PatternNode, depth: Int = 0) -> Bool {
        switch node {
        case .word, .punctuation, .anyWord, .number, .minorAge: return false
        case .optional: return true
        case .sequence(let items): return items.allSatisfy { canMatchNothing($0, depth: depth) }
        case .choice(let options): return options.contains { canMatchNothing($0, depth: depth) }
        case .classReference(let name):
            guard depth < 16, let definition = classes[name] else { return false }
            return definition.nodes.contains { canMatchNothing($0, depth: depth + 1) }
        }
    }

    /// Alternatives that begin alike, rewritten to share the beginning: `[the child|the girl|the boy]` becomes
    /// `the [child|girl|boy]`. The same phrases match, but a text's every "the" now starts one thread instead
    /// of one per alternative, which was most of the matcher's work.
    static func sharingPrefixes(_ options: [PatternNode]) -> [PatternNode] {
        func split(_ node: PatternNode) -> (head: PatternNode, rest: PatternNode) {
            if case .sequence(let items) = node, let first = items.first {
                return (first, .sequence(Array(items.dropFirst())))
            }
            return (node, .sequence([]))
        }
        let empty = PatternNode.sequence([])
        var groups: [(head: PatternNode, members: [PatternNode])] = []
        // Hashed, not searched: a user lexicon may give 100,000 alternatives, and a linear search per option
        // made that ten billion comparisons.
        var groupOfHead: [PatternNode: Int] = [:]
        var seen: Set<PatternNode> = []
        // An empty alternative (what is left of "a" in "a | a b") has no head to share: it stays, once, at the end.
        for option in options where option != empty && seen.insert(option).inserted {
            let head = split(option).head
            if let index = groupOfHead[head] {
                groups[index].members.append(option)
            } else {
                groupOfHead[head] = groups.count
                groups.append((head, [option]))
            }
        }
        let hasEmpty = options.contains(empty)
        if groups.count + (hasEmpty ? 1 : 0) == options.count { return options }
        // "a | a b" becomes "a [<nothing>|b]", which is "a (b)".
        return groups.map { group in
            group.members.count == 1
                ? group.members[0] : .sequence([group.head, .choice(group.members.map { split($0).rest })])
        } + (hasEmpty ? [empty] : [])
    }

    /// The folded, interned tokens of a written word; hyphens are dropped, so "non-consensual" matches "non consensual".
    private mutating func symbols(of word: String) -> [Int32] {
        if let known = wordSymbols[word] { return known }
        let symbols = tokenizer.segments(of: word).filter { $0.text != "-" }.map { vocabulary.intern($0.text) }
        wordSymbols[word] = symbols
        return symbols
    }

    /// Comments and social posts drop the apostrophe ("she shouldnt have", "youre drunk"), so a contraction in
    /// a pattern also matches its bare spelling. Only where the bare spelling is no English word of its own:
    /// "we're" is not "were", "it's" is not "its", "he'll" is not "hell".
    private mutating func bareContraction(_ symbol: Int32) -> Int32? {
        if let known = bareContractions[symbol] { return known >= 0 ? known : nil }
        let word = vocabulary.word(symbol)
        var bare: Int32 = -1
        if Self.bareSuffixes.contains(where: { word.hasSuffix($0) }) || Self.bareWords.contains(word),
            !Self.englishWords.contains(word)
        {
            bare = vocabulary.intern(word.replacingOccurrences(of: "'", with: ""))
        }
        bareContractions[symbol] = bare
        return bare >= 0 ? bare : nil
    }

    static let bareSuffixes = ["n't", "'re", "'ve", "'m"]
    static let bareWords: Set<String> = ["that's", "what's", "there's", "she's", "he's", "who's", "here's"]
    /// Contractions whose bare spelling is another word.
    static let englishWords: Set<String> = ["we're"]

    /// Thompson construction: returns the state reached after `node`.
    private mutating func build(
        _ node: PatternNode, from start: Int32, pattern: PatternSource, field: String,
        classStack: inout [String]
    ) throws -> Int32 {
        switch node {
        case .word(let word):
            let symbols = symbols(of: word)
            if symbols.isEmpty {
                throw YAMLFileError(
                    "pattern '\(pattern.text)': '\(word)' contains no word", at: pattern.location, field: field)
            }
            var state = start
            for symbol in symbols {
                let next = try newState(pattern, field: field)
                automaton.addEdge(from: state, .symbol(symbol), to: next)
                if let bare = bareContraction(symbol) { automaton.addEdge(from: state, .symbol(bare), to: next) }
                state = next
            }
            return state
        case .punctuation(let mark):
            let next = try newState(pattern, field: field)
            automaton.addEdge(from: start, .symbol(vocabulary.intern(Folding.fold(mark))), to: next)
            return next
        case .anyWord, .number, .minorAge:
            let next = try newState(pattern, field: field)
            let label: EdgeLabel = node == .anyWord ? .anyWord : node == .number ? .number : .minorAge
            automaton.addEdge(from: start, label, to: next)
            return next
        case .classReference(let name):
            guard let definition = classes[name] else {
                let known = classes.keys.sorted().map { "@" + $0 }.joined(separator: ", ")
                throw YAMLFileError(
                    "pattern '\(pattern.text)': unknown class @\(name) (defined: \(known.isEmpty ? "none" : known))",
                    at: pattern.location, field: field)
            }
            if classStack.contains(name) {
                throw YAMLFileError(
                    "class @\(name) refers to itself", at: definition.location, field: "classes.\(name)")
            }
            classStack.append(name)
            defer { classStack.removeLast() }
            return try build(
                .choice(definition.nodes), from: start, pattern: pattern, field: field, classStack: &classStack)
        case .sequence(let items):
            var state = start
            for item in items {
                state = try build(item, from: state, pattern: pattern, field: field, classStack: &classStack)
            }
            return state
        case .choice(let unfactored):
            let options = Self.sharingPrefixes(unfactored)
            let end = try newState(pattern, field: field)
            // Alternatives of single plain words, the common case, become direct edges to one end state.
            var rest: [PatternNode] = []
            for option in options {
                if case .word(let word) = option {
                    let symbols = symbols(of: word)
                    if symbols.count == 1 {
                        automaton.addEdge(from: start, .symbol(symbols[0]), to: end)
                        if let bare = bareContraction(symbols[0]) {
                            automaton.addEdge(from: start, .symbol(bare), to: end)
                        }
                        continue
                    }
                }
                rest.append(option)
            }
            for option in rest {
                // Each alternative gets its own entry state so that alternatives never share a partial path.
                let entry = try newState(pattern, field: field)
                automaton.addEpsilon(from: start, to: entry)
                let last = try build(option, from: entry, pattern: pattern, field: field, classStack: &classStack)
                automaton.addEpsilon(from: last, to: end)
            }
            return end
        case .optional(let inner):
            let entry = try newState(pattern, field: field)
            automaton.addEpsilon(from: start, to: entry)
            let last = try build(inner, from: entry, pattern: pattern, field: field, classStack: &classStack)
            automaton.addEpsilon(from: start, to: last)
            return last
        }
    }
}
