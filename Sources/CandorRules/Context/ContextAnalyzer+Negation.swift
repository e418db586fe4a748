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

    func isNegated(_ match: RawMatch, tokens: [Token], cues: [RawMatch]) -> Bool {
        let sentence = tokens[Int(match.first)].sentence
        if ruleSet.symbols.negationBarriers.contains(tokens[Int(match.first)].symbol) { return false }
        for cue in cues where cue.last < match.first && tokens[Int(cue.first)].sentence == sentence {
            var words = 0
            var blocked = false
            for index in Int(cue.last) + 1..<Int(match.first) {
                let token = tokens[index]
                if token.kind == .space || token.symbol == ruleSet.hyphen { continue }
                if token.kind == .punctuation && ruleSet.symbols.clauseBreaks.contains(token.symbol) {
                    blocked = true
                    break
                }
                if token.symbol == ruleSet.symbols.but || ruleSet.symbols.negationBarriers.contains(token.symbol) {
                    blocked = true
                    break
                }
                words += 1
            }
            if !blocked && words <= 6 { return true }
        }
        return false
    }

    /// "...the belief that it is one person's word against another's. But that's not so." A cue that opens the
    /// next sentence (after at most "but" or "yet") rejects the whole of the sentence before.
    func isRejectedByNextSentence(_ match: RawMatch, tokens: [Token], cues: [RawMatch]) -> Bool {
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
}
