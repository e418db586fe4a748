import CandorText

/// Use and mention (guidance §C.2).
extension ContextAnalyzer {
    static let rejectingHeaders = [
        "instead of", "avoid", "don't", "do not", "not this", "problematic", "don't say", "never"
    ]

    /// A cell under a column headed "Instead of", "Avoid" or "Don't": a list of terms to avoid, every one a
    /// mention. (Unlike a term named in prose, it says nothing about the rest of the document.)
    func isUnderRejectingColumn(_ block: ProseBlock) -> Bool {
        guard let header = block.columnHeader else { return false }
        return Self.rejectingHeaders.contains { header.contains($0) }
    }

    /// A line that holds only the term, in a block whose other lines are quoted terms one to a line: a list of
    /// phrases under discussion ("Consider... / "Had his way with her" / "Domestic dispute" / Sexual misconduct").
    func isInListOfQuotedLines(
        _ match: RawMatch, tokens: [Token], text: UnsafeBufferPointer<UInt8>, block: ProseBlock
    ) -> Bool {
        let range = block.range
        func isBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        // The match's line holds little else: at most one word besides the term, and a closing mark. The scans stop
        // once the line is too long, so a match in a long paragraph costs a few bytes, not the paragraph.
        let matchStart = Int(tokens[Int(match.first)].start)
        let matchEnd = Int(tokens[Int(match.last)].end)
        let slack = 12
        var lineStart = matchStart
        while lineStart > range.lowerBound && !isBreak(text[lineStart - 1]) {
            lineStart -= 1
            if matchStart - lineStart > slack { return false }
        }
        var lineEnd = matchEnd
        while lineEnd < range.upperBound && !isBreak(text[lineEnd]) {
            lineEnd += 1
            if (lineEnd - matchEnd) + (matchStart - lineStart) > slack { return false }
        }
        // Count the block's lines that are a quotation and nothing more.
        var quotedLines = 0
        var lines = 0
        var start = range.lowerBound
        while start < range.upperBound {
            var end = start
            while end < range.upperBound && !isBreak(text[end]) { end += 1 }
            var first = start
            var last = end - 1
            while first <= last && isBlank(text[first]) { first += 1 }
            while last >= first && (isBlank(text[last]) || Self.isClosingPunctuation(text[last])) { last -= 1 }
            if first < last {
                lines += 1
                if Self.opensQuote(text, at: first) && Self.closesQuote(text, endingAt: last) { quotedLines += 1 }
            }
            start = end + 1
        }
        return quotedLines >= 3 && quotedLines * 2 >= lines
    }

    private static func isClosingPunctuation(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";")
    }

    private static func opensQuote(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        if text[index] == 0x22 { return true }
        // “ and ‘ are E2 80 9C and E2 80 98.
        return index + 2 < text.count && text[index] == 0xE2 && text[index + 1] == 0x80
            && (text[index + 2] == 0x9C || text[index + 2] == 0x98)
    }

    private static func closesQuote(_ text: UnsafeBufferPointer<UInt8>, endingAt index: Int) -> Bool {
        if text[index] == 0x22 { return true }
        // ” and ’ are E2 80 9D and E2 80 99.
        return index >= 2 && text[index - 2] == 0xE2 && text[index - 1] == 0x80
            && (text[index] == 0x9D || text[index] == 0x99)
    }

    func isMention(
        _ match: RawMatch, tokens: [Token], quotes: [QuoteSpan], cues: [RawMatch], strongCues: [RawMatch]
    ) -> Bool {
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
    /// commas, "and" or "or", with at least one separator, and no clause break but the list's own commas. A
    /// subject after the last separator starts a clause, not an item: "rather than face the music, she cries
    /// wolf".
    private func isListItem(after cue: Int, match: RawMatch, tokens: [Token]) -> Bool {
        var words = 0
        var separators = 0
        var subjectSinceSeparator = false
        for index in cue + 1..<Int(match.first) {
            let token = tokens[index]
            if token.kind == .space || token.symbol == ruleSet.hyphen { continue }
            if ruleSet.symbols.listSeparators.contains(token.symbol) {
                separators += 1
                subjectSinceSeparator = false
                continue
            }
            if token.kind == .punctuation { return false }
            if personalSubjects.contains(token.symbol) { subjectSinceSeparator = true }
            words += 1
        }
        return separators > 0 && words <= 8 && !subjectSinceSeparator
    }

    /// Whether a category's matches are terms (vague words, intent phrases) rather than whole framings: a blaming
    /// rule's match may be a question itself ("Why now?"), and so may a team's own rule.
    func namesATerm(_ category: String) -> Bool { category == "vague" || category == "intent" }

    /// A sentence that is nothing but the term and a question mark weighs the term as a label: "We don't seem sure
    /// what to call it. Sexual harassment? Sexual misconduct?", "Homicide? Domestic dispute?".
    func isTermAsQuestion(_ match: RawMatch, tokens: [Token]) -> Bool {
        let sentence = tokens[Int(match.first)].sentence
        var index = Int(match.first) - 1
        while index >= 0 && tokens[index].sentence == sentence {
            let token = tokens[index]
            if token.kind == .word || token.kind == .number { return false }
            index -= 1
        }
        index = Int(match.last) + 1
        while index < tokens.count && tokens[index].sentence == sentence {
            let token = tokens[index]
            if token.kind == .word || token.kind == .number { return false }
            if token.symbol == questionMark { return questionMark != Vocabulary.unknown }
            index += 1
        }
        return false
    }

    /// A term followed by a noun that makes it the topic: "the boys-will-be-boys defence", "the 'he said, she
    /// said' myth", "the misunderstanding excuse".
    func isNamedForDiscussion(_ match: RawMatch, tokens: [Token], cues: [RawMatch]) -> Bool {
        cues.contains { cue in
            guard cue.first > match.last, tokens[Int(cue.first)].sentence == tokens[Int(match.last)].sentence else {
                return false
            }
            // The term may lead a short list: "revealing clothing or underwear cannot be seen as a sign of consent".
            var listed = false
            var listedWords = 0
            for index in Int(match.last) + 1..<Int(cue.first) {
                let token = tokens[index]
                if token.kind == .space || token.symbol == ruleSet.hyphen { continue }
                if token.kind == .punctuation
                    && (token.symbol == ruleSet.symbols.doubleQuote
                        || token.symbol == ruleSet.symbols.singleQuote)
                {
                    continue
                }
                if ruleSet.symbols.listSeparators.contains(token.symbol) {
                    listed = true
                    continue
                }
                if listed && token.kind == .word && listedWords < 3 {
                    listedWords += 1
                    continue
                }
                return false
            }
            return true
        }
    }

    /// "There's always a typical narrative in the media: They met at a party. He said, she said. She was
    /// drunk." A word such as "narrative", "myths" or "excuses" followed closely by a colon introduces the
    /// lines that follow, to the end of the block, as examples under discussion.
    func isInIntroducedList(_ match: RawMatch, tokens: [Token], cues: [RawMatch]) -> Bool {
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
    func isInIntroducedClaim(_ match: RawMatch, tokens: [Token], cues: [RawMatch]) -> Bool {
        cues.contains { $0.last < match.first && tokens[Int($0.first)].sentence == tokens[Int(match.first)].sentence }
    }

    /// "Short skirts do not cause rape. Walking alone at night does not cause rape.": the term is the subject
    /// of a predicate that denies it, a few words later in the same clause.
    func isDeniedByWhatFollows(_ match: RawMatch, tokens: [Token], cues: [RawMatch]) -> Bool {
        cues.contains { cue in
            guard cue.first > match.last, tokens[Int(cue.first)].sentence == tokens[Int(match.last)].sentence else {
                return false
            }
            var words = 0
            for index in Int(match.last) + 1..<Int(cue.first) {
                let token = tokens[index]
                if token.kind == .space || token.symbol == ruleSet.hyphen { continue }
                if token.kind == .punctuation {
                    if token.symbol == ruleSet.symbols.doubleQuote || token.symbol == ruleSet.symbols.singleQuote
                        || ruleSet.symbols.listSeparators.contains(token.symbol)
                    {
                        continue
                    }
                    return false
                }
                words += 1
                if words > 4 || ruleSet.symbols.clauseSubjects.contains(token.symbol) { return false }
            }
            return true
        }
    }
}
