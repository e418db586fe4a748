import CandorText

/// Quoted and reported speech (guidance §C.1).
extension ContextAnalyzer {
    func speechContext(
        _ match: RawMatch, tokens: [Token], quotes: [QuoteSpan], cues: [RawMatch],
        block: ProseBlock, scareQuotesAreUse: Bool = false
    ) -> MatchContext? {
        if block.kind == .blockQuote { return .quoted }
        let sentence = tokens[Int(match.first)].sentence
        // A cue inside the match is part of the phrase ("he said, she said"), not someone said to speak it.
        let cues = cues.filter {
            !isFirstPerson(before: Int($0.first), tokens: tokens) && ($0.last < match.first || $0.first > match.last)
        }
        let attributed = cues.contains { tokens[Int($0.first)].sentence == sentence }
        for span in quotes where span.first < Int(match.first) && span.last > Int(match.last) {
            // A stock frame in quotation marks with nobody said to speak it is set by the writer: "a “he said,
            // she said” case" (rules with `scare-quotes: use`).
            if scareQuotesAreUse && !attributed && isTermAlone(match, in: span, tokens: tokens) { continue }
            // Single quotes are the writer's own words unless someone is said to speak: a headline's scare
            // quotes ("Star in 'sex scandal'", guidance §C.1) and its way of reporting an allegation ("Teacher
            // 'had sex with pupil on school trip'").
            if !span.single || attributed || speaksInFirstPerson(span, tokens: tokens) { return .quoted }
        }
        // In running prose, single quotes around the term alone hold it at a distance, as British quotation marks
        // do ("the concept of 'date rape', which ...", "the 'victim' recounting her claim").
        if !scareQuotesAreUse && quotes.contains(where: { $0.single && isTermAlone(match, in: $0, tokens: tokens) })
            && !isHeadline(block, tokens: tokens)
        {
            return .quoted
        }
        // Reported speech: "the senator said the claims were a witch hunt". It ends where a later clause speaks
        // in the first person: "what she described, and I remember it differently" is the writer's own.
        if cues.contains(where: {
            $0.last < match.first && tokens[Int($0.first)].sentence == sentence
                && !writerResumes(after: $0, before: match, tokens: tokens)
        }) {
            return .attributed
        }
        return nil
    }

    /// Whether single quotes hold a clause someone speaks as "I" or "we" in a passage that tells of them: in
    /// British quotation a survivor's account ("‘I was there, watching TV, and he started coming on to me.’")
    /// is hers, not the writer's. A writer who speaks as "I" outside the quotation marks is quoting themself or
    /// setting words apart, so those stay the writer's own.
    func speaksInFirstPerson(_ span: QuoteSpan, tokens: [Token]) -> Bool {
        guard span.first >= 0, span.last < tokens.count else { return false }
        var words = 0
        var firstPerson = false
        for index in (span.first + 1)..<span.last where tokens[index].kind == .word {
            words += 1
            if ruleSet.symbols.firstPerson.contains(tokens[index].symbol) { firstPerson = true }
        }
        guard firstPerson && words >= 4 else { return false }
        for index in 0..<span.first where ruleSet.symbols.firstPerson.contains(tokens[index].symbol) { return false }
        return true
    }

    /// Whether a quoted span holds the match and at most one word before it ("'The Accuser'", "'He had it
    /// coming'") and nothing after it. A match that takes in the opening mark is a rule that quotes on purpose
    /// (the scare-quoted "the 'victim'" is itself the doubt), so it is not the term alone.
    func isTermAlone(_ match: RawMatch, in span: QuoteSpan, tokens: [Token]) -> Bool {
        let first = Int(match.first)
        let last = Int(match.last)
        guard span.first < first, span.last >= last, span.last < tokens.count else { return false }
        var wordsBefore = 0
        for index in (span.first + 1)..<first where tokens[index].kind != .space {
            if tokens[index].kind != .word { return false }
            wordsBefore += 1
        }
        guard wordsBefore <= 1 else { return false }
        var index = last + 1
        while index < span.last {
            if tokens[index].kind != .space { return false }
            index += 1
        }
        return true
    }

    /// A heading, or a short block that does not end as a sentence does: a headline or a title.
    private func isHeadline(_ block: ProseBlock, tokens: [Token]) -> Bool {
        if block.kind == .heading { return true }
        var words = 0
        for token in tokens where token.kind == .word {
            words += 1
            if words > 20 { return false }
        }
        for token in tokens.reversed() where token.kind != .space {
            if token.symbol == ruleSet.symbols.singleQuote || token.symbol == ruleSet.symbols.doubleQuote { continue }
            return !sentenceEnders.contains(token.symbol)
        }
        return true
    }

    /// Whether, after a clause break that follows the attribution cue, "I" or "we" opens a clause of the
    /// writer's own before the match (or as its first word).
    private func writerResumes(after cue: RawMatch, before match: RawMatch, tokens: [Token]) -> Bool {
        var sawBreak = false
        for index in Int(cue.last) + 1...Int(match.first) {
            let token = tokens[index]
            if token.kind == .space { continue }
            if (token.kind == .punctuation && ruleSet.symbols.clauseBreaks.contains(token.symbol))
                || ruleSet.symbols.clauseJoiners.contains(token.symbol)
            {
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
    /// An unclosed mark runs to the end of the block, never further. A block whose first double mark closes a
    /// quotation (a curly closing mark, or a straight one that ends the block after the sentence's stop) ends a
    /// quotation opened in a paragraph before it, which English leaves unclosed there: 'has told her: "I have always
    /// believed ... \n\n I am sorry if my comments upset you."'. Its span starts before the block (`first` is -1).
    func quoteSpans(tokens: [Token], text: UnsafeBufferPointer<UInt8>) -> [QuoteSpan] {
        var spans: [QuoteSpan] = []
        var openDouble: Int?
        var openSingle: Int?
        var sawDouble = false
        for index in tokens.indices where tokens[index].kind == .punctuation {
            let token = tokens[index]
            let isDouble = token.symbol == ruleSet.symbols.doubleQuote
            let isSingle = token.symbol == ruleSet.symbols.singleQuote
            guard isDouble || isSingle else { continue }
            let direction = Self.direction(of: token, text: text, tokens: tokens, index: index)
            if isDouble {
                defer { sawDouble = true }
                // Only a curly mark says it closes wherever it stands; a straight one must end the block.
                let curlyClosing = token.length == 3 && direction == .closing
                if !sawDouble && (curlyClosing || (direction != .opening && endsBlock(after: index, tokens: tokens))) {
                    spans.append(QuoteSpan(first: -1, last: index, single: false))
                } else if let open = openDouble, direction != .opening {
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

    /// Whether only punctuation and spaces follow the mark at `index`, and a stop comes right before it (`you."`).
    private func endsBlock(after index: Int, tokens: [Token]) -> Bool {
        guard index > 0, tokens[index - 1].kind == .punctuation,
            ruleSet.symbols.clauseBreaks.contains(tokens[index - 1].symbol)
        else { return false }
        for later in (index + 1)..<tokens.count where tokens[later].kind != .space && tokens[later].kind != .punctuation
        {
            return false
        }
        return true
    }

    enum Direction { case opening, closing, either }

    static func direction(of token: Token, text: UnsafeBufferPointer<UInt8>, tokens: [Token], index: Int) -> Direction {
        let start = Int(token.start)
        if token.length == 3 && text[start] == 0xE2 && text[start + 1] == 0x80 {
            switch text[start + 2] {
            case 0x9C, 0x98, 0x9E: return .opening  // “ ‘ „
            case 0x9D, 0x99: return .closing  // ” ’
            default: break
            }
        }
        if token.length == 2 && text[start] == 0xC2 {
            if text[start + 1] == 0xAB { return .opening }  // «
            if text[start + 1] == 0xBB { return .closing }  // »
        }
        // Straight marks: opening after a space or the start, closing before a space or the end.
        let before = index > 0 ? tokens[index - 1] : nil
        let after = index + 1 < tokens.count ? tokens[index + 1] : nil
        let spaceBefore = before == nil || before!.kind == .space || before!.kind == .punctuation
        let spaceAfter = after == nil || after!.kind == .space || after!.kind == .punctuation
        // An apostrophe before a number elides it ('90s), and never opens a quotation.
        // ICU reads "70s" as a word, so look at the first byte as well as the kind.
        if spaceBefore && text[start] == 0x27, let after, after.kind == .number || text[Int(after.start)] &- 48 < 10 {
            return .closing
        }
        if spaceBefore && !spaceAfter { return .opening }
        if !spaceBefore && spaceAfter { return .closing }
        return .either
    }
}
