import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

@Suite struct PatternParserTests {
    @Test func wordsAndAlternatives() throws {
        #expect(try PatternParser.parse("sexual misconduct") == .sequence([.word("sexual"), .word("misconduct")]))
        #expect(try PatternParser.parse("groped|fondled") == .choice([.word("groped"), .word("fondled")]))
    }

    @Test func bracesAndAttachedOptionalsExpandSpellings() throws {
        #expect(try PatternParser.parse("behavio{r,ur}") == .choice([.word("behavior"), .word("behaviour")]))
        #expect(try PatternParser.parse("time(s)") == .choice([.word("time"), .word("times")]))
        #expect(
            try PatternParser.parse("apologi{s,z}e{,d}")
                == .choice(["apologise", "apologised", "apologize", "apologized"].map(PatternNode.word)))
        #expect(try PatternParser.parse("a{b,b}{c,c}") == .word("abc"))
    }

    @Test func spellingsAreBoundedAndDeduplicatedInLinearTime() throws {
        // Ten lists of two: 1,024 spellings, the limit. One more would double them.
        let ten = "x" + String(repeating: "{a,b}", count: 10)
        guard case .choice(let words) = try PatternParser.parse(ten) else {
            Issue.record("expected a choice")
            return
        }
        #expect(words.count == 1024)
        do {
            _ = try PatternParser.parse("x" + String(repeating: "{a,b}", count: 16))
            Issue.record("65,536 spellings should be refused")
        } catch let error as PatternSyntaxError {
            #expect(error.message.contains("more than 1024 spellings"), "\(error.message)")
        }
        // Duplicates collapse without comparing every spelling with every other.
        let repeated = "x{" + Array(repeating: "a", count: 1000).joined(separator: ",") + "}"
        #expect(try PatternParser.parse(repeated) == .word("xa"))
    }

    @Test func groupsSeparateWholePhrases() throws {
        #expect(
            try PatternParser.parse("[had sex|slept] with")
                == .sequence([
                    .choice([.sequence([.word("had"), .word("sex")]), .word("slept")]), .word("with")
                ]))
        #expect(
            try PatternParser.parse("(sexual) advances") == .sequence([.optional(.word("sexual")), .word("advances")]))
    }

    @Test func specialTokens() throws {
        #expect(try PatternParser.parse("sorry * if") == .sequence([.word("sorry"), .anyWord, .word("if")]))
        #expect(try PatternParser.parse("<minor-age> year old") == .sequence([.minorAge, .word("year"), .word("old")]))
        #expect(
            try PatternParser.parse("sex with @MINOR")
                == .sequence([.word("sex"), .word("with"), .classReference("MINOR")]))
        #expect(
            try PatternParser.parse("he said , she said")
                == .sequence([.word("he"), .word("said"), .punctuation(","), .word("she"), .word("said")]))
    }

    @Test(arguments: [
        ("", "empty"), ("(sexual advances", "never closed"), ("sexual)", "without a matching"),
        ("a|", "needs a word"), ("<adult>", "unknown token class"), ("@", "class name"),
        ("behavio{r,ur", "never closed"), ("()", "empty alternative"), ("(a)b", "space after")
    ])
    func malformedPatternsAreExplained(pattern: String, expected: String) {
        do {
            _ = try PatternParser.parse(pattern)
            Issue.record("'\(pattern)' should not parse")
        } catch let error as PatternSyntaxError {
            #expect(error.message.contains(expected), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

@Suite struct MatcherTests {
    @Test func literalPhrasesMatchAnyCaseAndQuoteStyle() throws {
        #expect(
            try TestSupport.matches(["sexual misconduct"], in: "Sexual Misconduct and SEXUAL MISCONDUCT.") == [
                "Sexual Misconduct", "SEXUAL MISCONDUCT"
            ])
        #expect(try TestSupport.matches(["didn't mean to"], in: "I didn’t mean to.") == ["didn’t mean to"])
    }

    @Test func hyphensAndDashesAreTransparent() throws {
        let found = try TestSupport.matches(
            ["non consensual sex"], in: "non-consensual sex; non consensual sex; non–consensual sex")
        #expect(found.count == 3)
    }

    @Test func optionalWordsAndLongestMatch() throws {
        #expect(
            try TestSupport.matches(["(unwanted) (sexual) advances"], in: "He made unwanted sexual advances.") == [
                "unwanted sexual advances"
            ])
    }

    @Test func wildcardMatchesOneWord() throws {
        #expect(
            try TestSupport.matches(["sorry * if"], in: "I am sorry again if that hurt. Sorry if.") == [
                "sorry again if"
            ])
    }

    // A gap of wildcards stops at punctuation, so a list inside the gap needs its commas named (round 77: an
    // exception for "the self-declared alcohol, drug and sex addict" matched nothing until it did).
    @Test func wildcardNeverMatchesAPunctuationMark() throws {
        let text = "the self-declared alcohol, drug and sex addict"
        #expect(try TestSupport.matches(["self declared (*) (*) (*) (*) (*) sex addict"], in: text) == [])
        #expect(
            try TestSupport.matches(["self declared (*) (,) (*) (,) (*) (and) sex addict"], in: text) == [
                "self-declared alcohol, drug and sex addict"
            ])
    }

    @Test func aPatternStepsOverAnAdverbBetweenItsWords() throws {
        #expect(
            try TestSupport.matches(
                ["to anyone i may have offended"], in: "I apologise to anyone I may have genuinely offended.")
                == ["to anyone I may have genuinely offended"])
        #expect(
            try TestSupport.matches(["never intended to"], in: "I never really, truly intended to.")
                == [])  // a comma is not an adverb
        #expect(
            try TestSupport.matches(["never intended to"], in: "I never really truly intended to.")
                == ["never really truly intended to"])
        // A pattern that names the adverb still matches it as a word; a match never starts or ends on one.
        #expect(
            try TestSupport.matches(["really sorry", "sorry"], in: "Really sorry.") == ["Really sorry", "sorry"])
        #expect(try TestSupport.matches(["sorry if"], in: "Sorry if genuinely.") == ["Sorry if"])
        #expect(try TestSupport.matches(["sorry if"], in: "Genuinely sorry genuinely if.") == ["sorry genuinely if"])
        // Only adverbs that leave the phrase's meaning alone: "never" and "not" are not stepped over.
        #expect(try TestSupport.matches(["i intended to"], in: "I never intended to.") == [])
        #expect(
            try TestSupport.matches(["had consumed alcohol"], in: "She had unintentionally consumed alcohol.") == [])
    }

    @Test func patternsSharingAWildcardStepMatchAsBeforeWithOneThread() throws {
        let patterns = (0..<40).map { "the (*) (*) target\($0)" } + ["the (*) misunderstanding", "a (*) encounter"]
        #expect(
            try TestSupport.matches(
                patterns,
                in: "It was the big misunderstanding, a brief encounter, the very big target7 and the target3.")
                == ["the big misunderstanding", "a brief encounter", "the very big target7", "the target3"])
        // Every "the" used to start one thread per pattern after it; the wildcard step is now one merged state.
        let set = try TestSupport.ruleSet(TestSupport.lexicon(patterns))
        let text = Array(String(repeating: "the cat sat on the mat and the dog ", count: 50).utf8)
        let tokens = text.withUnsafeBufferPointer { buffer in
            try! Tokenizer().tokenize(buffer, range: 0..<buffer.count, vocabulary: set.vocabulary)
        }
        var visits = StateVisits(stateCount: set.automaton.stateCount)
        _ = text.withUnsafeBufferPointer { set.debugMatch(tokens, text: $0, probe: &visits) }
        let words = tokens.filter { $0.kind == .word }.count
        #expect(visits.counts.reduce(0, +) <= 2 * words, "\(visits.counts.reduce(0, +)) threads for \(words) words")
    }

    @Test func aPatternThatCanBeginWithAnyWordIsRefused() throws {
        for pattern in ["(a|an) (*) (*) misjudgement", "* if", "(very) * sorry", "[*|the] apology"] {
            do {
                _ = try TestSupport.ruleSet(TestSupport.lexicon([pattern]))
                Issue.record("'\(pattern)' should be refused")
            } catch let error as YAMLFileError {
                #expect(error.description.contains("can begin with any word"), "\(error.description)")
            }
        }
        #expect(throws: Never.self) {
            try TestSupport.ruleSet(TestSupport.lexicon(["sorry (*) (*) if", "a * encounter"]))
        }
    }

    @Test func minorAgeMatchesDigitsAndWordsUnderEighteen() throws {
        let found = try TestSupport.matches(
            ["sex with a <minor-age> year old"],
            in: "Sex with a 14-year-old. Sex with a fifteen year old. Sex with a 19-year-old.")
        #expect(found == ["Sex with a 14-year-old", "Sex with a fifteen year old"])
    }

    @Test func classesExpandInline() throws {
        let classes = "classes:\n  KID: [child|children, <minor-age> year old]\n"
        #expect(
            try TestSupport.matches(
                ["relationship with a @KID"], in: "a relationship with a child and a relationship with a 12-year-old",
                classes: classes) == ["relationship with a child", "relationship with a 12-year-old"])
    }

    @Test func matchesNeverCrossASentence() throws {
        #expect(try TestSupport.matches(["sexual misconduct"], in: "It was sexual. Misconduct followed.").isEmpty)
        #expect(try TestSupport.matches(["sexual misconduct"], in: "# Sexual\n\nMisconduct followed.").isEmpty)
        #expect(
            try TestSupport.matches(["sexual misconduct"], in: "It was sexual\nmisconduct.") == ["sexual\nmisconduct"])
    }

    @Test func otherPunctuationBreaksAPhrase() throws {
        #expect(try TestSupport.matches(["sexual misconduct"], in: "sexual, misconduct").isEmpty)
    }

    @Test func exceptionsCancelOverlappingMatches() throws {
        #expect(
            try TestSupport.matches(
                ["sexual misconduct"], in: "the sexual misconduct policy and sexual misconduct",
                exceptions: ["sexual misconduct policy"]) == ["sexual misconduct"])
    }

    @Test func overlappingRulesAreEachReported() throws {
        let found = try TestSupport.matches(["sex scandal", "scandal"], in: "a sex scandal")
        #expect(found.sorted() == ["scandal", "sex scandal"])
    }

    @Test func manyRulesShareOneAutomaton() throws {
        let patterns = (0..<500).map { "term\($0) phrase" }
        let set = try TestSupport.ruleSet(TestSupport.lexicon(patterns))
        let findings = try Linter(ruleSet: set).lint(text: "Here is term42 phrase and term499 phrase.")
        #expect(findings.map(\.rule) == ["test.r42", "test.r499"])
    }

    /// Alternatives that begin alike are compiled to share their beginning, and patterns that begin with the
    /// same word share their first step: every match is still found, each with its own start.
    @Test func sharedBeginningsLoseNoMatch() throws {
        let patterns = [
            "[the child|the girl|the child was|she] (had) consented", "the child", "the girl left",
            "a|the misunderstanding"
        ]
        let text =
            "The child consented, the girl had consented, the girl left, and the child was. The misunderstanding."
        let found = try TestSupport.matches(patterns, in: text)
        #expect(
            found.sorted() == [
                "The child", "The child consented", "The misunderstanding", "the child",
                "the girl had consented", "the girl left"
            ])
        // "a | a b" reads as "a (b)"; the same alternative twice is one.
        #expect(try TestSupport.matches(["[sex|sex scandal|sex scandal]"], in: "a sex scandal") == ["sex scandal"])
    }

    @Test func alternativesAreFactoredByTheirFirstItem() {
        let word = PatternNode.word
        let factored = RuleSetCompiler.sharingPrefixes([
            .sequence([word("the"), word("child")]), .sequence([word("the"), word("girl")]), word("she"), word("the")
        ])
        #expect(
            factored == [
                .sequence([word("the"), .choice([.sequence([word("child")]), .sequence([word("girl")]), .sequence([])])]
                ),
                word("she")
            ])
        let distinct: [PatternNode] = [word("a"), word("b")]
        #expect(RuleSetCompiler.sharingPrefixes(distinct) == distinct)
    }

    @Test func patternsThatMatchNothingAreRejected() throws {
        #expect(throws: YAMLFileError.self) { try TestSupport.ruleSet(TestSupport.lexicon(["(optional)"])) }
    }
}
