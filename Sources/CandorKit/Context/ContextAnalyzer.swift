/// Why a match is not plain use of the writer's own words.
public enum MatchContext: String, Sendable, Codable {
    /// Inside quotation marks or a block quote: reported, downgraded by default.
    case quoted
    /// Reported speech without quotation marks ("the senator said the claims were a witch hunt"):
    /// reported and downgraded like quoted speech, but still the writer's choice of words to relay.
    case attributed
    /// Named in order to discuss it ("the word 'accuser'"): dropped.
    case mention
    /// Inside the scope of a negation ("not a sex scandal"): dropped.
    case negated
    /// Part of an offence, statute or official name: dropped.
    case legal
    /// Cancelled by the rule's own exception or a context gate: dropped.
    case excepted
    /// A phrase the user accepts in `.candor.yml`: dropped.
    case accepted

    /// Whether findings in this context are reported at all.
    public var isReported: Bool { self == .quoted || self == .attributed }
}

/// A rule match that survived (or was classified by) the context stage, still in token coordinates.
struct Candidate {
    var rule: Int
    var first: Int32
    var last: Int32
    var context: MatchContext?
    /// Document-scope gates still to check once the whole document has been read.
    var documentRequires: [Int]?
    var documentUnless: [Int]?
    /// Gates to check within `DocumentGates.windowRadius` paragraphs of this block, once the document is read.
    var windowRequires: [Int]?
    var windowUnless: [Int]?
    var block: Int32 = 0
}

/// Decides, for each match in a block, whether it is the writer's own use of the words (guidance §C).
struct ContextAnalyzer {
    let ruleSet: RuleSet
    /// Verbs that begin the writer's own account of an act: after "pleaded guilty to" an offence's name is a
    /// noun phrase ("sexual activity with a child"), while "having sex with a 14-year-old" is a description.
    let describingVerbs: [Int32]
    let colon: Int32

    init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        colon = Array(":".utf8).withUnsafeBufferPointer { ruleSet.vocabulary.lookup($0) }
        describingVerbs = ["having", "engaging", "sleeping", "dating", "seducing"].compactMap { word in
            let id = Array(word.utf8).withUnsafeBufferPointer { ruleSet.vocabulary.lookup($0) }
            return id == Vocabulary.unknown ? nil : id
        }
    }

    /// A gate phrase seen in a sentence of the block.
    struct GateSentence {
        var gate: Int
        var sentence: Int32
    }

    struct QuoteSpan {
        var first: Int
        var last: Int
        var single: Bool
    }

    /// Sorts a block's raw matches into rule candidates (with their context) and records gate phrases seen.
    func analyze(tokens: [Token], matches: [RawMatch], text: UnsafeBufferPointer<UInt8>, block: ProseBlock,
                 blockIndex: Int32, documentGates: inout DocumentGates) -> [Candidate] {
        var ruleMatches: [RawMatch] = []
        var exceptions: [Int: [RawMatch]] = [:]
        var accepts: [RawMatch] = []
        // Per block, so plain arrays: a dictionary or set for each would cost more than the lookups it saves.
        var cues = [[RawMatch]](repeating: [], count: CueKind.allCases.count)
        var gatesInBlock = [Bool](repeating: false, count: ruleSet.gateCount)
        var gateSentences: [GateSentence] = []

        for match in matches {
            switch ruleSet.roles[Int(match.pattern)] {
            case .rule: ruleMatches.append(match)
            case .exception(let rule): exceptions[rule, default: []].append(match)
            case .accept: accepts.append(match)
            case .cue(let kind): cues[kind.rawValue].append(match)
            case .signal: break
            case .gate(let gate):
                gatesInBlock[gate] = true
                documentGates.record(gate, block: blockIndex)
                gateSentences.append(GateSentence(gate: gate, sentence: tokens[Int(match.first)].sentence))
            }
        }
        if ruleMatches.isEmpty { return [] }

        let quotes = quoteSpans(tokens: tokens, text: text)
        var candidates: [Candidate] = []
        for match in longestPerRule(ruleMatches) {
            guard case .rule(let ruleIndex) = ruleSet.roles[Int(match.pattern)] else { continue }
            let sentence = tokens[Int(match.first)].sentence
            var candidate = Candidate(rule: ruleIndex, first: match.first, last: match.last, context: nil, block: blockIndex)

            func overlaps(_ other: RawMatch) -> Bool { other.first <= match.last && other.last >= match.first }

            if accepts.contains(where: overlaps) {
                candidate.context = .accepted
            } else if exceptions[ruleIndex]?.contains(where: overlaps) ?? false {
                candidate.context = .excepted
            } else if !gatesPass(ruleIndex, sentence: sentence, inBlock: gatesInBlock, sentences: gateSentences,
                                 candidate: &candidate) {
                candidate.context = .excepted
            } else if isLegal(match, tokens: tokens, cues: cues[CueKind.legal.rawValue]) {
                candidate.context = .legal
            } else if isMention(match, tokens: tokens, quotes: quotes, cues: cues[CueKind.mention.rawValue],
                                strongCues: cues[CueKind.strongMention.rawValue], block: block)
                        || isNamedForDiscussion(match, tokens: tokens, cues: cues[CueKind.mentionAfter.rawValue])
                        || isInIntroducedList(match, tokens: tokens, cues: cues[CueKind.mentionAfter.rawValue])
                        || isInIntroducedClaim(match, tokens: tokens, cues: cues[CueKind.introducesClaim.rawValue]) {
                candidate.context = .mention
            } else if ruleSet.rules[ruleIndex].negation
                        && isNegated(match, tokens: tokens, cues: negations(cues)) {
                candidate.context = .negated
            } else if isRejectedByNextSentence(match, tokens: tokens, cues: cues[CueKind.rejectsPrevious.rawValue]) {
                candidate.context = .negated
            } else {
                candidate.context = speechContext(match, tokens: tokens, quotes: quotes, cues: cues[CueKind.attribution.rawValue], block: block)
            }
            candidates.append(candidate)
        }
        return candidates
    }

    /// Leftmost-longest, non-overlapping matches for each rule.
    private func longestPerRule(_ matches: [RawMatch]) -> [RawMatch] {
        let sorted = matches.sorted { a, b in
            if a.pattern != b.pattern {
                let ra = ruleIndex(a), rb = ruleIndex(b)
                if ra != rb { return ra < rb }
            }
            if a.first != b.first { return a.first < b.first }
            return a.last > b.last
        }
        var kept: [RawMatch] = []
        var lastRule = -1
        var lastEnd: Int32 = -1
        for match in sorted {
            let rule = ruleIndex(match)
            if rule == lastRule && match.first <= lastEnd { continue }
            kept.append(match)
            lastRule = rule
            lastEnd = match.last
        }
        return kept.sorted { $0.first != $1.first ? $0.first < $1.first : $0.last > $1.last }
    }

    private func ruleIndex(_ match: RawMatch) -> Int {
        if case .rule(let index) = ruleSet.roles[Int(match.pattern)] { return index }
        return -1
    }

    private func gatesPass(_ rule: Int, sentence: Int32, inBlock: [Bool], sentences: [GateSentence],
                           candidate: inout Candidate) -> Bool {
        for (scope, gates) in ruleSet.requires[rule] {
            switch scope {
            case .sentence: if !gates.contains(where: { gate in sentences.contains { $0.gate == gate && $0.sentence == sentence } }) { return false }
            case .nearby: if !gates.contains(where: { gate in sentences.contains { $0.gate == gate && abs($0.sentence - sentence) <= 1 } }) { return false }
            case .paragraph: if !gates.contains(where: { inBlock[$0] }) { return false }
            case .window: candidate.windowRequires = gates
            case .document: candidate.documentRequires = gates
            }
        }
        for (scope, gates) in ruleSet.unless[rule] {
            switch scope {
            case .sentence: if gates.contains(where: { gate in sentences.contains { $0.gate == gate && $0.sentence == sentence } }) { return false }
            case .nearby: if gates.contains(where: { gate in sentences.contains { $0.gate == gate && abs($0.sentence - sentence) <= 1 } }) { return false }
            case .paragraph: if gates.contains(where: { inBlock[$0] }) { return false }
            case .window: candidate.windowUnless = gates
            case .document: candidate.documentUnless = gates
            }
        }
        return true
    }

    // MARK: Legal and official names (guidance §C.7)

    private func isLegal(_ match: RawMatch, tokens: [Token], cues: [RawMatch]) -> Bool {
        let sentence = tokens[Int(match.first)].sentence
        // An offence named after "charged with", "pleaded guilty to", "two counts of" ...
        for cue in cues where cue.last < match.first && tokens[Int(cue.first)].sentence == sentence {
            if wordsBetween(Int(cue.last), Int(match.first), tokens: tokens) <= 3
                && !(Int(cue.last) + 1...Int(match.first)).contains(where: { describingVerbs.contains(tokens[$0].symbol) }) {
                return true
            }
        }
        return isInsideOfficialName(match, tokens: tokens) || isDefinedTerm(match, tokens: tokens)
    }

    /// A capitalised term in the middle of an ordinary sentence is a name or a defined term: "The University
    /// considers Sexual Harassment and Sexual Misconduct, as defined below, ...". Headlines are Title Case
    /// throughout and sentences begin with a capital, so neither counts.
    private func isDefinedTerm(_ match: RawMatch, tokens: [Token]) -> Bool {
        // Two words at least: a single capitalised word mid-sentence ("Monster stepdad jailed", after a
        // headline on the line before) is as likely a new headline as a name.
        var words = 0
        for index in Int(match.first)...Int(match.last) where tokens[index].kind == .word {
            if !tokens[index].isCapitalized { return false }
            words += 1
        }
        if words < 2 { return false }
        let sentence = tokens[Int(match.first)].sentence
        var wordsBefore = 0
        var lowercase = 0
        var index = Int(match.first) - 1
        while index >= 0 && tokens[index].sentence == sentence {
            if tokens[index].kind == .word {
                wordsBefore += 1
                if !tokens[index].isCapitalized { lowercase += 1 }
            }
            index -= 1
        }
        index = Int(match.last) + 1
        while index < tokens.count && tokens[index].sentence == sentence {
            if tokens[index].kind == .word && !tokens[index].isCapitalized { lowercase += 1 }
            index += 1
        }
        // Most of an ordinary sentence is lower case; a headline's words are nearly all capitalised.
        return wordsBefore > 0 && lowercase >= 4
    }

    /// True when every word of the match is capitalised and it sits in a Title Case run that holds an
    /// institution noun: "Sexual Misconduct Policy", "the Modern Slavery Act". A Title Case headline
    /// without such a noun is not a name (guidance §C.8).
    private func isInsideOfficialName(_ match: RawMatch, tokens: [Token]) -> Bool {
        var sawInstitution = false
        for index in Int(match.first)...Int(match.last) where tokens[index].kind == .word {
            if !tokens[index].isCapitalized { return false }
            if isInstitution(tokens[index]) { sawInstitution = true }
        }
        func walk(from start: Int, step: Int) -> Bool {
            var index = start + step
            var words = 0
            while index >= 0 && index < tokens.count && words < 6 {
                let token = tokens[index]
                if token.kind == .space || token.symbol == ruleSet.hyphen { index += step; continue }
                guard token.kind == .word || token.kind == .number else { return false }
                if isConnector(token) { index += step; words += 1; continue }
                guard token.isCapitalized else { return false }
                if isInstitution(token) { return true }
                words += 1
                index += step
            }
            return false
        }
        return sawInstitution || walk(from: Int(match.last), step: 1) || walk(from: Int(match.first), step: -1)
    }

    private func isInstitution(_ token: Token) -> Bool {
        token.symbol >= 0 && Int(token.symbol) < ruleSet.institutionNouns.count && ruleSet.institutionNouns[Int(token.symbol)]
    }

    private func isConnector(_ token: Token) -> Bool {
        !token.isCapitalized && token.symbol >= 0 && Int(token.symbol) < ruleSet.nameConnectors.count
            && ruleSet.nameConnectors[Int(token.symbol)]
    }

    // MARK: Use and mention (guidance §C.2)

    private func isMention(_ match: RawMatch, tokens: [Token], quotes: [QuoteSpan], cues: [RawMatch], strongCues: [RawMatch],
                           block: ProseBlock) -> Bool {
        if let header = block.columnHeader, Self.rejectingHeaders.contains(where: { header.contains($0) }) { return true }
        let sentence = tokens[Int(match.first)].sentence
        let quoted = quotes.contains { $0.first < Int(match.first) && $0.last > Int(match.last) }
        func outside(_ cue: RawMatch) -> Bool {
            tokens[Int(cue.first)].sentence == sentence && (cue.last < match.first || cue.first > match.last)
        }
        // A quoted term with a cue anywhere in its sentence: "the word 'accuser' implies doubt".
        if quoted && (cues + strongCues).contains(where: outside) { return true }
        // An unquoted term right after a strong cue ("instead of sexual misconduct, say rape"), or in the list
        // that follows one ("words such as sexual imposition, molestation, and fondling").
        return strongCues.contains { cue in
            guard outside(cue) && cue.last < match.first else { return false }
            return wordsBetween(Int(cue.last), Int(match.first), tokens: tokens) <= 1
                || isListItem(after: Int(cue.last), match: match, tokens: tokens)
        }
    }

    /// Whether only the earlier items of a list lie between a cue and the match: a few words separated by
    /// commas, "and" or "or", with at least one separator, and no clause break but the list's own commas.
    private func isListItem(after cue: Int, match: RawMatch, tokens: [Token]) -> Bool {
        var words = 0
        var separators = 0
        for index in cue + 1..<Int(match.first) {
            let token = tokens[index]
            if token.kind == .space || token.symbol == ruleSet.hyphen { continue }
            if ruleSet.symbols.listSeparators.contains(token.symbol) { separators += 1; continue }
            if token.kind == .punctuation { return false }
            words += 1
        }
        return separators > 0 && words <= 8
    }

    /// A term followed by a noun that makes it the topic: "the boys-will-be-boys defence", "the 'he said, she
    /// said' myth", "the misunderstanding excuse".
    private func isNamedForDiscussion(_ match: RawMatch, tokens: [Token], cues: [RawMatch]) -> Bool {
        cues.contains { cue in
            guard cue.first > match.last, tokens[Int(cue.first)].sentence == tokens[Int(match.last)].sentence else { return false }
            for index in Int(match.last) + 1..<Int(cue.first) {
                let token = tokens[index]
                if token.kind == .space || token.symbol == ruleSet.hyphen { continue }
                if token.kind == .punctuation && (token.symbol == ruleSet.symbols.doubleQuote
                                                  || token.symbol == ruleSet.symbols.singleQuote) { continue }
                return false
            }
            return true
        }
    }

    /// "There's always a typical narrative in the media: They met at a party. He said, she said. She was
    /// drunk." A word such as "narrative", "myths" or "excuses" followed closely by a colon introduces the
    /// lines that follow, to the end of the block, as examples under discussion.
    private func isInIntroducedList(_ match: RawMatch, tokens: [Token], cues: [RawMatch]) -> Bool {
        guard colon != Vocabulary.unknown else { return false }
        return cues.contains { cue in
            guard cue.last < match.first else { return false }
            var words = 0
            var index = Int(cue.last) + 1
            while index < Int(match.first) && tokens[index].sentence == tokens[Int(cue.last)].sentence {
                let token = tokens[index]
                if token.symbol == colon { return true }
                if token.kind == .word || token.kind == .number {
                    words += 1
                    if words > 6 { return false }
                }
                index += 1
            }
            return false
        }
    }

    /// A match later in the same sentence as "the message that" or "the idea that": a proposition the writer
    /// discusses, not asserts.
    private func isInIntroducedClaim(_ match: RawMatch, tokens: [Token], cues: [RawMatch]) -> Bool {
        cues.contains { $0.last < match.first && tokens[Int($0.first)].sentence == tokens[Int(match.first)].sentence }
    }

    // MARK: Rejection in the next sentence

    /// "...the belief that it is one person's word against another's. But that's not so." A cue that opens the
    /// next sentence (after at most "but" or "yet") rejects the whole of the sentence before.
    private func isRejectedByNextSentence(_ match: RawMatch, tokens: [Token], cues: [RawMatch]) -> Bool {
        let sentence = tokens[Int(match.last)].sentence
        return cues.contains { cue in
            guard tokens[Int(cue.first)].sentence == sentence + 1 else { return false }
            var words = 0
            var index = Int(cue.first) - 1
            while index >= 0 && tokens[index].sentence == sentence + 1 {
                if tokens[index].kind == .word { words += 1 }
                index -= 1
            }
            return words <= 1
        }
    }

    static let rejectingHeaders = ["instead of", "avoid", "don't", "do not", "not this", "problematic", "don't say", "never"]

    // MARK: Negation (guidance §C.3, NegEx-style)

    /// The block's negation cues, less those inside an affirming phrase such as "difficult not to".
    private func negations(_ cues: [[RawMatch]]) -> [RawMatch] {
        let affirming = cues[CueKind.affirmingNegation.rawValue]
        if affirming.isEmpty { return cues[CueKind.negation.rawValue] }
        return cues[CueKind.negation.rawValue].filter { cue in
            !affirming.contains { $0.first <= cue.first && $0.last >= cue.last }
        }
    }

    private func isNegated(_ match: RawMatch, tokens: [Token], cues: [RawMatch]) -> Bool {
        let sentence = tokens[Int(match.first)].sentence
        for cue in cues where cue.last < match.first && tokens[Int(cue.first)].sentence == sentence {
            var words = 0
            var blocked = false
            for index in Int(cue.last) + 1..<Int(match.first) {
                let token = tokens[index]
                if token.kind == .space || token.symbol == ruleSet.hyphen { continue }
                if token.kind == .punctuation && ruleSet.symbols.clauseBreaks.contains(token.symbol) { blocked = true; break }
                if token.symbol == ruleSet.symbols.but { blocked = true; break }
                words += 1
            }
            if !blocked && words <= 6 { return true }
        }
        return false
    }

    // MARK: Quoted and reported speech (guidance §C.1)

    private func speechContext(_ match: RawMatch, tokens: [Token], quotes: [QuoteSpan], cues: [RawMatch],
                               block: ProseBlock) -> MatchContext? {
        if block.kind == .blockQuote { return .quoted }
        let sentence = tokens[Int(match.first)].sentence
        let cues = cues.filter { !isFirstPerson(before: Int($0.first), tokens: tokens) }
        let attributed = cues.contains { tokens[Int($0.first)].sentence == sentence }
        for span in quotes where span.first < Int(match.first) && span.last > Int(match.last) {
            // Single quotes are often scare quotes in headlines: quoted only when someone is said to speak.
            if !span.single || attributed { return .quoted }
        }
        // Reported speech: "the senator said the claims were a witch hunt". It ends where a later clause speaks
        // in the first person: "what she described, and I remember it differently" is the writer's own.
        if cues.contains(where: { $0.last < match.first && tokens[Int($0.first)].sentence == sentence
                                  && !writerResumes(after: $0, before: match, tokens: tokens) }) { return .attributed }
        return nil
    }

    /// Whether, after a clause break that follows the attribution cue, "I" or "we" opens a clause of the
    /// writer's own before the match (or as its first word).
    private func writerResumes(after cue: RawMatch, before match: RawMatch, tokens: [Token]) -> Bool {
        var sawBreak = false
        for index in Int(cue.last) + 1...Int(match.first) {
            let token = tokens[index]
            if token.kind == .space { continue }
            if (token.kind == .punctuation && ruleSet.symbols.clauseBreaks.contains(token.symbol))
                || ruleSet.symbols.clauseJoiners.contains(token.symbol) {
                sawBreak = true
            } else if sawBreak && ruleSet.symbols.firstPerson.contains(token.symbol) {
                return true
            }
        }
        return false
    }

    private func isFirstPerson(before index: Int, tokens: [Token]) -> Bool {
        var previous = index - 1
        while previous >= 0 && tokens[previous].kind == .space { previous -= 1 }
        return previous >= 0 && ruleSet.symbols.firstPerson.contains(tokens[previous].symbol)
    }

    /// Quotation spans in a block, as token index ranges that include the marks.
    /// An unclosed mark runs to the end of the block, never further.
    func quoteSpans(tokens: [Token], text: UnsafeBufferPointer<UInt8>) -> [QuoteSpan] {
        var spans: [QuoteSpan] = []
        var openDouble: Int?
        var openSingle: Int?
        for index in tokens.indices where tokens[index].kind == .punctuation {
            let token = tokens[index]
            let isDouble = token.symbol == ruleSet.symbols.doubleQuote
            let isSingle = token.symbol == ruleSet.symbols.singleQuote
            guard isDouble || isSingle else { continue }
            let direction = Self.direction(of: token, text: text, tokens: tokens, index: index)
            if isDouble {
                if let open = openDouble, direction != .opening {
                    spans.append(QuoteSpan(first: open, last: index, single: false))
                    openDouble = nil
                } else if openDouble == nil, direction != .closing {
                    openDouble = index
                }
            } else {
                if let open = openSingle, direction == .closing || direction == .either {
                    spans.append(QuoteSpan(first: open, last: index, single: true))
                    openSingle = nil
                } else if openSingle == nil, direction == .opening {
                    openSingle = index
                }
            }
        }
        if let open = openDouble { spans.append(QuoteSpan(first: open, last: tokens.count, single: false)) }
        if let open = openSingle { spans.append(QuoteSpan(first: open, last: tokens.count, single: true)) }
        return spans
    }

    enum Direction { case opening, closing, either }

    static func direction(of token: Token, text: UnsafeBufferPointer<UInt8>, tokens: [Token], index: Int) -> Direction {
        let start = Int(token.start)
        if token.length == 3 && text[start] == 0xE2 && text[start + 1] == 0x80 {
            switch text[start + 2] {
            case 0x9C, 0x98, 0x9E: return .opening   // “ ‘ „
            case 0x9D, 0x99: return .closing         // ” ’
            default: break
            }
        }
        if token.length == 2 && text[start] == 0xC2 {
            if text[start + 1] == 0xAB { return .opening }   // «
            if text[start + 1] == 0xBB { return .closing }   // »
        }
        // Straight marks: opening after a space or the start, closing before a space or the end.
        let before = index > 0 ? tokens[index - 1] : nil
        let after = index + 1 < tokens.count ? tokens[index + 1] : nil
        let spaceBefore = before == nil || before!.kind == .space || before!.kind == .punctuation
        let spaceAfter = after == nil || after!.kind == .space || after!.kind == .punctuation
        // An apostrophe before a number elides it ('90s), and never opens a quotation.
        if spaceBefore && after?.kind == .number && text[start] == 0x27 { return .closing }
        if spaceBefore && !spaceAfter { return .opening }
        if !spaceBefore && spaceAfter { return .closing }
        return .either
    }

    private func wordsBetween(_ from: Int, _ to: Int, tokens: [Token]) -> Int {
        guard to > from + 1 else { return 0 }
        var words = 0
        for index in from + 1..<to where tokens[index].kind == .word || tokens[index].kind == .number { words += 1 }
        return words
    }
}
