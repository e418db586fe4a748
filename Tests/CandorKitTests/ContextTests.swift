import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

/// The context stage (guidance §C), on a small lexicon so each case shows one mechanism.
@Suite struct ContextTests {
    static let ruleSet = try! TestSupport.ruleSet(
        TestSupport.lexicon([
            "sexual misconduct", "sex scandal", "child prostitute|prostitutes", "accuser", "had sex with",
            "witch hunt", "liars", "underage women"
        ]))

    func findings(_ text: String, options: LintOptions = LintOptions()) -> [Finding] {
        try! Linter(ruleSet: Self.ruleSet, options: options).lint(text: text)
    }

    func contexts(_ text: String) -> [MatchContext?] { findings(text).map(\.context) }

    @Test func plainUseIsReportedWithoutContext() {
        #expect(contexts("He resigned over sexual misconduct.") == [nil])
    }

    @Test(arguments: [
        "The senator said: “This was sexual misconduct, nothing more.”",
        "\"It was a sex scandal,\" he said.",
        "«C'est un sex scandal», a-t-il dit.",
        "He wrote that the claims were a “witch hunt”."
    ])
    func quotationMarksDowngrade(text: String) {
        let found = findings(text)
        #expect(found.count == 1)
        #expect(found.first?.context == .quoted)
        #expect(found.first?.severity == .suggestion)
    }

    @Test func attributedSpeechIsMarked() {
        #expect(contexts("The senator said the allegations were a witch hunt.") == [.attributed])
        #expect(contexts("She called them liars.") == [.attributed])
        #expect(contexts("I said they were liars.") == [nil])
        // A reporting verb after "went on to", "turned to": "he turned to say one accuser was a liar".
        #expect(contexts("He denied it, then went on to say the allegations were a witch hunt.") == [.attributed])
        #expect(contexts("He turned to claim that the allegations were a witch hunt.") == [.attributed])
        // Single quotes hold someone's words when someone is said to speak: counsel's question to a jury.
        #expect(contexts("Counsel asked if the complaint was 'a witch hunt'.") == [.quoted])
        // Reported speech ends where the writer speaks again in a clause of their own.
        #expect(contexts("She has described that evening, and I think it was a witch hunt.") == [nil])
        #expect(
            contexts("The chairman said, and the club agreed, that the allegations were a witch hunt.") == [.attributed]
        )
    }

    @Test func unclosedQuoteEndsWithItsParagraph() {
        let text = "He wrote, \"this is a witch hunt and\n\nThe board found sexual misconduct."
        let found = findings(text)
        #expect(found.map(\.context) == [.quoted, nil])
    }

    @Test func apostrophesDoNotOpenQuotes() {
        #expect(contexts("The girls' coach in the '90s faced sexual misconduct claims.") == [nil])
        // ICU reads "70s" as a word: the apostrophe still elides, so no quotation runs on to the reported verb.
        let seventies = "It was in the water in the '70s. The coach faced sexual misconduct claims, she said."
        #expect(contexts(seventies) == [nil])
    }

    @Test func singleQuotesAreScareQuotesUnlessSomeoneSpeaks() {
        #expect(contexts("Star in 'sex scandal'") == [nil])
        #expect(contexts("'It was a sex scandal,' he said.") == [.quoted])
        // A headline that reports an allegation in single quotes is the writer's own.
        #expect(contexts("Teacher 'had sex with pupil on school trip'") == [nil])
    }

    /// In running prose, British quotation marks around the term alone hold it at a distance; around a longer
    /// clause, or in a headline, they do not.
    @Test func singleQuotesAroundTheTermInProseAreQuotation() {
        #expect(contexts("This brings me to the concept of ‘sex scandal’, which we have discussed.") == [.quoted])
        #expect(contexts("Every report that week used 'the accuser' for her.") == [.quoted])
        #expect(contexts("The paper ran it as 'a sex scandal at the palace' for a week.") == [nil])
        #expect(contexts("Ministers in ‘sex scandal’") == [nil])
    }

    @Test(arguments: [
        "Phrases like 'sexual misconduct' make people think of something mild.",
        "The word “accuser” implies doubt.",
        "Avoid child prostitute: say sexually exploited child.",
        "Instead of sexual misconduct, name the act.",
        "Stop calling it a sex scandal."
    ])
    func mentionsAreDropped(text: String) {
        #expect(findings(text).isEmpty, "\(findings(text).map(\.match))")
    }

    @Test(arguments: [
        "This was not a sex scandal; it was abuse.",
        "There is no such thing as a child prostitute.",
        "He did not have sex with her, he raped her.",
        "It was never sexual misconduct."
    ])
    func negatedFramingsAreDropped(text: String) {
        let remaining = findings(text).filter { $0.match.lowercased() != "had sex with" }
        #expect(remaining.isEmpty, "\(remaining.map(\.match))")
    }

    @Test func negationStopsAtAClauseBoundary() {
        #expect(contexts("It was not a joke, it was sexual misconduct.") == [nil])
        #expect(contexts("Nobody disputes it but sexual misconduct is vague.") == [nil])
        // "and" with a pronoun subject of its own starts a clause the negation does not reach.
        #expect(contexts("We didn't say much and we faced a sex scandal.") == [nil])
        #expect(contexts("I didn't see and I called it a sex scandal.") == [nil])
        // Nor does it reach into a relative clause: its words are asserted whatever the main verb says.
        #expect(contexts("We are not here to defend anyone whose sex scandal ended a career.") == [nil])
        // Without a new subject, the negation still reaches the second verb.
        #expect(findings("He didn't apologise and call it a sex scandal.").isEmpty)
    }

    /// Negations that assert what follows them: a preterition, a plea, "not the first".
    @Test(arguments: [
        "I obviously don't need to tell you that a sex scandal is news.",
        "He pleaded not guilty to charges he had sex with a 13-year-old girl.",
        "This is not the first sex scandal like this in politics.",
        "It is not known whether the senator's sex scandal cost him the seat."
    ])
    func affirmingNegationsLeaveTheTermAsserted(text: String) {
        #expect(findings(text).contains { $0.context == nil }, "\(findings(text).map(\.match))")
    }

    @Test func aPrefixThatOpposesTheTermNamesALaw() {
        // "anti-" joined to the term: what a law opposes, not the writer's description.
        #expect(findings("Most states have anti-sex scandal laws.").isEmpty)
        #expect(contexts("Most states have laws on the sex scandal.") == [nil])
    }

    @Test func aCountNamesAnOffenceEvenAsAGerund() throws {
        let ruleSet = try TestSupport.ruleSet(TestSupport.lexicon(["having sex with"]))
        func contexts(_ text: String) throws -> [MatchContext?] {
            try Linter(ruleSet: ruleSet).lint(text: text).map(\.context)
        }
        // Right after "counts of", the offence's own words; after a verb of the writer's, an account of the act.
        #expect(try contexts("He denies two counts of having sex with a girl under 17.").isEmpty)
        #expect(try contexts("The counts of abuse included having sex with a girl of 12.") == [nil])
        #expect(try contexts("He pleaded guilty to having sex with a girl of 12.") == [nil])
    }

    @Test func aVerdictOfDisagreementRejectsTheSentenceBefore() {
        #expect(findings("Some have said it was a witch hunt. I disagree entirely.").isEmpty)
        #expect(contexts("Some have said it was a witch hunt. I agree.").count == 1)
    }

    @Test func anUnquotedLineInAListOfQuotedTermsIsAMention() {
        let list =
            "Consider these:\n\u{201C}Witch hunt\u{201D}\n\u{201C}Sex scandal\u{201D}\n\"Liars\"\nSexual misconduct\n"
        // Mentions are dropped; the quoted lines are reported as quoted.
        #expect(!findings(list).contains { $0.match == "Sexual misconduct" })
        #expect(findings(list).allSatisfy { $0.context == .quoted })
        // A line of its own in ordinary prose is still the writer's.
        #expect(contexts("The report came out.\nSexual misconduct\nby the coach went on for years.") == [nil])
    }

    @Test func referringToSomeoneAsATermIsAMention() {
        #expect(findings("Referring to a girl who was exploited as a child prostitute discounts her trauma.").isEmpty)
        #expect(contexts("He was arrested for paying a child prostitute.") == [nil])
    }

    @Test func aSentenceNamedAsASayingByTheNextIsRejected() {
        #expect(findings("It was a witch hunt. That used to be the usual excuse when men were accused.").isEmpty)
        #expect(contexts("It was a witch hunt. That is why he resigned.") == [nil])
    }

    @Test func minimisingNamedInOrderToCriticiseItIsAMention() {
        #expect(findings("Editors soften the abuse of the girls as a sex scandal in every headline.").isEmpty)
    }

    @Test func negationReachesASecondVerbAfterOr() {
        // The second verb shares the subject and the negation, however long the first clause was.
        let shared = "We don't blame the club for the mess it made of the season, or say it was a sex scandal."
        #expect(findings(shared).isEmpty, "\(findings(shared).map(\.match))")
        // A new subject starts a clause of its own.
        #expect(contexts("Don't leave the club quietly after the match, or you will cause a sex scandal.") == [nil])
    }

    @Test(arguments: [
        "He was charged with sexual misconduct in the third degree.",
        "He pleaded guilty to two counts of sexual misconduct.",
        "He pleaded not guilty to sexual misconduct.",
        "The university's Sexual Misconduct Policy was updated.",
        "She wrote to the Office of Sexual Misconduct Prevention."
    ])
    func legalAndOfficialNamesAreDropped(text: String) {
        #expect(findings(text).isEmpty, "\(findings(text).map(\.match))")
    }

    @Test func titleCaseHeadlinesAreNotNames() {
        #expect(contexts("Senator Resigns Amid Sexual Misconduct Claims") == [nil])
        // A headline on the line above the story's first sentence is not read as a name inside it.
        let story = "Pastors Implicated as Sex Scandal Rocks Churches\nFour pastors are at the centre of a sex scandal."
        #expect(contexts(story) == [nil, nil])
    }

    @Test func quotedModesCanIgnoreOrKeep() {
        var options = LintOptions()
        options.quoted = .ignore
        #expect(findings("\"It was a sex scandal,\" he said.", options: options).isEmpty)
        options.quoted = .keep
        #expect(findings("\"It was a sex scandal,\" he said.", options: options).first?.severity == .warning)
    }

    @Test func acceptedPhrasesAreNeverReported() throws {
        let set = try RuleSet.compile(
            [try LexiconLoader.parse(TestSupport.lexicon(["sexual misconduct"]), path: "t.yml")],
            accept: [PatternSource("sexual misconduct review", at: FileLocation(file: "c", line: 1, column: 1))])
        let found = try Linter(ruleSet: set).lint(text: "The sexual misconduct review found sexual misconduct.")
        #expect(found.map(\.offset) == [35])
    }
}

@Suite struct GateTests {
    let yaml = """
        category: test
        classes:
          KID: [child|children]
          SORRY: [sorry|apologise]
        rules:
          - id: test.relationship
            severity: warning
            guidance: V6
            principles: [B9]
            patterns: [relationship with]
            requires: {sentence: ['@KID']}
            message: m
            suggestions: [s]
            why: B9.
            examples: {flag: [x], pass: [y]}
          - id: test.intent
            severity: warning
            guidance: I3
            principles: [B13]
            negation: false
            patterns: [never meant to]
            requires: {paragraph: ['@SORRY']}
            unless: {sentence: [intentions don't matter]}
            message: m
            suggestions: [s]
            why: B13.
            examples: {flag: [x], pass: [y]}
          - id: test.document
            severity: warning
            guidance: T2
            principles: [B15]
            patterns: [prostitution ring]
            requires: {document: [trafficking]}
            message: m
            suggestions: [s]
            why: B15.
            examples: {flag: [x], pass: [y]}
        """

    func rules(_ text: String) throws -> [String] {
        try Linter(ruleSet: TestSupport.ruleSet(yaml)).lint(text: text).map(\.rule)
    }

    @Test func sentenceGates() throws {
        #expect(try rules("He had a relationship with a child.") == ["test.relationship"])
        #expect(try rules("He had a relationship with a colleague. A child saw.") == [])
    }

    @Test func paragraphGatesAndOwnNegators() throws {
        #expect(try rules("I am sorry. I never meant to hurt anyone.") == ["test.intent"])
        #expect(try rules("I never meant to hurt anyone.") == [])
        #expect(try rules("I am sorry.\n\nI never meant to hurt anyone.") == [])
        #expect(try rules("I'm sorry. I never meant to hurt her, but my intentions don't matter.") == [])
    }

    @Test func documentGatesLookAtTheWholeDocument() throws {
        #expect(
            try rules("Police broke up a prostitution ring.\n\nThe girls had been victims of trafficking.") == [
                "test.document"
            ])
        #expect(try rules("Police broke up a prostitution ring.") == [])
        // The gate phrase sits in a paragraph of its own, before the match.
        #expect(
            try rules("Two girls were victims of trafficking.\n\nPolice broke up a prostitution ring.") == [
                "test.document"
            ])
    }

    /// What `--quoted` does to each context and category, in the one function that decides it.
    @Test func quotedModeDecidesSeverityByContextAndCategory() {
        #expect(QuotedMode.downgrade.severity(.warning, context: .quoted, category: .vague) == .suggestion)
        #expect(QuotedMode.downgrade.severity(.warning, context: .attributed, category: .vague) == .warning)
        #expect(QuotedMode.downgrade.severity(.warning, context: .attributed, category: .blaming) == .suggestion)
        #expect(QuotedMode.ignore.severity(.error, context: .quoted, category: .intent) == nil)
        #expect(QuotedMode.ignore.severity(.error, context: nil, category: .intent) == .error)
        #expect(QuotedMode.keep.severity(.error, context: .quoted, category: .intent) == .error)
    }
}
