import CandorRules
import CandorText
import Foundation

/// The whole pipeline for one document: source → markup → tokens → matches → context → findings.
///
/// A linter owns ICU break iterators, so each thread needs its own; they are cheap to make from a shared `RuleSet`.
public final class Linter {
    public let ruleSet: RuleSet
    /// The options of calls that pass none. Drivers pass each input's own options instead, so one linter
    /// serves every configuration that shares its rule set.
    public let options: LintOptions
    private let tokenizer: Tokenizer
    private let scratch = MatchScratch()
    private var modelScratch = SentenceModel.Scratch()
    private var featureBuffers = CandidateFeatures.Buffers()
    /// The sentences the active models chose in the block being read, with their rules' patterns.
    private var modelSentences: [(pattern: Int32, range: Range<Int>)] = []
    /// The sentence model of each model rule, looked up by name once, and the pattern id its matches carry.
    private let models: [(rule: Int, pattern: Int32, model: SentenceModel)]
    /// The scorer's features that name a rule and what it decided, by `rule * 4 + decision.code`, worked out the
    /// first time they are needed.
    private var decisionHashes: [[UInt64]?]
    /// Called with every candidate, before the scorer judges those it may: what `candor eval --write-candidates`
    /// writes for training the scorer, and for seeing why a rule did not fire.
    public var candidateLog: ((CandidateRecord) -> Void)?

    public init(ruleSet: RuleSet, options: LintOptions = LintOptions()) throws {
        self.ruleSet = ruleSet
        self.options = options
        self.tokenizer = try Tokenizer()
        decisionHashes = Array(repeating: nil, count: ruleSet.rules.count * CandidateDecision.judgedCodes)
        models = ruleSet.modelRules.compactMap { rule, pattern in
            ruleSet.rules[rule].model.flatMap { ruleSet.sentenceModels[$0] }.map { (rule, pattern, $0) }
        }
    }

    /// Lints text that is already known to be valid UTF-8 (tests, examples). Markup is plain text unless given.
    public func lint(text: String, path: String = "-", markup: MarkupKind = .text) -> [Finding] {
        var options = self.options
        options.markup = markup
        return lint(SourceDocument(path: path, text: text), options: options).findings
    }

    public func lint(_ document: SourceDocument) -> FileReport {
        lint(document, options: options)
    }

    public func lint(_ document: SourceDocument, options: LintOptions) -> FileReport {
        var collector: TextStatistics?
        return lint(document, options: options, statistics: &collector)
    }

    /// Lints a document and also gathers what the message tests need: signal phrases, counts of words,
    /// sentences and syllables, and who acts in each harm clause.
    public func analyze(_ document: SourceDocument) -> (report: FileReport, statistics: TextStatistics) {
        var collector: TextStatistics? = TextStatistics()
        let report = lint(document, options: options, statistics: &collector)
        return (report, collector!)
    }

    private func lint(_ document: SourceDocument, options: LintOptions, statistics: inout TextStatistics?) -> FileReport
    {
        if let problem = SourceValidator.validate(document.bytes) {
            return problem.isSkip
                ? FileReport(path: document.path, skipped: problem.description)
                : FileReport(path: document.path, error: problem.description)
        }
        let markup = options.markup ?? MarkupKind.detect(path: document.path)
        let prose = MarkupReaders.reader(for: markup).read(document.bytes)
        var findings = findingsFor(prose: prose, source: document.bytes, options: options, statistics: &statistics)
        findings.sort { ($0.offset, $0.rule) < ($1.offset, $1.rule) }
        return FileReport(
            path: document.path, findings: findings, source: options.keepSource ? document.bytes : nil,
            markup: options.keepSource ? markup : nil)
    }

    private func findingsFor(
        prose: ProseDocument, source: [UInt8], options: LintOptions,
        statistics: inout TextStatistics?
    ) -> [Finding] {
        let analyzer = ContextAnalyzer(ruleSet: ruleSet)
        // A model rule is off by default (it costs a pass over every first-person sentence); only those on run.
        let activeModels = models.filter { options.isActive(ruleSet.rules[$0.rule]) }
        var documentGates = DocumentGates(count: ruleSet.gateCount)
        var located: [(candidate: Candidate, start: Int, end: Int, prose: Range<Int>)] = []

        prose.text.withUnsafeBufferPointer { text in
            let attributes = TokenAttributes(
                hyphen: ruleSet.hyphen, minorAgeWords: ruleSet.minorAgeWords,
                transparentWords: ruleSet.transparentWords, text: text)
            for (blockIndex, block) in prose.blocks.enumerated() {
                documentGates.proseBytes += block.range.count
                var tokens = tokenizer.tokenize(text, range: block.range, vocabulary: ruleSet.vocabulary)
                var matches = ruleSet.automaton.matches(in: tokens, attributes: attributes, scratch: scratch)
                if analyzer.opensWithRejection(tokens: tokens, matches: matches) {
                    documentGates.recordRejection(by: Int32(blockIndex))
                }
                // A sentence model judges only a speaker's own sentences; most blocks have no first-person word.
                modelSentences.removeAll(keepingCapacity: true)
                if !activeModels.isEmpty
                    && tokens.contains(where: { $0.symbol >= 0 && ruleSet.firstPersonWords[Int($0.symbol)] })
                {
                    for (_, pattern, model) in activeModels {
                        model.sentences(text: text, range: block.range, scratch: &modelScratch) {
                            modelSentences.append((pattern, $0))
                        }
                    }
                }
                // Cues ("not", "said") match in most blocks; only a rule's match needs sentences and context.
                if statistics == nil && modelSentences.isEmpty
                    && !matches.contains(where: { ruleSet.isRulePattern($0.pattern) })
                {
                    // Document-scope gates still need to hear about this block's gate phrases.
                    for match in matches {
                        if case .gate(let gate) = ruleSet.roles[Int(match.pattern)] {
                            documentGates.record(gate, block: Int32(blockIndex))
                        }
                    }
                    continue
                }
                tokenizer.assignSentences(&tokens, text: text, range: block.range)
                matches.removeAll { tokens[Int($0.first)].sentence != tokens[Int($0.last)].sentence }
                if !modelSentences.isEmpty { Self.addModelMatches(modelSentences, to: &matches, tokens: tokens) }
                if statistics != nil {
                    statistics!.add(
                        block: block, tokens: tokens, matches: matches, text: text, ruleSet: ruleSet, map: prose.map)
                }
                if matches.isEmpty { continue }
                for candidate in analyzer.analyze(
                    tokens: tokens, matches: matches, text: text, block: block,
                    blockIndex: Int32(blockIndex), documentGates: &documentGates)
                {
                    let start = prose.map.sourceStart(Int(tokens[Int(candidate.first)].start))
                    let end = prose.map.sourceEnd(Int(tokens[Int(candidate.last)].end))
                    // A reader that could not place a piece of text exactly (emphasis inside a table cell, with
                    // the same words further on) can map a match's end before its start; the span between the
                    // two still covers where it was placed, where a reversed range would trap.
                    let prose = Int(tokens[Int(candidate.first)].start)..<Int(tokens[Int(candidate.last)].end)
                    located.append((candidate, min(start, end), max(start, end), prose))
                }
            }
        }
        if located.isEmpty && prose.directives.isEmpty && statistics == nil { return [] }
        Self.carryMentions(&located, source: source, documentGates: documentGates)

        let lines = LineIndex(source)
        statistics?.locate(with: lines, source: source)
        let suppressions = SuppressionIndex(prose.directives, lines: lines, ruleSet: ruleSet)
        var findings = suppressions.problems
        let scorer = options.usesScorer ? ruleSet.scorer : nil
        // Findings that give way to a finding of their category the rules' patterns kept, by index in `findings`:
        // those the scorer kept against an exception, and a sentence model's.
        var deferring: [Int] = []
        for (candidate, start, end, proseRange) in located {
            // The rule is passed straight from the array, so it is borrowed: binding it to a local would copy
            // every field of the struct (and retain each string) once per finding.
            var decision = decision(for: candidate, rule: ruleSet.rules[candidate.rule], documentGates: documentGates)
            let judged =
                decision.isJudged && ruleSet.rules[candidate.rule].isBuiltin
                && ruleSet.rules[candidate.rule].model == nil
            if let candidateLog {
                let rule = ruleSet.rules[candidate.rule]
                let names = prose.text.withUnsafeBufferPointer { text in
                    CandidateFeatures.names(
                        text: text, range: proseRange, rule: rule.id, category: rule.category, decision: decision.name)
                }
                candidateLog(
                    CandidateRecord(
                        rule: rule.id, category: rule.category, offset: start, length: end - start,
                        decision: decision.name, kept: decision.keeps, judged: judged, features: names))
            }
            if judged, let scorer {
                hashScorerFeatures(candidate.rule, decision: decision, text: prose.text, range: proseRange)
                let keep = scorer.keeps(
                    hashes: featureBuffers.hashes, rulesKeep: decision.keeps,
                    category: ruleSet.rules[candidate.rule].category)
                if keep != decision.keeps { decision = keep ? .keptByScorer : .droppedByScorer }
            }
            if !decision.keeps { continue }
            if let finding = finding(
                for: candidate, decision: decision, start: start, end: end, rule: ruleSet.rules[candidate.rule],
                options: options, lines: lines, suppressions: suppressions, source: source)
            {
                if case .keptByScorer = decision { deferring.append(findings.count) }
                if ruleSet.rules[candidate.rule].model != nil { deferring.append(findings.count) }
                findings.append(finding)
            }
        }
        Self.dropWhatAnotherRuleSays(deferring, from: &findings)
        return Self.oneFindingPerSpan(findings, collapsingNestedTerms: options.collapsesNestedTerms)
    }

    /// A match for each sentence a model chose, from the first word token in its range to the last. The model
    /// splits sentences its own way (`SentenceModel.sentences`), so a match may cross a tokenizer sentence.
    static func addModelMatches(
        _ sentences: [(pattern: Int32, range: Range<Int>)], to matches: inout [RawMatch], tokens: [Token]
    ) {
        for (pattern, range) in sentences {
            // Tokens are in text order: the first that ends inside the range, then on while they start inside it.
            var low = 0
            var high = tokens.count
            while low < high {
                let middle = (low + high) / 2
                if Int(tokens[middle].end) <= range.lowerBound { low = middle + 1 } else { high = middle }
            }
            var first = -1
            var last = -1
            var index = low
            while index < tokens.count && Int(tokens[index].start) < range.upperBound {
                if tokens[index].kind == .word || tokens[index].kind == .number {
                    if first < 0 { first = index }
                    last = index
                }
                index += 1
            }
            if first >= 0 { matches.append(RawMatch(pattern: pattern, first: Int32(first), last: Int32(last))) }
        }
    }

    /// The features the scorer weighs for a candidate, as hashes, into `featureBuffers.hashes`: the text's, and
    /// those worked out once per rule.
    private func hashScorerFeatures(_ rule: Int, decision: CandidateDecision, text: [UInt8], range: Range<Int>) {
        let key = rule * CandidateDecision.judgedCodes + decision.code
        if decisionHashes[key] == nil {
            decisionHashes[key] = CandidateFeatures.ruleHashes(
                rule: ruleSet.rules[rule].id, category: ruleSet.rules[rule].category, decision: decision.name)
        }
        text.withUnsafeBufferPointer { text in
            CandidateFeatures.hashes(
                text: text, range: range, ruleHashes: decisionHashes[key]!, buffers: &featureBuffers)
        }
    }

    /// A document that has named a term in order to discuss it ("the so-called 'sex scandal'", "phrases like
    /// sexual misconduct") goes on discussing that term: later bare uses of the same words, by the same rule,
    /// are mentions too ("we do get tired of sex scandal"). Only the same words count, compared without case, and
    /// in a long document only near where the term was named.
    static func carryMentions(
        _ located: inout [(candidate: Candidate, start: Int, end: Int, prose: Range<Int>)], source: [UInt8],
        documentGates: DocumentGates
    ) {
        // Most documents name no term; those that do name a few. Only candidates of those rules need a key.
        var rules = Set<Int>()
        for item in located where item.candidate.namesTheTerm { rules.insert(item.candidate.rule) }
        if rules.isEmpty { return }
        // Each term, and the paragraph where it was last named: in a long document (a book, an archive of many
        // pieces) the naming reaches only the paragraphs near it, as a `window:` gate does.
        var namedIn: [[UInt8]: Int32] = [:]
        for index in located.indices where rules.contains(located[index].candidate.rule) {
            let item = located[index]
            if item.candidate.namesTheTerm {
                namedIn[termKey(item.candidate.rule, source[item.start..<item.end])] = item.candidate.block
            } else if item.candidate.context == nil || item.candidate.context?.isReported == true,
                let block = namedIn[termKey(item.candidate.rule, source[item.start..<item.end])],
                documentGates.reaches(from: block, to: item.candidate.block)
            {
                located[index].candidate.context = .mention
            }
        }
    }

    /// The rule and the matched words, ASCII case folded, one space between words, and a plural "s" dropped, so
    /// "a 'witch hunt'" and "Witch hunts in Salem" have the same key. Bytes of other scripts are kept as they are.
    static func termKey(_ rule: Int, _ words: ArraySlice<UInt8>) -> [UInt8] {
        var key = Array(String(rule).utf8)
        var word: [UInt8] = []
        func flush() {
            if word.isEmpty { return }
            if word.count > 3 && word.last == UInt8(ascii: "s") { word.removeLast() }
            key.append(UInt8(ascii: " "))
            key.append(contentsOf: word)
            word.removeAll(keepingCapacity: true)
        }
        for byte in words {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...:
                word.append(byte)
            default: flush()
            }
        }
        flush()
        return key
    }

    /// Many exceptions only hand a phrase to a more specific rule of the same category ("inappropriate
    /// relationship" defers to "inappropriate relationship with a student"). A match the scorer kept against
    /// such an exception would say the same thing twice, so it goes when a finding of its category, which the
    /// rules themselves kept, overlaps it. A sentence model's finding gives way the same way: a pattern's
    /// finding in the same sentence names the words.
    static func dropWhatAnotherRuleSays(_ kept: [Int], from findings: inout [Finding]) {
        guard !kept.isEmpty else { return }
        var scorerKept = [Bool](repeating: false, count: findings.count)
        for index in kept { scorerKept[index] = true }
        // In text order, the findings that can overlap one are its neighbours: a long document has thousands.
        let order = findings.indices.sorted { findings[$0].offset < findings[$1].offset }
        var dropped = [Bool](repeating: false, count: findings.count)
        func overlapsAKeptOne(_ index: Int, _ other: Int) -> Bool {
            !scorerKept[other] && findings[other].category == findings[index].category
                && findings[other].offset < findings[index].offset + findings[index].length
                && findings[index].offset < findings[other].offset + findings[other].length
        }
        for (position, index) in order.enumerated() where scorerKept[index] {
            let end = findings[index].offset + findings[index].length
            var next = position + 1
            while next < order.count && findings[order[next]].offset < end {
                if overlapsAKeptOne(index, order[next]) { dropped[index] = true }
                next += 1
            }
            // Findings are phrases: one that starts a few findings earlier and still overlaps is rare, and
            // looking further back than that would make a long document quadratic.
            var previous = position - 1
            while previous >= 0 && position - previous <= 16 {
                if overlapsAKeptOne(index, order[previous]) { dropped[index] = true }
                previous -= 1
            }
        }
        if !dropped.contains(true) { return }
        findings = findings.indices.filter { !dropped[$0] }.map { findings[$0] }
    }

    /// Of two findings of one category, one of whose words lie inside the other's, the one to drop: the less
    /// severe, else the one inside. Nil when neither holds the other.
    static func nested(_ first: Int, _ second: Int, in findings: [Finding]) -> Int? {
        let (a, b) = (findings[first], findings[second])
        let aHoldsB = a.offset <= b.offset && b.offset + b.length <= a.offset + a.length
        let bHoldsA = b.offset <= a.offset && a.offset + a.length <= b.offset + b.length
        guard aHoldsB || bHoldsA else { return nil }
        if a.severity != b.severity { return a.severity < b.severity ? first : second }
        return aHoldsB ? second : first
    }

    /// A vague term and an apology construction that cross without either holding the other ("If at any time I
    /// touched any child inappropriately"): the apology's condition and the term's euphemism are two faults a
    /// writer fixes separately, so both stay. Crossing blaming findings still give way, since theirs is most often
    /// the same phrase read twice ("child prostitution ring").
    static func crossingTermAndApology(_ a: Finding, _ b: Finding) -> Bool {
        guard Set([a.category, b.category]) == [.vague, .intent] else { return false }
        let aHoldsB = a.offset <= b.offset && b.offset + b.length <= a.offset + a.length
        let bHoldsA = b.offset <= a.offset && a.offset + a.length <= b.offset + b.length
        return !aHoldsB && !bHoldsA
    }

    /// Of two findings of different categories, the one to drop when a milder one lies inside a more severe one's
    /// words: "Some accusers lie" is a claim that accusers lie before it is the word "accusers", so the warning
    /// about the claim stands and the suggestion about the word inside it goes. Nil otherwise, and the catalogue
    /// order decides.
    static func lesserInside(_ first: Int, _ second: Int, in findings: [Finding]) -> Int? {
        let (a, b) = (findings[first], findings[second])
        guard a.severity != b.severity else { return nil }
        let (lesser, greater) = a.severity < b.severity ? (first, second) : (second, first)
        let (inner, outer) = (findings[lesser], findings[greater])
        let inside = outer.offset <= inner.offset && inner.offset + inner.length <= outer.offset + outer.length
        return inside && inner.length < outer.length ? lesser : nil
    }

    /// The guidance's catalogue order (§A.1 vague, §A.2 intent, §A.3 blaming): when rules of two categories
    /// flag the same words, a reader needs one explanation, and the labelling standard picks the category
    /// the guidance lists first ("child prostitute" is a vague term before it is trafficking conflation;
    /// "it was just banter" in an apology is minimising humour before it is normalising).
    static let categoryRank: [FindingCategory: Int] = [.vague: 0, .intent: 1, .blaming: 2]

    /// Drops a finding whose words overlap a finding of a category ranked higher (but for a vague term and an intent
    /// construction that cross), and a vague term whose words lie inside those of another vague term's finding.
    static func oneFindingPerSpan(_ findings: [Finding], collapsingNestedTerms: Bool = true) -> [Finding] {
        guard findings.count > 1 else { return findings }
        let ranked = findings.enumerated().compactMap { item -> (index: Int, rank: Int)? in
            categoryRank[item.element.category].map { (item.offset, $0) }
        }.sorted { findings[$0.index].offset < findings[$1.index].offset }
        var dropped = Set<Int>()
        for (position, item) in ranked.enumerated() {
            let finding = findings[item.index]
            var next = position + 1
            while next < ranked.count {
                let other = findings[ranked[next].index]
                if other.offset >= finding.offset + finding.length { break }
                if ranked[next].rank != item.rank, !Self.crossingTermAndApology(finding, other) {
                    dropped.insert(
                        Self.lesserInside(item.index, ranked[next].index, in: findings)
                            ?? (ranked[next].rank > item.rank ? ranked[next].index : item.index))
                } else if collapsingNestedTerms, finding.category == .vague,
                    let inner = Self.nested(item.index, ranked[next].index, in: findings)
                {
                    // Two vague-term rules on nested words ("sexually inappropriate behaviour" and its
                    // "inappropriate behaviour") give one piece of advice, to name the act: one warning is
                    // enough, the more severe, else the longer. Intent and blaming rules on nested words are
                    // different constructions ("sorry for any offence caused" inside "sorry for any offence
                    // caused, but"), and each keeps its own advice.
                    dropped.insert(inner)
                }
                next += 1
            }
        }
        if dropped.isEmpty { return findings }
        return findings.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }
}

extension Linter {
    /// What the rules decide about a located candidate, before the scorer has its say.
    private func decision(for candidate: Candidate, rule: Rule, documentGates: DocumentGates) -> CandidateDecision {
        var excepted = false
        if let context = candidate.context {
            switch context {
            case .quoted, .attributed: break
            case .excepted:
                // A gate that found no harm nearby stands: the scorer reads eight words either side, too few to
                // tell a fortune cookie from a statement about abuse. So does quotation, negation, a mention or a
                // legal name behind the exception.
                if let failure = candidate.exceptedByGate {
                    return .dropped(failure == .requires ? .requires : .unless)
                }
                if let behind = candidate.contextBehindException, behind != .attributed { return .dropped(.exception) }
                // Its document and window gates still have to pass.
                excepted = true
            case .negated: return .dropped(.negated)
            case .mention: return .dropped(.mention)
            case .legal: return .dropped(.legal)
            case .accepted: return .dropped(.accepted)
            }
        }
        if documentGates.isRejectedByTheNextParagraph(candidate.block) { return .dropped(.rejected) }
        if let gates = candidate.documentRequires, !gates.contains(where: { documentGates.seenAnywhere($0) }) {
            return .dropped(.requires)
        }
        if let gates = candidate.documentUnless, gates.contains(where: { documentGates.seenAnywhere($0) }) {
            return .dropped(.unless)
        }
        let outOfContext =
            candidate.windowRequires.map { gates in
                !gates.contains(where: { documentGates.seen($0, near: candidate.block) })
            } ?? false
        if outOfContext && (rule.withoutContext == nil || excepted || candidate.context != nil) {
            return .dropped(.requires)
        }
        if let gates = candidate.windowUnless, gates.contains(where: { documentGates.seen($0, near: candidate.block) })
        {
            return .dropped(.unless)
        }
        if outOfContext { return .withoutContext }
        if excepted { return .excepted }
        switch candidate.context {
        case .quoted: return .quoted
        case .attributed: return .attributed
        default: return .kept
        }
    }

    /// The finding a kept candidate becomes, or nil when options or a directive drop it.
    private func finding(
        for candidate: Candidate, decision: CandidateDecision, start: Int, end: Int, rule: Rule, options: LintOptions,
        lines: LineIndex, suppressions: SuppressionIndex, source: [UInt8]
    ) -> Finding? {
        guard options.isActive(rule) else { return nil }
        // A candidate the scorer kept against an exception speaks as it would have without one.
        let context = candidate.context == .excepted ? candidate.contextBehindException : candidate.context
        guard
            var severity = options.quoted.severity(
                options.severity(of: rule),
                context: context, category: FindingCategory(rule.category))
        else { return nil }
        if case .withoutContext = decision, let quieter = rule.withoutContext { severity = min(severity, quieter) }
        let (line, column) = lines.position(of: start)
        if suppressions.suppresses(rule: rule, line: line, offset: start) { return nil }
        let (endLine, endColumn) = lines.position(of: end)
        let match = LineIndex.decode(source, start..<end)
        var finding = Finding(
            rule: rule.id, category: FindingCategory(rule.category), severity: severity,
            line: line, column: column, endLine: endLine, endColumn: endColumn,
            offset: start, length: end - start, match: match,
            message: rule.message(for: match), suggestions: rule.suggestions,
            context: context, fix: rule.fix)
        if options.keepLineText { finding.lineText = lines.trimmedLine(line) }
        return finding
    }
}

/// What the rules decided about a candidate: the scorer judges only `kept`, `attributed` and `excepted`;
/// quotation, gates and the other contexts (negation, mention, a legal name, an accepted phrase) stand.
enum CandidateDecision {
    case kept
    case attributed
    case quoted
    /// A rule's own exception, in the writer's own words.
    case excepted
    /// Its `window` gate found no context, and the rule reports such matches at a lower severity
    /// (`without-context`) instead of dropping them.
    case withoutContext
    /// A gate, negation, a mention, a legal name, an accepted phrase, or a paragraph the next one rejects.
    case dropped(DropReason)
    case keptByScorer
    case droppedByScorer

    var keeps: Bool {
        switch self {
        case .kept, .attributed, .quoted, .keptByScorer, .withoutContext: return true
        case .excepted, .dropped, .droppedByScorer: return false
        }
    }

    var isJudged: Bool {
        switch self {
        case .kept, .attributed, .excepted, .withoutContext: return true
        case .quoted, .dropped, .keptByScorer, .droppedByScorer: return false
        }
    }

    /// The decisions the scorer judges, numbered for a cache key.
    var code: Int {
        switch self {
        case .kept: return 0
        case .attributed: return 1
        case .excepted: return 2
        case .withoutContext: return 3
        default: return 4
        }
    }

    /// How many values `code` takes.
    static let judgedCodes = 5

    /// The name the scorer's features use.
    var name: String {
        switch self {
        case .kept: return "kept"
        case .attributed: return "attributed"
        case .quoted: return "quoted"
        case .excepted: return "excepted"
        case .withoutContext: return "withoutContext"
        case .dropped(let reason): return reason.rawValue
        case .keptByScorer: return "keptByScorer"
        case .droppedByScorer: return "droppedByScorer"
        }
    }
}

/// Why the rules dropped a candidate the scorer may not judge.
enum DropReason: String {
    /// A `requires:` gate, at some scope, found none of its phrases.
    case requires
    /// An `unless:` gate found one of its phrases.
    case unless
    /// The rule's own exception, with quotation, negation, a mention or a legal name behind it.
    case exception
    case negated
    case mention
    case legal
    case accepted
    /// A paragraph the next one opens by rejecting ("This may not be true, but...").
    case rejected
}

/// One candidate, for training the scorer and for seeing why a rule did or did not fire: where it is, what the
/// rules decided, and its features.
public struct CandidateRecord: Sendable {
    public var rule: String
    public var category: String
    /// UTF-8 byte offset and length in the source.
    public var offset: Int
    public var length: Int
    /// What the rules decided: `kept`, `attributed`, `excepted` or `quoted`, or why they dropped it: `requires`,
    /// `unless`, `exception`, `negated`, `mention`, `legal`, `accepted` or `rejected`.
    public var decision: String
    /// Whether the rules alone would report it.
    public var kept: Bool
    /// Whether the scorer has a say: a built-in rule's `kept`, `attributed` or `excepted` candidate. Only these
    /// train it.
    public var judged: Bool
    public var features: [String]
}
