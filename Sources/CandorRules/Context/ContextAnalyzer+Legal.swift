import CandorText

/// Legal and official names (guidance §C.7).
extension ContextAnalyzer {
    func isLegal(
        _ match: RawMatch, tokens: [Token], text: UnsafeBufferPointer<UInt8>, cues: [RawMatch]
    ) -> Bool {
        let sentence = tokens[Int(match.first)].sentence
        // An offence named after "charged with", "pleaded guilty to", "two counts of" ...
        for cue in cues where cue.last < match.first && tokens[Int(cue.first)].sentence == sentence {
            let between = wordsBetween(Int(cue.last), Int(match.first), tokens: tokens)
            // The gerund must be the count's own words, right after "counts of": in "The six counts of abuse
            // included touching the girl inappropriately" the verb after "included" is the writer's account.
            // "pled guilty to the offense of having an improper relationship with a student": after "offence of"
            // the gerund is the offence's own name however the writer leads into it.
            let namesACount =
                (between == 0 && countWords.contains(tokens[Int(cue.first)].symbol))
                || offenceWords.contains(tokens[Int(cue.first)].symbol)
            if between <= 3
                && (namesACount
                    || !(Int(cue.last) + 1...Int(match.first)).contains(where: {
                        describingVerbs.contains(tokens[$0].symbol)
                    }))
                && !(Int(cue.last) + 1..<Int(match.first)).contains(where: {
                    clauseOpeners.contains(tokens[$0].symbol) || personalSubjects.contains(tokens[$0].symbol)
                })
                && !namesAParticularPerson(match, tokens: tokens)
            {
                return true
            }
            if isLaterCharge(match, after: cue, tokens: tokens) { return true }
        }
        return isInsideOfficialName(match, tokens: tokens) || isDefinedTerm(match, tokens: tokens, text: text)
            || isSubjectOfNamedInquiry(match, tokens: tokens) || isOpposedByPrefix(match, tokens: tokens)
    }

    /// "the majority of states have anti-revenge porn laws": the words after "anti-" name what a law, unit or
    /// campaign is against.
    private func isOpposedByPrefix(_ match: RawMatch, tokens: [Token]) -> Bool {
        let first = Int(match.first)
        guard first >= 2, tokens[first - 1].symbol == ruleSet.hyphen else { return false }
        return opposingPrefixes.contains(tokens[first - 2].symbol)
    }

    /// "The Board of Inquiry into historical child sexual abuse in Beaumaris Primary School", "the Royal
    /// Commission into Institutional Responses to Child Sexual Abuse": words right after "into" or "on" that
    /// follows a capitalised institution noun are the subject in the body's name, not the writer's description.
    private func isSubjectOfNamedInquiry(_ match: RawMatch, tokens: [Token]) -> Bool {
        var index = Int(match.first) - 1
        while index >= 0 && tokens[index].kind == .space { index -= 1 }
        guard index >= 0, inquirySubjectIntroducers.contains(tokens[index].symbol) else { return false }
        index -= 1
        while index >= 0 && tokens[index].kind == .space { index -= 1 }
        return index >= 0 && tokens[index].isCapitalized && isInstitution(tokens[index])
    }

    private func introducesTheAct(before match: RawMatch, tokens: [Token]) -> Bool {
        var index = Int(match.first) - 1
        while index >= 0 && tokens[index].kind == .space { index -= 1 }
        return index >= 0 && actIntroducers.contains(tokens[index].symbol)
    }

    /// "convicted of under-age sex with the girl": "with" and a particular person, in the match or right after
    /// it, make the words an account of what was done to her, where an offence's name says "with a child".
    private func namesAParticularPerson(_ match: RawMatch, tokens: [Token]) -> Bool {
        var sawWith = false
        var index = Int(match.first)
        var wordsAfter = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.kind == .word {
                if index > Int(match.last) { wordsAfter += 1 }
                if sawWith { return particular.contains(token.symbol) }
                if token.symbol == with { sawWith = true } else if wordsAfter > 0 { return false }
            } else if token.kind != .space && token.symbol != ruleSet.hyphen && index > Int(match.last) {
                return false
            }
            index += 1
        }
        return false
    }

    /// "charged with lewd and lascivious battery and unlawful sexual activity with a minor", "denied charges of
    /// rape, sexual assault and causing a child to engage in sexual activity": every item of a list of charges
    /// is an offence's name, not only the first. Between the cue and the match there may be only words and the
    /// list's own separators (at least one), no description ("having sex") and no new clause ("and he said"),
    /// no item longer than eight words, and at most five words of the match's own item before it.
    private func isLaterCharge(_ match: RawMatch, after cue: RawMatch, tokens: [Token]) -> Bool {
        // Each item is an offence's name of a few words; a long list may hold many of them.
        var itemWords = 0
        var words = 0
        var separators = 0
        // An item with a person as its object tells what was done: "charged with bringing women into the country
        // and forcing them to work as prostitutes". An offence's name has none.
        var itemNamesAPerson = false
        // "charges of sex abuse, with some of the alleged victims being as young as 12": an item that opens
        // with "with" goes on about the charges; it names none.
        var itemOpensWithWith = false
        for index in Int(cue.last) + 1..<Int(match.first) {
            let token = tokens[index]
            if token.kind == .space || token.symbol == ruleSet.hyphen { continue }
            if ruleSet.symbols.listSeparators.contains(token.symbol) {
                separators += 1
                itemWords = 0
                itemNamesAPerson = false
                itemOpensWithWith = false
                continue
            }
            if objectPronouns.contains(token.symbol) { itemNamesAPerson = true }
            if token.kind == .number { continue }
            guard token.kind == .word, !describingVerbs.contains(token.symbol),
                !ruleSet.symbols.clauseSubjects.contains(token.symbol),
                !ruleSet.symbols.negationBarriers.contains(token.symbol)
            else { return false }
            if itemWords == 0 && token.symbol == with { itemOpensWithWith = true }
            itemWords += 1
            words += 1
            if itemWords > 8 || words > 32 { return false }
        }
        // The match's own item begins a few words before it: "..., telecommunication to lure a child", not
        // "charged with sexual assault, is known in the town as a pillar of the community". "for" or "by" just
        // before it makes it the account of the act the charge is for: "indecent assault and battery for fondling
        // the boy".
        return separators > 0 && itemWords <= 5 && !itemNamesAPerson && !itemOpensWithWith
            && !introducesTheAct(before: match, tokens: tokens)
    }

    /// A capitalised term in the middle of an ordinary sentence is a name or a defined term: "The University
    /// considers Sexual Harassment and Sexual Misconduct, as defined below, ...". Headlines are Title Case
    /// throughout and sentences begin with a capital, so neither counts.
    private func isDefinedTerm(_ match: RawMatch, tokens: [Token], text: UnsafeBufferPointer<UInt8>) -> Bool {
        // Two words at least: a single capitalised word mid-sentence ("Monster stepdad jailed", after a
        // headline on the line before) is as likely a new headline as a name.
        var words = 0
        for index in Int(match.first)...Int(match.last) where tokens[index].kind == .word {
            if !tokens[index].isCapitalized { return false }
            words += 1
        }
        if words < 2 { return false }
        if isOnTitleCaseLine(match, tokens: tokens, text: text) { return false }
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

    /// A headline with no full stop runs into the line after it as one sentence when it has more short lower-case
    /// words than `Tokenizer.isHeadline` allows ("Prison Officer in Sex Scandal: Cards and Intimate Acts with Inmate
    /// Exposed" over "Prison officer in sex and cards scandal with inmate"), so the sentence's lower-case words say
    /// nothing about the headline's own line: most of its words are capitalised.
    private func isOnTitleCaseLine(_ match: RawMatch, tokens: [Token], text: UnsafeBufferPointer<UInt8>) -> Bool {
        func breaksLine(_ token: Token) -> Bool {
            token.kind == .space
                && (Int(token.start)..<Int(token.end)).contains { text[$0] == 0x0A || text[$0] == 0x0D }
        }
        var words = 0
        var capitalised = 0
        func count(_ token: Token) {
            guard token.kind == .word else { return }
            words += 1
            if token.isCapitalized { capitalised += 1 }
        }
        for index in Int(match.first)...Int(match.last) { count(tokens[index]) }
        // A headline is short; a long line is a paragraph without hard wraps, never a headline.
        let longest = 60
        var before = Int(match.first) - 1
        while before >= 0 && !breaksLine(tokens[before]) {
            count(tokens[before])
            if words > longest { return false }
            before -= 1
        }
        var after = Int(match.last) + 1
        while after < tokens.count && !breaksLine(tokens[after]) {
            count(tokens[after])
            if words > longest { return false }
            after += 1
        }
        // Only a line the sentence runs past: a one-line list of Title Case charges ending in a full stop
        // ("Charges include: Sexual Assault, Sexual Interference, ...") is a list of names.
        // (ICU counts a sentence's trailing white space as its own, so the test is on the words either side.)
        while after < tokens.count && tokens[after].kind == .space { after += 1 }
        while before >= 0 && tokens[before].kind == .space { before -= 1 }
        let sentence = tokens[Int(match.first)].sentence
        let runsPastLine =
            (after < tokens.count && tokens[after].sentence == sentence)
            || (before >= 0 && tokens[before].sentence == sentence)
        return runsPastLine && words >= 4 && capitalised * 3 >= words * 2
    }

    /// True when every word of the match is capitalised and it sits in a Title Case run that holds an
    /// institution noun: "Sexual Misconduct Policy", "the Modern Slavery Act". A Title Case headline
    /// without such a noun is not a name (guidance §C.8), nor is one whose noun is the subject of a verb
    /// ("Oklahoma Court Says Drunk Girl Forced to Have Oral Sex Wasn't Raped").
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
                if token.kind == .space || token.symbol == ruleSet.hyphen || isBracket(token) {
                    index += step
                    continue
                }
                guard token.kind == .word || token.kind == .number else { return false }
                if isConnector(token) {
                    index += step
                    words += 1
                    continue
                }
                guard token.isCapitalized, !headlineVerbs.contains(token.symbol) else { return false }
                if isInstitution(token) { return true }
                words += 1
                index += step
            }
            return false
        }
        return sawInstitution || walk(from: Int(match.last), step: 1) || walk(from: Int(match.first), step: -1)
    }

    private func isInstitution(_ token: Token) -> Bool {
        token.symbol >= 0 && Int(token.symbol) < ruleSet.institutionNouns.count
            && ruleSet.institutionNouns[Int(token.symbol)]
    }

    /// Brackets are not always in the rules' vocabulary, so an unknown punctuation mark counts as one too; the
    /// walk still needs an institution noun within six words.
    private func isBracket(_ token: Token) -> Bool {
        token.kind == .punctuation && (token.symbol == Vocabulary.unknown || brackets.contains(token.symbol))
    }

    private func isConnector(_ token: Token) -> Bool {
        !token.isCapitalized && token.symbol >= 0 && Int(token.symbol) < ruleSet.nameConnectors.count
            && ruleSet.nameConnectors[Int(token.symbol)]
    }
}
