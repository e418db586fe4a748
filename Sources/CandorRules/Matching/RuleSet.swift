import CandorText
import Foundation

/// What a pattern in the automaton is for.
package enum PatternRole: Sendable {
    /// A phrase a rule flags.
    case rule(Int)
    /// A phrase that cancels a match of the rule it overlaps.
    case exception(Int)
    /// A context-gate phrase, shared by every rule that names the same text.
    case gate(Int)
    /// A phrase the user accepts (config `accept:`): cancels any match it overlaps.
    case accept
    case cue(CueKind)
    /// A phrase of a named signal list, for message tests.
    case signal(Int)
}

/// Every rule, compiled: one automaton over one vocabulary, plus what each pattern is for.
///
/// Compiling is cheap (milliseconds) and done once per run for each distinct set of lexicons and accepted phrases.
public final class RuleSet: @unchecked Sendable {
    public let rules: [Rule]
    public let automaton: Automaton
    public let vocabulary: Vocabulary
    package let roles: [PatternRole]
    let requires: [[GateScope: [Int]]]
    let unless: [[GateScope: [Int]]]
    package let gateCount: Int
    /// Names of the signal lists, indexed as in `PatternRole.signal`.
    public let signalNames: [String]
    package let hyphen: Int32
    package let minorAgeWords: [Bool]
    package let transparentWords: [Bool]
    let institutionNouns: [Bool]
    let nameConnectors: [Bool]
    let symbols: Symbols
    private let ruleIndex: [String: Int]
    /// The model that has the last word on built-in rules' candidates, when the built-in lexicons carry one.
    public package(set) var scorer: CandidateScorer?
    /// The sentence models the rules name (`Rule.model`), by name: set with the rules, like `scorer`.
    public package(set) var sentenceModels: [String: SentenceModel] = [:]
    /// The rules whose matches a sentence model chooses, and the pattern id their matches carry.
    package let modelRules: [(rule: Int, pattern: Int32)]
    /// By symbol: "i", "we", "my", "our" ... (`Cues.firstPersonWords`), for the sentence models.
    package let firstPersonWords: [Bool]

    /// Symbols the context stage looks at directly.
    struct Symbols {
        let doubleQuote: Int32
        let singleQuote: Int32
        let clauseBreaks: Set<Int32>
        let but: Int32
        /// Words that join a new clause: "and", "but", "so", "yet".
        let clauseJoiners: Set<Int32>
        /// First-person subjects: "what I said" is the writer's own speech, not a report of someone else's.
        let firstPerson: Set<Int32>
        /// What separates the items of a list: "words such as fondling, molestation and grooming".
        let listSeparators: Set<Int32>
        /// Words that open a subordinate clause, which a negation before them does not reach: "it wouldn't
        /// have become a scandal if the family had simply reported it".
        let negationBarriers: Set<Int32>
        /// Words that may open a list item: "no such thing as date rape, a sex scandal or a crime of passion".
        let determiners: Set<Int32>
        /// Words that open a new clause inside what would otherwise be a list of charges: "charged with rape and
        /// he admitted ...".
        let clauseSubjects: Set<Int32>
    }

    public func rule(id: String) -> Rule? { ruleIndex[id].map { rules[$0] } }

    private let benchmarkScratch = MatchScratch()

    /// For benchmarks: the number of raw matches (every role) in one tokenized block.
    public func debugMatchCount(_ tokens: [Token], text: UnsafeBufferPointer<UInt8>) -> Int {
        var probe = NoMatchProbe()
        return debugMatch(tokens, text: text, probe: &probe)
    }

    /// For benchmarks: matches one tokenized block while `probe` watches the threads.
    package func debugMatch<Probe: MatchProbe>(
        _ tokens: [Token], text: UnsafeBufferPointer<UInt8>, probe: inout Probe
    ) -> Int {
        let attributes = TokenAttributes(
            hyphen: hyphen, minorAgeWords: minorAgeWords, transparentWords: transparentWords, text: text)
        return automaton.matches(in: tokens, attributes: attributes, scratch: benchmarkScratch, probe: &probe).count
    }

    /// For benchmarks: what a pattern is, in words ("vague.claimed", "cue negation", "gate of vague.accuser").
    package func describePattern(_ pattern: Int32) -> String {
        switch roles[Int(pattern)] {
        case .rule(let index): return rules[index].id
        case .exception(let index): return "exception of \(rules[index].id)"
        case .gate(let gate):
            let users = rules.indices.filter { index in
                (requires[index].values.contains { $0.contains(gate) })
                    || (unless[index].values.contains { $0.contains(gate) })
            }
            return "gate #\(gate) of " + (users.prefix(3).map { rules[$0].id }.joined(separator: ", "))
                + (users.count > 3 ? ", ..." : "")
        case .accept: return "accepted phrase"
        case .cue(let kind): return "cue \(kind)"
        case .signal(let index): return "signal \(signalNames[index])"
        }
    }

    @inline(__always)
    package func isRulePattern(_ pattern: Int32) -> Bool {
        if case .rule = roles[Int(pattern)] { return true }
        return false
    }

    init(
        rules: [Rule], automaton: Automaton, vocabulary: Vocabulary, roles: [PatternRole],
        requires: [[GateScope: [Int]]], unless: [[GateScope: [Int]]], gateCount: Int, signalNames: [String],
        hyphen: Int32,
        minorAgeWords: [Bool], transparentWords: [Bool], institutionNouns: [Bool], nameConnectors: [Bool],
        firstPersonWords: [Bool], symbols: Symbols
    ) {
        self.rules = rules
        self.automaton = automaton
        self.vocabulary = vocabulary
        self.roles = roles
        self.requires = requires
        self.unless = unless
        self.gateCount = gateCount
        self.signalNames = signalNames
        self.hyphen = hyphen
        self.minorAgeWords = minorAgeWords
        self.transparentWords = transparentWords
        self.institutionNouns = institutionNouns
        self.nameConnectors = nameConnectors
        self.firstPersonWords = firstPersonWords
        self.symbols = symbols
        self.ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        // A model rule has no patterns: its one role is the id its matches carry (`RuleSetCompiler`).
        var modelRules: [(rule: Int, pattern: Int32)] = []
        for (pattern, role) in roles.enumerated() {
            if case .rule(let index) = role, rules[index].model != nil { modelRules.append((index, Int32(pattern))) }
        }
        self.modelRules = modelRules
    }

    /// Compiles lexicons (and phrases the user accepts) into a rule set.
    ///
    /// Throws `YAMLFileError` naming the file, line and field of the first pattern that cannot be compiled,
    /// an unknown class, a class defined twice, or a rule id used in two lexicons.
    public static func compile(_ lexicons: [Lexicon], accept: [PatternSource] = []) throws -> RuleSet {
        var compiler = try RuleSetCompiler()
        let ruleSet = try compiler.compile(lexicons, accept: accept)
        ruleSet.scorer = lexicons.lazy.compactMap(\.scorer).first
        for lexicon in lexicons { ruleSet.sentenceModels.merge(lexicon.sentenceModels) { first, _ in first } }
        return ruleSet
    }
}
