import CandorText

/// Decides, for each match in a block, whether it is the writer's own use of the words (guidance §C).
package struct ContextAnalyzer {
    let ruleSet: RuleSet
    /// Verbs that begin the writer's own account of an act: after "pleaded guilty to" an offence's name is a
    /// noun phrase ("sexual activity with a child"), while "having sex with a 14-year-old" is a description.
    let describingVerbs: [Int32]
    /// "or" and "nor": after a comma they carry a negation on ("I have never had sex with, or made advances
    /// towards, these players").
    let disjunctions: [Int32]
    /// Words that open a clause of its own after "or": the negation before the comma does not reach into it.
    let clauseSubjects: [Int32]
    /// "and", and the personal pronouns that give what follows it a subject of its own: "a joke that I shouldn't
    /// have said and I wasn't being serious" is two clauses, and the negation stays in the first.
    let and: Int32
    let personalSubjects: [Int32]
    /// "any", "anything", "ever": words a negation licenses, so its reach runs on past them ("neither of these
    /// complaints involved any issue of sexual misconduct").
    let negativePolarity: [Int32]
    /// Verbs whose object a refusal takes as given: "I will not engage with a coordinated smear campaign" still
    /// calls it a smear. They end a negation's reach over blaming framing.
    let presupposingVerbs: [Int32]
    /// "remember", "recall": what is not remembered is still described as having happened.
    let memoryVerbs: [Int32]
    /// "don't", "do" (of "do not") and "never" opening a command, and the words that may come before one.
    let imperativeNegations: [Int32]
    let commandOpeners: [Int32]
    let conductVerbs: [Int32]
    let passiveAuxiliaries: [Int32]
    let no: Int32
    let colon: Int32
    let comma: Int32
    /// ".", "!" and "?": a block that ends without one is a headline or a title.
    let sentenceEnders: [Int32]
    /// "?": a sentence that is only a term and this weighs the term as a label.
    let questionMark: Int32
    /// "them", "her", "him": an item of a list of charges with one of these tells what was done to someone.
    let objectPronouns: [Int32]
    /// Verbs that make a Title Case run a headline's clause, not a name: "Oklahoma Court Says Drunk Girl ...".
    let headlineVerbs: [Int32]
    /// "with" and the words that make its object one particular person ("the", "her", "his"): an offence's name
    /// says "with a child"; the writer's account of one act says "with the girl".
    let with: Int32
    let particular: [Int32]
    /// "for" and "by" right before a listed charge's last item: "battery for fondling the boy".
    let actIntroducers: [Int32]
    /// "into" and "on" after a capitalised institution noun: the subject of a named inquiry ("the Board of Inquiry
    /// into historical child sexual abuse in Beaumaris Primary School").
    let inquirySubjectIntroducers: [Int32]
    /// Brackets inside an official name: "the Historical Institutional Abuse (Northern Ireland) Act 2019".
    let brackets: [Int32]
    /// Words that open a new clause after an offence's name: "charged with rape after she had sex with a
    /// 14-year-old boy" names the offence, then describes the act.
    let clauseOpeners: [Int32]
    /// "anti" and "counter" joined by a hyphen to the match's first word: "anti-revenge porn laws".
    let opposingPrefixes: [Int32]
    /// "count" and "counts": a count names an offence even when its name is a gerund ("three counts of engaging in
    /// sexual acts with a child under the age of 17"), where after "pleaded guilty to" a gerund is a description.
    let countWords: [Int32]
    /// "offence" and "offense": the cue "the offense of" names an offence whose name may open with a gerund.
    let offenceWords: [Int32]
    /// "any", "none", "some" and the like before "of the": "no evidence that any of the child porn involved
    /// students" takes the thing as given and denies something about a part of it.
    let partitiveQuantifiers: [Int32]
    let of: Int32

    package init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        colon = Array(":".utf8).withUnsafeBufferPointer { ruleSet.vocabulary.lookup($0) }
        comma = Array(",".utf8).withUnsafeBufferPointer { ruleSet.vocabulary.lookup($0) }
        let describing = [
            "having", "engaging", "sleeping", "dating", "seducing", "fondling", "touching", "caressing", "kissing",
            // "accused of hooking up with 15-year-old": slang is the writer's account, never an offence's name
            "hooking",
            // "pleading guilty to inappropriately touching 14 former students": an adverb of manner opens the
            // writer's account of the act, not an offence's name.
            "inappropriately", "improperly"
        ]
        func known(_ words: [String]) -> [Int32] {
            words.compactMap { word in
                let id = Array(word.utf8).withUnsafeBufferPointer { ruleSet.vocabulary.lookup($0) }
                return id == Vocabulary.unknown ? nil : id
            }
        }
        describingVerbs = known(describing)
        disjunctions = known(["or", "nor"])
        clauseSubjects = known([
            "i", "you", "he", "she", "they", "we", "it", "there", "this", "that", "the", "a", "an", "someone",
            "anyone", "people", "women", "men", "girls", "victims", "else"
        ])
        and = Array("and".utf8).withUnsafeBufferPointer { ruleSet.vocabulary.lookup($0) }
        personalSubjects = known(["i", "you", "he", "she", "we", "they"])
        negativePolarity = known(["any", "anything", "ever"])
        presupposingVerbs = known(Cues.presupposingVerbs)
        memoryVerbs = known(Cues.memoryVerbs)
        opposingPrefixes = known(Cues.opposingPrefixes)
        countWords = known(["count", "counts"])
        offenceWords = known(["offence", "offense", "offences", "offenses"])
        partitiveQuantifiers = known(["any", "none", "some", "all", "most", "much", "each", "either", "neither"])
        of = Array("of".utf8).withUnsafeBufferPointer { ruleSet.vocabulary.lookup($0) }
        imperativeNegations = known(Cues.imperativeNegations)
        commandOpeners = known(Cues.commandOpeners)
        conductVerbs = known(Cues.conductVerbs)
        passiveAuxiliaries = known(Cues.passiveAuxiliaries)
        no = Array("no".utf8).withUnsafeBufferPointer { ruleSet.vocabulary.lookup($0) }
        sentenceEnders = known([".", "!", "?"])
        questionMark = known(["?"]).first ?? Vocabulary.unknown
        objectPronouns = known(["them", "her", "him"])
        headlineVerbs = known([
            "says", "said", "rules", "ruled", "finds", "told", "hears", "claims", "admits", "denies"
        ])
        with = Array("with".utf8).withUnsafeBufferPointer { ruleSet.vocabulary.lookup($0) }
        particular = known(["the", "her", "his", "their", "him", "them", "my", "this", "that", "these", "those"])
        actIntroducers = known(["for", "by"])
        inquirySubjectIntroducers = known(Cues.inquirySubjectIntroducers)
        brackets = known(["(", ")", "[", "]"])
        clauseOpeners = known(["after", "before", "because", "since", "until", "when", "while", "whilst", "as", "if"])
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
    package func analyze(
        tokens: [Token], matches: [RawMatch], text: UnsafeBufferPointer<UInt8>, block: ProseBlock,
        blockIndex: Int32, documentGates: inout DocumentGates
    ) -> [Candidate] {
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
        // Negated matches so far, in text order: a negation that reaches the first item of a list reaches the rest.
        var negatedMatches: [RawMatch] = []
        for match in longestPerRule(ruleMatches) {
            guard case .rule(let ruleIndex) = ruleSet.roles[Int(match.pattern)] else { continue }
            let sentence = tokens[Int(match.first)].sentence
            var candidate = Candidate(
                rule: ruleIndex, first: match.first, last: match.last, context: nil, block: blockIndex)

            func overlaps(_ other: RawMatch) -> Bool { other.first <= match.last && other.last >= match.first }

            if accepts.contains(where: overlaps) {
                candidate.context = .accepted
                candidates.append(candidate)
                continue
            }
            // A rule's exception drops the match, but the scorer may keep it, so what the rest of the context
            // says about it is worked out too (without the side effects a kept match has). A failed gate stands.
            let excepted = exceptions[ruleIndex]?.contains(where: overlaps) ?? false
            if let failure = gateFailure(
                ruleIndex, sentence: sentence, inBlock: gatesInBlock, sentences: gateSentences, candidate: &candidate)
            {
                candidate.context = .excepted
                candidate.exceptedByGate = failure
                candidates.append(candidate)
                continue
            }
            let negatedSoFar = negatedMatches.count
            if isLegal(match, tokens: tokens, text: text, cues: cues[CueKind.legal.rawValue]) {
                candidate.context = .legal
            } else if isUnderRejectingColumn(block)
                || isInListOfQuotedLines(match, tokens: tokens, text: text, block: block)
            {
                candidate.context = .mention
            } else if isMention(
                match, tokens: tokens, quotes: quotes, cues: cues[CueKind.mention.rawValue],
                strongCues: cues[CueKind.strongMention.rawValue])
                || isNamedForDiscussion(match, tokens: tokens, cues: cues[CueKind.mentionAfter.rawValue])
            {
                candidate.context = .mention
                candidate.namesTheTerm = true
            } else if namesATerm(ruleSet.rules[ruleIndex].category) && isTermAsQuestion(match, tokens: tokens) {
                candidate.context = .mention
            } else if isInIntroducedList(match, tokens: tokens, cues: cues[CueKind.mentionAfter.rawValue])
                || isInIntroducedClaim(match, tokens: tokens, cues: cues[CueKind.introducesClaim.rawValue])
                || isDeniedByWhatFollows(match, tokens: tokens, cues: cues[CueKind.deniesWhatPrecedes.rawValue])
            {
                candidate.context = .mention
            } else if ruleSet.rules[ruleIndex].negation
                && (isNegated(
                    match, tokens: tokens, cues: negations(cues),
                    blaming: ruleSet.rules[ruleIndex].category == "blaming")
                    || negatedMatches.contains { continuesList(from: $0, to: match, tokens: tokens) })
            {
                candidate.context = .negated
                // "Child sex abuse is not a 'sex scandal'": a quoted term the writer denies is a term under
                // discussion, so the document's later bare uses of it are mentions too.
                candidate.namesTheTerm = quotes.contains { isTermAlone(match, in: $0, tokens: tokens) }
                negatedMatches.append(match)
            } else if isRejectedByNextSentence(match, tokens: tokens, cues: cues[CueKind.rejectsPrevious.rawValue])
                || isRejectedAsPartOfRun(match, tokens: tokens, cues: cues[CueKind.rejectsPreviousRun.rawValue])
            {
                candidate.context = .negated
            } else {
                candidate.context = speechContext(
                    match, tokens: tokens, quotes: quotes, cues: cues[CueKind.attribution.rawValue], block: block,
                    scareQuotesAreUse: ruleSet.rules[ruleIndex].scareQuotesAreUse)
            }
            if excepted {
                candidate.contextBehindException = candidate.context
                candidate.context = .excepted
                candidate.namesTheTerm = false
                negatedMatches.removeSubrange(negatedSoFar...)
            }
            candidates.append(candidate)
        }
        return candidates
    }

    /// Leftmost-longest, non-overlapping matches for each rule.
    private func longestPerRule(_ matches: [RawMatch]) -> [RawMatch] {
        let sorted = matches.sorted { a, b in
            if a.pattern != b.pattern {
                let ra = ruleIndex(a)
                let rb = ruleIndex(b)
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

    /// Which of the rule's sentence, nearby and paragraph gates drops the match, if one does. Window and document
    /// gates are only noted on the candidate, to check once the whole document is read.
    private func gateFailure(
        _ rule: Int, sentence: Int32, inBlock: [Bool], sentences: [GateSentence],
        candidate: inout Candidate
    ) -> GateFailure? {
        for (scope, gates) in ruleSet.requires[rule] {
            switch scope {
            case .sentence:
                if !gates.contains(where: { gate in sentences.contains { $0.gate == gate && $0.sentence == sentence } })
                {
                    return .requires
                }
            case .nearby:
                if !gates.contains(where: { gate in
                    sentences.contains { $0.gate == gate && abs($0.sentence - sentence) <= 1 }
                }) {
                    return .requires
                }
            case .paragraph: if !gates.contains(where: { inBlock[$0] }) { return .requires }
            case .window: candidate.windowRequires = gates
            case .document: candidate.documentRequires = gates
            }
        }
        for (scope, gates) in ruleSet.unless[rule] {
            switch scope {
            case .sentence:
                if gates.contains(where: { gate in sentences.contains { $0.gate == gate && $0.sentence == sentence } })
                {
                    return .unless
                }
            case .nearby:
                if gates.contains(where: { gate in
                    sentences.contains { $0.gate == gate && abs($0.sentence - sentence) <= 1 }
                }) {
                    return .unless
                }
            case .paragraph: if gates.contains(where: { inBlock[$0] }) { return .unless }
            case .window: candidate.windowUnless = gates
            case .document: candidate.documentUnless = gates
            }
        }
        return nil
    }

    func wordsBetween(_ from: Int, _ to: Int, tokens: [Token]) -> Int {
        guard to > from + 1 else { return 0 }
        var words = 0
        for index in from + 1..<to where tokens[index].kind == .word || tokens[index].kind == .number { words += 1 }
        return words
    }
}
