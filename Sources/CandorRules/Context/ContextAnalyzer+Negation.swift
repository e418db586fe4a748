import CandorText

/// Negation (guidance §C.3, NegEx-style), and rejection in the next sentence.
extension ContextAnalyzer {
    /// The block's negation cues, less those inside an affirming phrase such as "difficult not to".
    func negations(_ cues: [[RawMatch]]) -> [RawMatch] {
        let affirming = cues[CueKind.affirmingNegation.rawValue]
        if affirming.isEmpty { return cues[CueKind.negation.rawValue] }
        return cues[CueKind.negation.rawValue].filter { cue in
            !affirming.contains { $0.first <= cue.first && $0.last >= cue.last }
        }
    }

    /// `blaming`: the match is blaming framing, whose words a refusal presupposes ("I can't support extortion",
    /// "she should not spread false claims") and a negative command gives as advice ("Don't put yourself in
    /// these situations"). Neither is a negation of the framing.
    func isNegated(_ match: RawMatch, tokens: [Token], cues: [RawMatch], blaming: Bool = false) -> Bool {
        let sentence = tokens[Int(match.first)].sentence
        if ruleSet.symbols.negationBarriers.contains(tokens[Int(match.first)].symbol) { return false }
        if isPartOf(match, tokens: tokens) { return false }
        for cue in cues where cue.last < match.first && tokens[Int(cue.first)].sentence == sentence {
            if blaming && isNegativeCommand(cue, before: match, tokens: tokens) { continue }
            // "I can't support extortion": a refusal whose verb opens the match, or stands within two words of a
            // verbal negation ("should not seek to spread false claims"). Not "no support for ...", a noun's.
            let refuses = blaming && tokens[Int(cue.first)].symbol != no
            if refuses && presupposingVerbs.contains(tokens[Int(match.first)].symbol) { continue }
            var words = 0
            var blocked = false
            var index = Int(cue.last)
            while index + 1 < Int(match.first) {
                index += 1
                let token = tokens[index]
                if token.kind == .space || token.symbol == ruleSet.hyphen { continue }
                // "cannot, by law, have a consensual relationship": an aside between commas right after the
                // negation leaves it reaching the verb after the aside.
                if words == 0, token.symbol == comma,
                    let close = closingComma(after: index, before: Int(match.first), tokens: tokens)
                {
                    index = close
                    continue
                }
                if token.kind == .punctuation && ruleSet.symbols.clauseBreaks.contains(token.symbol) {
                    // "never had sex with, or made advances towards": a comma before "or" or "nor" joins a second
                    // verb to the same negation.
                    if token.symbol == comma,
                        let next = nextWord(after: index, before: Int(match.first), tokens: tokens),
                        disjunctions.contains(tokens[next].symbol)
                    {
                        // A second verb with no subject of its own starts the count again: "We don't blame
                        // murder victims for being in the wrong place at the wrong time, or say they were asking
                        // for it". A new subject ("or you are asking for it") is a clause the negation leaves.
                        if let verb = nextWord(after: next, before: Int(match.first), tokens: tokens),
                            !clauseSubjects.contains(tokens[verb].symbol)
                        {
                            words = -1
                        }
                        continue
                    }
                    blocked = true
                    break
                }
                if token.symbol == ruleSet.symbols.but || ruleSet.symbols.negationBarriers.contains(token.symbol) {
                    blocked = true
                    break
                }
                if refuses && words <= 2 && presupposingVerbs.contains(token.symbol) {
                    blocked = true
                    break
                }
                // "She does not remember the alleged sexual encounter": the memory is denied, not the act. However
                // far the negation stands, the verb that licenses "any" is the one it denies: "No information ...
                // indicated that the school knew anything about the sexual misconduct".
                if memoryVerbs.contains(token.symbol)
                    && (words <= 2
                        || nextWord(after: index, before: Int(match.first), tokens: tokens).map {
                            negativePolarity.contains(tokens[$0].symbol)
                        } ?? false)
                {
                    blocked = true
                    break
                }
                // "and" with a subject of its own after it ("... shouldn't have said and I wasn't being serious")
                // starts a clause the negation does not reach; the subject may be the match's first word.
                // So does a name: "there would never have been any intention to offend ... and Richard apologizes
                // if anyone felt that way".
                if token.symbol == and, and != Vocabulary.unknown,
                    let next = nextWord(after: index, before: Int(match.first) + 1, tokens: tokens),
                    personalSubjects.contains(tokens[next].symbol)
                        || (tokens[next].isCapitalized && next < Int(match.first)
                            && nextWord(after: next, before: Int(match.first) + 1, tokens: tokens)
                                == Int(match.first))
                {
                    blocked = true
                    break
                }
                words += 1
                // The negation reaches its object however far the word it licenses stands from it: count afresh.
                if negativePolarity.contains(token.symbol) { words = 0 }
            }
            if !blocked && words <= 6 { return true }
        }
        return false
    }

    /// "There is no such thing as date rape, a sex scandal or a crime of passion": the comma ends a negation's
    /// reach, but not when `match` is a later item of a list whose earlier item was negated. Only list
    /// separators and at most two determiners ("a", "the", "his") may lie between the two matches.
    func continuesList(from earlier: RawMatch, to match: RawMatch, tokens: [Token]) -> Bool {
        guard earlier.last < match.first, tokens[Int(earlier.first)].sentence == tokens[Int(match.first)].sentence
        else { return false }
        var separators = 0
        var words = 0
        for index in Int(earlier.last) + 1..<Int(match.first) {
            let token = tokens[index]
            if token.kind == .space || token.symbol == ruleSet.hyphen { continue }
            if ruleSet.symbols.listSeparators.contains(token.symbol) {
                separators += 1
                continue
            }
            if !ruleSet.symbols.determiners.contains(token.symbol) { return false }
            words += 1
            if words > 2 { return false }
        }
        return separators > 0
    }

    /// "Women, as we know, are asking for it. ... \n\n This may not be true, but ...": a rejection that opens a
    /// paragraph (after at most one word) rejects the whole paragraph before it, as one that opens a sentence
    /// rejects the sentence before. Asked for every block, including those where no rule matched.
    package func opensWithRejection(tokens: [Token], matches: [RawMatch]) -> Bool {
        matches.contains { match in
            switch ruleSet.roles[Int(match.pattern)] {
            case .cue(.rejectsPrevious), .cue(.rejectsPreviousRun): break
            default: return false
            }
            var words = 0
            for index in 0..<Int(match.first) where tokens[index].kind == .word || tokens[index].kind == .number {
                words += 1
                if words > 1 { return false }
            }
            return true
        }
    }

    /// "...the belief that it is one person's word against another's. But that's not so." A cue that opens the
    /// next sentence (after at most "but" or "yet") rejects the whole of the sentence before.
    func isRejectedByNextSentence(_ match: RawMatch, tokens: [Token], cues: [RawMatch]) -> Bool {
        let sentence = tokens[Int(match.last)].sentence
        return cues.contains { cue in
            tokens[Int(cue.first)].sentence == sentence + 1 && opensSentence(cue, tokens: tokens)
        }
    }

    /// "She was wearing a short skirt. She was drunk. She was walking alone. Factors like these are still used to
    /// shame victims": a cue that opens a sentence names each of the short sentences before it in the same block
    /// (up to `runLength`, none longer than `runSentenceWords` words) as the excuses it goes on to reject.
    func isRejectedAsPartOfRun(_ match: RawMatch, tokens: [Token], cues: [RawMatch]) -> Bool {
        let sentence = tokens[Int(match.first)].sentence
        guard tokens[Int(match.last)].sentence == sentence else { return false }
        return cues.contains { cue in
            let cueSentence = tokens[Int(cue.first)].sentence
            guard cueSentence > sentence, cueSentence - sentence <= Self.runLength,
                opensSentence(cue, tokens: tokens)
            else { return false }
            var words = [Int32: Int]()
            for token in tokens where token.sentence >= sentence && token.sentence < cueSentence {
                if token.kind == .word || token.kind == .number { words[token.sentence, default: 0] += 1 }
            }
            return words.values.allSatisfy { $0 <= Self.runSentenceWords }
        }
    }

    static let runLength: Int32 = 4
    static let runSentenceWords = 12

    /// At most one word ("But", "Yet") before the cue in its sentence.
    private func opensSentence(_ cue: RawMatch, tokens: [Token]) -> Bool {
        let sentence = tokens[Int(cue.first)].sentence
        var words = 0
        var index = Int(cue.first) - 1
        while index >= 0 && tokens[index].sentence == sentence {
            if tokens[index].kind == .word { words += 1 }
            index -= 1
        }
        return words <= 1
    }

    /// The comma that closes a short aside opened at `open` (at most four words, no other clause break).
    private func closingComma(after open: Int, before end: Int, tokens: [Token]) -> Int? {
        var words = 0
        var index = open + 1
        while index < end {
            let token = tokens[index]
            if token.symbol == comma { return words > 0 ? index : nil }
            if token.kind == .punctuation && ruleSet.symbols.clauseBreaks.contains(token.symbol) { return nil }
            if token.kind == .word || token.kind == .number {
                words += 1
                if words > 4 { return nil }
            }
            index += 1
        }
        return nil
    }

    /// "Don't wear skimpy attire", "Girls, never walk home alone": "don't", "do not" or "never" opening its
    /// clause (after at most one word such as "just" or "so"), with the match right after it or after a verb of
    /// the victim's own conduct ("wear", "go"). Not "Don't ask why she waited": that rejects the question.
    private func isNegativeCommand(_ cue: RawMatch, before match: RawMatch, tokens: [Token]) -> Bool {
        guard imperativeNegations.contains(tokens[Int(cue.first)].symbol),
            !passiveAuxiliaries.contains(tokens[Int(match.first)].symbol),
            let next = nextWord(after: Int(cue.last), before: Int(match.first) + 1, tokens: tokens),
            next == Int(match.first)
                || (conductVerbs.contains(tokens[next].symbol)
                    && nextWord(after: next, before: Int(match.first) + 1, tokens: tokens) == Int(match.first))
        else { return false }
        let sentence = tokens[Int(cue.first)].sentence
        var words = 0
        var index = Int(cue.first) - 1
        while index >= 0 {
            let token = tokens[index]
            if token.sentence != sentence { return true }
            if token.kind == .punctuation && ruleSet.symbols.clauseBreaks.contains(token.symbol) { return true }
            if token.kind == .word || token.kind == .number {
                words += 1
                if words > 1 || !commandOpeners.contains(token.symbol) { return false }
            }
            index -= 1
        }
        return true
    }

    /// "any of the child porn", "none of this sexual misconduct": a quantifier, "of" and at most one determiner
    /// right before the match. The words name something the sentence takes as real; a negation before them denies
    /// what is said about a part of it, not the thing.
    func isPartOf(_ match: RawMatch, tokens: [Token]) -> Bool {
        guard of != Vocabulary.unknown else { return false }
        var index = Int(match.first) - 1
        func previousWord() -> Int? {
            while index >= 0 && tokens[index].kind == .space { index -= 1 }
            guard index >= 0, tokens[index].kind == .word else { return nil }
            defer { index -= 1 }
            return index
        }
        guard var word = previousWord() else { return false }
        if particular.contains(tokens[word].symbol) {
            guard let before = previousWord() else { return false }
            word = before
        }
        guard tokens[word].symbol == of, let quantifier = previousWord() else { return false }
        return partitiveQuantifiers.contains(tokens[quantifier].symbol)
    }

    private func nextWord(after index: Int, before end: Int, tokens: [Token]) -> Int? {
        var next = index + 1
        while next < end && tokens[next].kind == .space { next += 1 }
        return next < end && tokens[next].kind == .word ? next : nil
    }
}
