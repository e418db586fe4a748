import Foundation
import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

/// Context mechanisms added for real public text (issue: real-world accuracy): wider gate scopes, mention
/// in lists and before "defence"/"myth", a rejection in the next sentence, defined terms, arrest wording,
/// and one finding per span.
@Suite struct RealTextContextTests {
    static let ruleSet = try! TestSupport.ruleSet(
        TestSupport.lexicon([
            "sexual misconduct", "boys will be boys", "fondling", "word against", "had sex with"
        ]))

    func findings(_ text: String) -> [Finding] {
        try! Linter(ruleSet: Self.ruleSet).lint(text: text)
    }

    func contexts(_ text: String) -> [MatchContext?] { findings(text).map(\.context) }

    // MARK: Gate scopes

    static func gated(_ scope: String) -> RuleSet {
        try! TestSupport.ruleSet(TestSupport.lexicon(["beast"], extra: "    requires:\n      \(scope): [abused]\n"))
    }

    func flagged(_ text: String, scope: String) -> Bool {
        !(try! Linter(ruleSet: Self.gated(scope)).lint(text: text)).isEmpty
    }

    @Test func nearbyLooksOneSentenceEitherSide() {
        #expect(flagged("He abused the boy. The beast smiled.", scope: "nearby"))
        #expect(flagged("The beast smiled. He had abused the boy.", scope: "nearby"))
        #expect(!flagged("He abused the boy. It rained. The beast smiled.", scope: "nearby"))
        #expect(!flagged("He abused the boy.\n\nThe beast smiled.", scope: "nearby"))
        #expect(!flagged("He abused the boy. It rained. The beast smiled.", scope: "sentence"))
    }

    @Test func windowIsTheWholeOfAShortDraft() {
        let far =
            "He abused the boy.\n\n" + Array(repeating: "Nothing happened.", count: 6).joined(separator: "\n\n")
            + "\n\nThe beast smiled."
        #expect(flagged(far, scope: "window"))
        #expect(!flagged("The beast smiled.", scope: "window"))
    }

    @Test func windowInALongDocumentIsThreeParagraphsEitherSide() {
        let filler = String(repeating: "The farmer counted the sheep in the field again and again. ", count: 30)
        func document(gap: Int) -> String {
            (["He abused the boy."] + Array(repeating: filler, count: gap) + ["The beast smiled."]).joined(
                separator: "\n\n")
        }
        #expect(document(gap: 6).utf8.count > DocumentGates.shortDocumentBytes)
        #expect(
            flagged(
                document(gap: 2) + "\n\n" + Array(repeating: filler, count: 6).joined(separator: "\n\n"),
                scope: "window"))
        #expect(!flagged(document(gap: 6), scope: "window"))
        #expect(flagged(document(gap: 6), scope: "document"))
    }

    // MARK: A quieter finding without context

    static let quietOutsideContext = try! TestSupport.ruleSet(
        TestSupport.lexicon(
            ["never meant to hurt"],
            extra:
                "    without-context: suggestion\n    requires:\n      window: [harassment]\n    unless:\n      window: [novel]\n"
        ))

    func quiet(_ text: String) -> [Finding] { try! Linter(ruleSet: Self.quietOutsideContext).lint(text: text) }

    @Test func aWindowGateWithoutContextLowersTheSeverityInsteadOfDropping() {
        #expect(quiet("I deny the harassment claim. I never meant to hurt anyone.").map(\.severity) == [.warning])
        #expect(quiet("I never meant to hurt anyone.").map(\.severity) == [.suggestion])
    }

    @Test func withoutContextStillHonoursUnlessGatesQuotationAndNegation() {
        #expect(quiet("In the novel, he never meant to hurt anyone.").isEmpty)
        #expect(quiet("She wrote: \"I never meant to hurt anyone.\"").isEmpty)
        #expect(quiet("Nobody can say \"I never meant to hurt\" and be done with it.").isEmpty)
    }

    @Test func withoutContextNeverRaisesAConfiguredSeverity() {
        var options = LintOptions()
        options.severities["test.r0"] = .error
        let findings = try! Linter(ruleSet: Self.quietOutsideContext, options: options).lint(
            text: "I never meant to hurt anyone.")
        #expect(findings.map(\.severity) == [.suggestion])
    }

    /// Ordinary sentences the built-in intent rules used to drop for want of context. They now read as the
    /// constructions they are, at suggestion severity only, so a CI job failing on warnings never fails on them.
    @Test(arguments: [
        "If anyone was offended by the sketch, the station's feedback line is open until Friday.",
        "I'm sorry if this sounds harsh, but the build has been broken for a week and nobody has looked at it.",
        "He spoke in good humour about the club's centenary dinner and the new stand.",
        "The side effect was unintended, the drug company said after the trial was halted.",
        "He was a willing participant in the charity run and raised thousands for the hospice.",
        "I made mistakes in my tax return, the accountant told me.",
        "My sense of humour is not for everyone, the comedian told the festival crowd."
    ])
    func builtinIntentRulesAreOnlySuggestionsOutOfContext(text: String) {
        #expect(TestSupport.linter().lint(text: text).allSatisfy { $0.severity == .suggestion })
    }

    @Test func explainAndTheRuleListingSayWhenARuleSpeaksWithoutContext() {
        let rule = TestSupport.builtinRuleSet.rules.first { $0.id == "intent.intent-defence" }!
        #expect(RuleListing.explain(rule).contains("Without context:"))
        #expect(RuleListing.render([rule], json: true).contains("\"withoutContext\": \"suggestion\""))
        let plain = TestSupport.builtinRuleSet.rules.first { $0.id == "vague.sexual-misconduct" }!
        #expect(!RuleListing.explain(plain).contains("Without context:"))
    }

    @Test func builtinIntentRulesWarnInAStatementAboutConduct() {
        var rulesAlone = LintOptions()
        rulesAlone.usesScorer = false
        let findings = TestSupport.linter(options: rulesAlone).lint(
            text: "I have read the harassment complaint. That was never my intention.")
        #expect(findings.contains { $0.rule == "intent.intent-defence" && $0.severity == .warning })
        let bare = TestSupport.linter(options: rulesAlone).lint(text: "That was never my intention.")
        #expect(bare.contains { $0.rule == "intent.intent-defence" && $0.severity == .suggestion })
        // An apology for giving offence names its own subject, so it warns without an allegation in sight.
        let offence = TestSupport.linter(options: rulesAlone).lint(text: "I never meant to hurt anyone.")
        #expect(offence.contains { $0.rule == "intent.intent-defence" && $0.severity == .warning })
    }

    /// Round 77's exception, on a sentence whose context would otherwise let the excuse rule speak: the rule
    /// example for it is dropped by the rule's own gate first, so only this shows the exception at work.
    @Test func aSelfDeclaredAddictIsALabelNotTheSpeakersExcuse() {
        var rulesAlone = LintOptions()
        rulesAlone.usesScorer = false
        func excuses(_ text: String) -> Int {
            TestSupport.linter(options: rulesAlone).lint(text: text).filter { $0.rule == "intent.excuse-cause" }.count
        }
        let apology = "I apologise for the harm I caused her. The tabloids still call me the "
        #expect(excuses(apology + "alcohol, drug and sex addict.") == 1)
        #expect(excuses(apology + "self-declared alcohol, drug and sex addict.") == 0)
    }

    // MARK: Mention

    @Test func aTermInTheListAfterAStrongCueIsAMention() {
        #expect(
            contexts("Words and phrases such as sexual imposition, molestation, and fondling soften the violence.")
                .isEmpty)
        #expect(contexts("He admitted fondling the girl, the court heard.") == [nil])
        // A subject after the comma starts a clause of the writer's own, not a list item.
        #expect(contexts("Rather than face the music, he blamed sexual misconduct by others.") == [nil])
        #expect(contexts("Rather than rape, abuse or sexual misconduct, say what he did.").isEmpty)
    }

    /// A survey's "people say" puts a belief up for discussion; a news report's "jurors say" passes on what they
    /// said.
    @Test func jurorsWhoSaySomethingAreReported() {
        #expect(contexts("Some jurors say the sexual misconduct was proven.") == [nil])
        #expect(contexts("Two in five people say that sexual misconduct is exaggerated.").isEmpty)
    }

    @Test(arguments: [
        "It is time to retire the boys will be boys defence.",
        "The \"boys will be boys\" excuse has to go.",
        "We keep hearing the boys-will-be-boys myth."
    ])
    func aTermBeforeDefenceOrMythIsAMention(text: String) {
        #expect(contexts(text).isEmpty)
    }

    /// "So-called" keeps the term at a distance with or without quotation marks (no dev excerpt labels a term
    /// right after it); the writer's own use a sentence later is still read.
    @Test func aTermAfterSoCalledIsAMentionEvenUnquoted() {
        #expect(contexts("The problem of so-called sexual misconduct has taken a new turn.").isEmpty)
        #expect(contexts("The coach is accused of sexual misconduct.") == [nil])
    }

    /// A myth-buster's verdict after the claim, and a denial that the claim means consent.
    @Test(arguments: [
        "You can excuse it as boys will be boys. Reality: false.",
        "The boys will be boys line does not mean a yes to anything."
    ])
    func aClaimAMythBusterMarksFalseIsNotAsserted(text: String) {
        #expect(contexts(text).isEmpty)
    }

    /// The term named as an institution's jargon: "'Domestic incident' is police code".
    @Test func aTermNamedAsJargonIsAMention() {
        #expect(contexts("Sexual misconduct is HR code for what he did to her.").isEmpty)
        #expect(contexts("Sexual misconduct is what HR found.") == [nil])
    }

    @Test func aSentenceRejectedByTheNextIsDropped() {
        let rejected = "Victims face the belief that it is one person's word against another's. But that's not so."
        #expect(contexts(rejected).isEmpty)
        #expect(contexts("It is one person's word against another's. We will never know.") == [nil])
    }

    /// A run of short sentences the next one names as excuses: each is rejected, not only the last.
    @Test func aRunOfShortSentencesNamedAsExcusesIsRejected() {
        let set = try! TestSupport.ruleSet(TestSupport.lexicon(["short skirt", "she was drunk", "walking alone"]))
        func count(_ text: String) -> Int { (try! Linter(ruleSet: set).lint(text: text)).count }
        #expect(
            count(
                "She was wearing a short skirt. She was drunk. She was walking alone. Factors like these are still "
                    + "being used to shame victims.") == 0)
        // Only a short run, and only in the same block: a long account before it is the writer's own.
        #expect(
            count(
                "She was wearing a short skirt. She was drunk. She was walking alone. It rained. It was late. "
                    + "Excuses like these are still used.") == 1)
        #expect(count("She was drunk.\n\nThey met at the bar. Excuses like these are everywhere.") == 1)
        #expect(
            count(
                "She was drunk when she left the bar with the two men she had met there that evening after work. "
                    + "Excuses like these are still used.") == 1)
        #expect(count("She was drunk. She was walking alone. The police came later.") == 2)
    }

    @Test func aRunOfQuestionsTheWriterHasHeardBeforeIsRejected() {
        let set = try! TestSupport.ruleSet(TestSupport.lexicon(["why did she wait", "why didn't she leave"]))
        func count(_ text: String) -> Int { (try! Linter(ruleSet: set).lint(text: text)).count }
        #expect(count("Why did she wait? Why didn't she leave? We've heard it all before.") == 0)
        #expect(count("Why did she wait? Why didn't she leave? I've heard these questions before.") == 0)
        #expect(count("Why did she wait? Why didn't she leave? The jury asked.") == 2)
    }

    /// "as if" with any subject introduces a counterfactual the writer rejects.
    @Test func aCounterfactualWithAnySubjectIsUnderDiscussion() {
        let set = try! TestSupport.ruleSet(TestSupport.lexicon(["asking for it"]))
        func count(_ text: String) -> Int { (try! Linter(ruleSet: set).lint(text: text)).count }
        #expect(count("I felt terrible, as if sharing a bottle of wine with an MP was asking for it.") == 0)
        #expect(count("Everyone at the bar said she was asking for it.") == 1)
    }

    // MARK: Legal and defined terms

    @Test func theSubjectOfANamedInquiryAndANameWithBracketsAreNames() {
        let set = try! TestSupport.ruleSet(
            TestSupport.lexicon(["historical child sexual abuse", "historical institutional abuse"]))
        func count(_ text: String) -> Int { (try! Linter(ruleSet: set).lint(text: text)).count }
        #expect(
            count("The Board of Inquiry into historical child sexual abuse in Beaumaris Primary School met today.") == 0
        )
        #expect(count("The Historical Institutional Abuse (Northern Ireland) Act 2019 received Royal Assent.") == 0)
        // The same words as the writer's own description are still read.
        #expect(count("The board heard evidence of historical child sexual abuse at the school.") == 1)
        #expect(count("Reporters looked into historical child sexual abuse at the school.") == 1)
    }

    @Test func aCapitalisedTermMidSentenceIsADefinedTerm() {
        #expect(
            contexts(
                "The University considers Sexual Harassment and Sexual Misconduct, as defined below, to be serious offences."
            ).isEmpty)
        #expect(contexts("SENATOR QUITS OVER SEXUAL MISCONDUCT") == [nil])
        #expect(contexts("He resigned over sexual misconduct at the firm.") == [nil])
    }

    /// A headline with too many short lower-case words for `Tokenizer.isHeadline` runs into the line below as one
    /// sentence; the lower-case words there say nothing about the headline's own Title Case line. (Before, the
    /// first case read as a defined term and was dropped.) A one-line list of Title Case charges stays a list of names.
    @Test func aTitleCaseHeadlineRunningIntoTheNextLineIsNotADefinedTerm() {
        #expect(
            contexts(
                "Prison Officer in Sexual Misconduct Row: Cards and Intimate Acts with Inmate Exposed\nPrison officer in misconduct row with inmate"
            ) == [nil])
        #expect(
            contexts(
                "Charges include: Sexual Assault, Sexual Misconduct, Luring, Making Sexually Explicit Material Available.\nThe man appears in court on Monday."
            ).isEmpty)
    }

    /// "In his mind, he drank too much and hooked up with a girl. That is exactly what he thinks happened.": the
    /// accused's view, set out to be rejected.
    @Test func wordsAfterInHisMindAreHisViewNotTheWriters() {
        #expect(contexts("In his mind, he had sex with a girl he met at a party.").isEmpty)
        #expect(contexts("He had sex with a girl he met at a party, police said.").count == 1)
    }

    @Test func anActIntroducedByForAfterAChargeIsTheWritersAccount() {
        #expect(contexts("He was convicted last month of indecent assault and battery for fondling a boy.") == [nil])
        #expect(contexts("He was convicted last month of indecent assault and fondling.").isEmpty)
    }

    @Test func wordsAfterArrestAreTheWritersOwnDescription() {
        #expect(contexts("He was arrested on suspicion of having had sex with a pupil.") == [nil])
        // An adverb of manner after "pleading guilty to" opens the writer's account, not an offence's name.
        let touching = try! TestSupport.ruleSet(TestSupport.lexicon(["inappropriately touching"]))
        #expect(
            (try! Linter(ruleSet: touching).lint(
                text: "He gave a statement after pleading guilty to inappropriately touching 14 former students."
            )).count == 1)
        #expect(contexts("He was charged with sexual misconduct under the state code.").isEmpty)
    }

    /// "the 'boys will be boys' sentiment" names the phrase in order to talk about it, as "defence" and "myth" do.
    @Test func aTermBeforeSentimentOrAttitudeIsAMention() {
        #expect(contexts("Kavanaugh and the ‘boys will be boys’ sentiment is a poor excuse.").isEmpty)
        #expect(contexts("The boys will be boys mantra of the club went unchallenged.").isEmpty)
        #expect(contexts("The coach shrugged: boys will be boys, after all.").count == 1)
    }

    /// An offence's name says "with a child"; "with the girl" after a charging phrase is the writer's account.
    @Test func aParticularPersonAfterAChargeMakesItADescription() {
        #expect(contexts("Five other men were convicted of had sex with the girl.") == [nil])
        #expect(contexts("He was convicted of had sex with a child.").isEmpty)
    }

    @Test func aNegationInsideAnAffirmingPhraseNegatesNothing() {
        #expect(contexts("It is difficult not to call it sexual misconduct.") == [nil])
        #expect(contexts("I can't help but see sexual misconduct here.") == [nil])
        #expect(contexts("I don't know why sexual misconduct keeps happening at this club.") == [nil])
        #expect(contexts("This was not sexual misconduct.").isEmpty)
        // A harm said to have nothing to do with something denies it as a cause; a decision that had nothing to
        // do with it takes it as given.
        #expect(contexts("Abuse has nothing to do with sexual misconduct policies.").isEmpty)
        #expect(contexts("The decision had nothing to do with the sexual misconduct.") == [nil])
        // Litotes asserts: "not unlikely that" is "likely that".
        #expect(contexts("It is not unlikely that this was sexual misconduct.") == [nil])
        #expect(contexts("It is not that this was sexual misconduct.").isEmpty)
    }

    /// A quoted term the writer denies is named for discussion, so its later bare uses are mentions.
    @Test func aDeniedQuotedTermIsNamedForTheRestOfTheDocument() {
        #expect(contexts("Rape is not 'sexual misconduct'.\n\nWe keep reading sexual misconduct in print.").isEmpty)
        #expect(contexts("Rape is not sexual misconduct.\n\nWe keep reading sexual misconduct in print.") == [nil])
    }

    @Test func aCounterfactualOrARemarkNamedInTheNextSentenceIsNotAsserted() {
        #expect(contexts("You let him tell it as if it were boys will be boys.").isEmpty)
        #expect(contexts("Boys will be boys. This tired remark was first made by the coach.").isEmpty)
        #expect(contexts("Boys will be boys. The coach said nothing else.") == [nil])
    }

    @Test func aDoubleNegativeOrADeniedCoincidenceAsserts() {
        #expect(contexts("No one denies that he had sex with a 14-year-old.") == [nil])
        #expect(contexts("It is not a coincidence that sexual misconduct claims surface now.") == [nil])
        #expect(contexts("He denies that he had sex with a 14-year-old.").isEmpty)
        #expect(contexts("There was no question of sexual misconduct at the club.").isEmpty)
    }

    @Test func aNegatedFactiveVerbStillAssertsWhatFollows() {
        #expect(contexts("I didn't realise how much sexual misconduct the club had hidden.") == [nil])
        #expect(contexts("I did not fully appreciate that sexual misconduct was so common there.") == [nil])
        #expect(contexts("I didn't see sexual misconduct.").isEmpty)
    }

    /// "any", "anything" and "ever" stand where a negation reaches, so the count of words between the negation and
    /// the term starts again after them.
    @Test func aNegationReachesPastTheWordItLicenses() {
        #expect(
            contexts("Neither of these complaints nor the others involved any issue of sexual misconduct.").isEmpty)
        #expect(contexts("No complaint to the club in all those years ever involved sexual misconduct.").isEmpty)
        #expect(
            contexts("Neither of these complaints nor the others involved the long issue of sexual misconduct.")
                == [nil])
    }

    /// A run of victim-blaming questions answered "No?", a judgement that the matter "is of no consequence", a take
    /// the writer says "assumes that", and a claim "thought to be rare" are named in order to reject them.
    @Test func aClaimTheWriterAnswersIsNotAsserted() {
        #expect(contexts("Did she say boys will be boys? No?").isEmpty)
        #expect(contexts("Did she say boys will be boys? Yes.") == [nil])
        #expect(contexts("Whether the club calls it sexual misconduct or not is of no consequence here.").isEmpty)
        #expect(contexts("It assumes that boys will be boys, and it is wrong.").isEmpty)
        #expect(contexts("There is a reason that sexual misconduct claims are thought to be rare.").isEmpty)
        #expect(contexts("Sexual misconduct claims are common at the club.") == [nil])
    }

    /// A name after "and" opens a clause of its own: "... never any intention to offend ... and Richard apologizes".
    @Test func aNegationStopsAtANameThatOpensAClause() {
        #expect(contexts("He never met her parents and Tom had sex with her.") == [nil])
        #expect(contexts("He never met her parents and had sex with her.").isEmpty)
    }

    /// A bare "this statement" after a sentence is as often the news being reported as a remark being rejected.
    @Test func aBareStatementAfterASentenceDoesNotRejectIt() {
        #expect(contexts("Sexual misconduct is common at the club. This statement came after a review.") == [nil])
        #expect(contexts("The coach said boys will be boys. This insensitive statement was widely shared.").isEmpty)
    }

    /// What a speaker does not remember is still described as having happened.
    @Test func aMemoryVerbEndsANegationsReach() {
        #expect(contexts("She does not remember the sexual misconduct at the party.") == [nil])
        // Nor does a denial of having seen it.
        #expect(contexts("I never observed or suspected any sexual misconduct at the club.") == [nil])
        #expect(contexts("I never saw that as sexual misconduct.").isEmpty)
        #expect(contexts("He did not recall fondling her.") == [nil])
        // Nor a refusal to know about it: the term is still the writer's name for what happened.
        #expect(contexts("Officials did not want to know about sexual misconduct in the town.") == [nil])
        #expect(contexts("I did not know about the sexual misconduct at the club.") == [nil])
        #expect(contexts("There was no sexual misconduct at the party.").isEmpty)
    }

    /// English leaves a quotation that runs over paragraphs unclosed at each paragraph's end; the paragraph where it
    /// closes is quoted from its start.
    @Test func aQuotationContinuedFromTheParagraphBeforeIsQuoted() {
        #expect(
            contexts("He told her: \"It was always serious.\n\nI am sorry for the sexual misconduct.\"") == [.quoted])
        #expect(
            contexts(
                "He told her: \u{201C}It was always serious.\n\nI am sorry for the sexual misconduct.\u{201D} He left.")
                == [.quoted])
        // A straight mark that closes nothing and does not end the paragraph is no quotation.
        #expect(contexts("It was sexual misconduct\" and more, the report said nothing.") == [nil])
        #expect(contexts("The report found sexual misconduct.") == [nil])
    }

    /// Wording shown as a specimen after "an example from ...:" is a mention.
    @Test func wordingShownAsAnExampleAfterAColonIsAMention() {
        #expect(contexts("Here is an example from the Post:\nThe coach was accused of sexual misconduct.").isEmpty)
        #expect(contexts("The coach was accused of sexual misconduct.") == [nil])
    }

    static let blamingRuleSet = try! TestSupport.ruleSet(
        TestSupport.lexicon(["skimpy attire", "false claims", "why she waited", "get raped"])
            .replacingOccurrences(of: "test", with: "blaming"))

    func blamingContexts(_ text: String) -> [MatchContext?] {
        (try! Linter(ruleSet: Self.blamingRuleSet).lint(text: text)).map(\.context)
    }

    /// A framing the writer objects to, what someone sets out to prove and another writer's implication are claims
    /// under discussion, not the writer's own.
    @Test func aFramingObjectedToOrAClaimInDisputeIsNotAsserted() {
        #expect(blamingContexts("Calling it that makes it sound like false claims were made.").isEmpty)
        #expect(blamingContexts("Men were trying to prove that these were false claims.").isEmpty)
        #expect(blamingContexts("You write of regret, implying false claims are common.").isEmpty)
        // Proving something, with no claim after it, introduces nothing.
        #expect(blamingContexts("He tried to prove his innocence, but these are false claims.") == [nil])
    }

    /// Blaming framing that a refusal takes as given, or that a negative command gives as advice, is asserted.
    @Test func aRefusalOrACommandAssertsBlamingFraming() {
        #expect(blamingContexts("I can't support extortion or these false claims.") == [nil])
        #expect(blamingContexts("She should not seek to spread false claims.") == [nil])
        #expect(blamingContexts("Don't wear skimpy attire.") == [nil])
        #expect(blamingContexts("Girls, never wear skimpy attire.") == [nil])
        // Not a command about her own conduct, a noun's negation, or a plain denial.
        #expect(blamingContexts("Don't ask why she waited.").isEmpty)
        #expect(blamingContexts("There is no support for false claims here.").isEmpty)
        #expect(blamingContexts("She did not make false claims.").isEmpty)
        // A passive is what is done to her: the slogan "Don't get raped!" that critiques quote.
        #expect(blamingContexts("The message to women is: don't get raped.").isEmpty)
        // A denial that follows: "Indecent dressing is not the cause of rape, rapists are."
        #expect(blamingContexts("Skimpy attire is not the cause of rape, rapists are.").isEmpty)
        #expect(blamingContexts("Skimpy attire is the cause of rape.") == [nil])
        // A view voiced by someone else, or a comment the writer rebuts, is under discussion.
        #expect(blamingContexts("The minister voiced his opinion that skimpy attire invites trouble.").isEmpty)
        #expect(blamingContexts("The comment about skimpy attire being a factor is bogus.").isEmpty)
        // Other categories keep their negations.
        #expect(contexts("We do not support sexual misconduct of any kind.").isEmpty)
    }

    @Test func aNegationStopsAtASubordinateClause() {
        #expect(contexts("It would not have become public if sexual misconduct had stayed hidden.") == [nil])
        #expect(contexts("It wasn't news when sexual misconduct came up.") == [nil])
        // "We can't just stand by while this public lynching goes on": the refusal is of standing by.
        #expect(contexts("It wasn't news while sexual misconduct went on at the club.") == [nil])
        #expect(contexts("It wasn't news whilst sexual misconduct went on at the club.") == [nil])
        #expect(contexts("It was not sexual misconduct, though.").isEmpty)
    }

    @Test func anArgumentAttributedToOthersIsUnderDiscussion() {
        #expect(contexts("Some people who argue that it was sexual misconduct have never read the file.").isEmpty)
        #expect(contexts("Critics who claim that boys will be boys are wrong.").isEmpty)
    }

    @Test func aTermRenamedAtOnceIsAMention() {
        #expect(contexts("Sex is never sexual misconduct; sexual misconduct is sexual abuse.").count == 0)
        #expect(contexts("Sexual misconduct is rare at the club.") == [nil])
    }

    @Test func surveyedAttitudesAndWhatNobodyShouldBeBlamedForAreUnderDiscussion() {
        #expect(contexts("Two in five men believe boys will be boys.").isEmpty)
        #expect(contexts("Women should not be blamed for sexual misconduct by others.").isEmpty)
        #expect(contexts("The coach told the parents boys will be boys.").count == 1)
    }

    @Test func aTermLeadingAShortListIsStillNamedForDiscussion() {
        #expect(contexts("Sexual misconduct or harassment is a media-generated term.").isEmpty)
        #expect(contexts("Sexual misconduct or harassment happened at the club, and the board knew.") == [nil])
    }

    @Test func othersBeliefsAndClaimsAreReportedToBeRejected() {
        #expect(contexts("Men who no doubt imagined that boys will be boys ran the club.").isEmpty)
        #expect(contexts("They will also claim it was sexual misconduct, not rape.").isEmpty)
        #expect(contexts("Papers still write fondling for what should rightly be called sexual assault.").isEmpty)
        #expect(contexts("He was fondling the pupil at the party.") == [nil])
    }

    @Test func adviceWomenAreToldIsReportedNotGiven() {
        #expect(contexts("Girls are often told to be careful: boys will be boys, don't walk alone.").isEmpty)
        #expect(contexts("We were taught that boys will be boys.").isEmpty)
        #expect(contexts("The head told the girls that boys will be boys.").count == 1)
    }

    @Test func blameOthersLayOnHerIsReportedNotTheWritersOwn() throws {
        let set = try TestSupport.ruleSet(TestSupport.lexicon(["seducing him", "attention seeker"]))
        func count(_ text: String) -> Int { (try! Linter(ruleSet: set).lint(text: text)).count }
        #expect(count("Most people blamed her for going to his house, blamed her for seducing him.") == 0)
        #expect(count("Men are blaming women for seducing him, as usual.") == 0)
        #expect(count("His fans are calling her an attention seeker.") == 0)
        // The writer's own blame stays: "I blame her for" is not a report of someone else's.
        #expect(count("I blame her for seducing him.") == 1)
        #expect(count("She is an attention seeker.") == 1)
    }

    @Test func theWritersOwnInferenceIsNotSomeoneElsesBelief() {
        #expect(contexts("He no doubt imagined that it was just boys will be boys.").isEmpty)
        #expect(contexts("One can only imagine that the sexual misconduct went on for years.").count == 1)
    }

    @Test func aTermTheDocumentHasNamedForDiscussionStaysAMention() {
        #expect(
            contexts(
                "We keep hearing about the so-called \"sexual misconduct\".\n\nPeople are tired of sexual misconduct."
            )
            .isEmpty)
        // Only the same words, and only after they were named as a term: a proposition under discussion
        // ("the idea that ...") does not make later uses mentions.
        #expect(contexts("Phrases like sexual misconduct hide it. Then the fondling began.").count == 1)
        #expect(
            contexts("The idea that it was sexual misconduct is old.\n\nHe admitted sexual misconduct.").count == 1)
    }

    @Test func aSayingQuotedAsASayingIsAMention() {
        #expect(contexts("Boys will be boys — the old saying goes.").isEmpty)
        #expect(contexts("Boys will be boys, the saying has it.").isEmpty)
        // "saying" alone is a verb: "it is boys will be boys, saying she asked for it".
        #expect(contexts("It was boys will be boys, saying she asked for it.").count == 1)
    }

    @Test func counselsSubmissionIsReported() {
        #expect(contexts("The defence submitted that it was boys will be boys.") == [.attributed])
    }

    @Test func pluralAndSingularAreTheSameNamedTerm() throws {
        let set = try TestSupport.ruleSet(TestSupport.lexicon(["witch hunt|hunts"]))
        func count(_ text: String) -> Int { (try! Linter(ruleSet: set).lint(text: text)).count }
        #expect(count("Calling it a \"witch hunt\" forgets that witch hunts in Salem were run by powerful men.") == 0)
        #expect(count("It is a witch hunt. Witch hunts in Salem were run by powerful men.") == 2)
    }

    @Test func inALongDocumentANamedTermReachesOnlyTheParagraphsNearIt() {
        let filler = String(
            repeating: "The committee met again on Tuesday to review the budget for the new library. ", count: 8)
        let between = Array(repeating: filler, count: 20).joined(separator: "\n\n")
        let named = "Phrases like \"sexual misconduct\" hide the act."
        #expect(contexts(named + "\n\nWe are tired of sexual misconduct.\n\n" + between).isEmpty)
        #expect(contexts(named + "\n\n" + between + "\n\nHe admitted sexual misconduct.").count == 1)
    }

    @Test func aTermsKeyIgnoresCasePunctuationAndAPluralS() {
        func key(_ text: String, rule: Int = 3) -> [UInt8] { Linter.termKey(rule, ArraySlice(text.utf8)) }
        #expect(key("Witch-Hunts") == key("witch hunt"))
        #expect(key("SEX  scandal") == key("sex scandals"))
        #expect(key("sex scandal") != key("sex scandal", rule: 4))
        #expect(key("abuse") != key("abuser"))
        #expect(key("his") == key("his"))  // three letters: never treated as a plural
        #expect(key("gas") != key("ga"))
    }

    @Test func aDefinitionOfTheTermIsAMention() {
        #expect(contexts("Sexual misconduct is when a grown person makes questionable choices.").isEmpty)
        #expect(contexts("Sexual misconduct means different things to different people.").isEmpty)
        #expect(contexts("Sexual misconduct was alleged when she reported him.").count == 1)
    }

    @Test func aNegationReachesTheLaterItemsOfAList() {
        #expect(contexts("There is no such thing as fondling, sexual misconduct or boys will be boys.").isEmpty)
        #expect(contexts("It was not fondling, and not a case of boys will be boys.").isEmpty)
        // A clause after the comma is not a list item, so the negation stops there as before.
        #expect(contexts("There was no fondling, he said, and sexual misconduct followed.").count == 1)
        #expect(contexts("It was not a joke, and boys will be boys was all he had to say.").count == 1)
    }

    @Test func aNegationReachesAVerbJoinedByCommaOr() {
        let set = try! TestSupport.ruleSet(TestSupport.lexicon(["made sexual advances"]))
        func count(_ text: String) -> Int { (try! Linter(ruleSet: set).lint(text: text)).count }
        #expect(count("I have never had sex with, or made sexual advances towards these players.") == 0)
        #expect(count("He did not call her, nor made sexual advances at the party.") == 0)
        // A comma with no "or" still ends the negation: a new clause is the writer's own account.
        #expect(count("He never apologised, and made sexual advances to two more staff.") == 1)
    }

    @Test func othersFramingAndADenialOfHavingAreNotTheWritersUse() {
        let set = try! TestSupport.ruleSet(
            TestSupport.lexicon(["tragedies", "witch hunt", "sexual activity with complainant", "underage women"]))
        func count(_ text: String) -> Int { (try! Linter(ruleSet: set).lint(text: text)).count }
        #expect(count("Reporters and headline writers may treat the murders as epic tragedies.") == 0)
        #expect(count("He believes he is the target of what he characterizes as a witch hunt.") == 0)
        #expect(count("Two men deny having had sexual activity with complainant in 2015.") == 0)
        #expect(count("Jeffrey Epstein and the Oxymoron of \u{2018}Underage Women\u{2019}") == 0)
        // The writer's own framing is still a finding.
        #expect(count("The review treated the deaths as tragedies and closed the file.") == 1)
    }

    @Test func aQuestionAnsweredByItsMirrorIsRejected() {
        #expect(contexts("Is it his word against hers now? Why not now? If not now, when?").isEmpty)
        #expect(contexts("It is his word against hers. And why not?").count == 1)
    }

    @Test func aParagraphThatOpensWithARejectionRejectsTheParagraphBefore() {
        #expect(
            contexts(
                "Women, as we know, are fondling them. Boys will be boys.\n\nThis may not be true, but courts think so."
            )
            .isEmpty)
        #expect(contexts("Was it his word against hers?\n\nWrong question, folks. Ask why she would report.").isEmpty)
        // Only at the start of the next paragraph, and only the paragraph just before it.
        #expect(contexts("Boys will be boys.\n\nThe coach said the claim was not true.").count == 1)
        #expect(contexts("Boys will be boys.\n\nThe club met on Monday.\n\nThat's not true.").count == 1)
    }

    @Test func aOneWordNoRejectsTheQuestionBefore() {
        #expect(contexts("Was it his word against hers? No. There were three witnesses.").isEmpty)
        #expect(contexts("Was it his word against hers? Of course not!").isEmpty)
        #expect(contexts("It was his word against hers. No doubt about it.").count == 1)
    }

    @Test func wrongQuestionRejectsTheSentenceBefore() {
        #expect(contexts("Was it one person's word against another's? Wrong question, folks.").isEmpty)
        #expect(contexts("It is one person's word against another's. That's the wrong question.").isEmpty)
    }

    @Test func everyItemOfAListOfChargesIsAnOffencesName() throws {
        let set = try TestSupport.ruleSet(
            TestSupport.lexicon(["sexual activity with a minor", "engage in sexual activity", "sexual contact"]))
        func count(_ text: String) -> Int { (try! Linter(ruleSet: set).lint(text: text)).count }
        #expect(count("He is charged with lewd and lascivious battery and unlawful sexual activity with a minor.") == 0)
        #expect(
            count("He denied charges of rape, sexual assault and causing a child to engage in sexual activity.") == 0)
        #expect(count("He was charged Monday with making abusive sexual contact with a minor.") == 0)
        #expect(
            count(
                "He was found guilty of 13 offences by jurors, including inciting a child to engage in sexual activity."
            )
                == 0)
        // A new clause after the charge is the writer's own account again.
        #expect(count("He was charged with rape and he admitted sexual activity with a minor.") == 1)
        #expect(count("He was charged with rape, though the girl described sexual contact.") == 1)
        #expect(count("The girl said he would engage in sexual activity with her after school.") == 1)
        // So is a clause a subordinator or a subject opens right after the offence's name.
        #expect(count("She was charged with rape after she had sexual contact with the boy.") == 1)
        #expect(count("He was charged with assault when sexual contact was reported.") == 1)
        #expect(count("He was charged with sexual contact with a minor.") == 0)
    }

    @Test func aLongListOfChargesReachesEveryItem() throws {
        let set = try TestSupport.ruleSet(TestSupport.lexicon(["lure a child"]))
        func count(_ text: String) -> Int { (try! Linter(ruleSet: set).lint(text: text)).count }
        // Each charge is a few words; the list as a whole runs longer than any one of them.
        #expect(
            count(
                "He pleaded guilty to importation and distribution of child pornography, possession of child "
                    + "pornography, telecommunication to lure a child under 18, and extortion.") == 0)
        // One item longer than an offence's name is a description, not a charge.
        #expect(
            count(
                "He pleaded guilty to fraud, and then the court heard how he had tried for many months to lure a "
                    + "child.") == 1)
    }

    @Test func aPredicateThatDeniesTheTermMakesItAMention() {
        let set = try! TestSupport.ruleSet(
            TestSupport.lexicon(["short skirts", "walking alone", "false accusations", "sexual misconduct"]))
        func count(_ text: String) -> Int { (try! Linter(ruleSet: set).lint(text: text)).count }
        #expect(count("Short skirts do not cause rape.") == 0)
        #expect(count("Walking alone at night does not cause rape.") == 0)
        #expect(count("Short skirts are not an invitation to anyone.") == 0)
        #expect(count("False accusations do happen, but they are extremely rare.") == 0)
        // The denial must follow closely, in the same clause.
        #expect(count("She was walking alone when he attacked her, and drink does not cause rape.") == 1)
        #expect(count("Short skirts, he said, were why it happened.") == 1)
    }

    @Test func anAnswerToTheQuestionBeforeRejectsIt() {
        #expect(contexts("Why is it his word against hers? Well, I'll tell you why. Nobody listened.").isEmpty)
        #expect(contexts("Is boys will be boys an excuse? Here's why not.").isEmpty)
        // A myth-buster's answer: "The truth is, there are many reasons survivors wait".
        #expect(
            contexts("Is it his word against hers? The truth is, there are many reasons survivors wait.").isEmpty)
        #expect(contexts("Is it his word against hers? She waited for years.").count == 1)
    }

    @Test func aQuotedTermNamedAsAnExpressionIsAMention() {
        #expect(contexts("We need to axe the ridiculous expression \u{201C}sexual misconduct\u{201D}.").isEmpty)
        #expect(contexts("What the heck is \u{2018}sexual misconduct\u{2019}?").isEmpty)
        // Unquoted, the word alone is not enough: "in terms of sexual misconduct" is the writer's own use.
        #expect(contexts("In terms of sexual misconduct, the club did nothing.").count == 1)
    }

    @Test func notACaseOfReachesFurtherThanNot() {
        let set = try! TestSupport.ruleSet(TestSupport.lexicon(["bad judgement"]))
        func count(_ text: String) -> Int { (try! Linter(ruleSet: set).lint(text: text)).count }
        #expect(count("This is not a case of a young person making an extremely bad judgement call once.") == 0)
        #expect(count("This was not his first offence, and a young person making one bad judgement call is rare.") == 1)
    }

    @Test func aContractionMatchesItsBareSpelling() {
        let set = try! TestSupport.ruleSet(TestSupport.lexicon(["shouldn't have gone", "you're drunk", "its fault"]))
        func count(_ text: String) -> Int { (try! Linter(ruleSet: set).lint(text: text)).count }
        #expect(count("She shouldnt have gone to his room.") == 1)
        #expect(count("Maybe youre drunk like that and it happens.") == 1)
        // The context cues too: "didnt" is read as "didn't" is.
        let contexts = { (text: String) in (try! Linter(ruleSet: set).lint(text: text)).map(\.context) }
        #expect(
            contexts("It was not as if she didnt know youre drunk.")
                == contexts("It was not as if she didn't know you're drunk."))
        // A bare spelling that is a word of its own is left alone: "its" is not "it's", "were" not "we're".
        #expect(count("It's fault lines run under the city.") == 0)
    }

    @Test func aGoldRushSilencesGoldDiggersOnlyNearby() {
        let linter = TestSupport.linter()
        func rules(_ text: String) -> [String] { linter.lint(text: text).map(\.rule) }
        #expect(
            !rules("Life of a Gold Digger\n\nThe gold rush drew thousands to the Klondike.").contains(
                "blaming.disbelief-tropes"))
        let filler = String(repeating: "The farmer counted the sheep in the field again and again. ", count: 30)
        let far =
            (["The gold rush drew thousands to the Klondike."] + Array(repeating: filler, count: 8)
            + ["He denies the rape allegations and calls the case a witch hunt."]).joined(separator: "\n\n")
        #expect(rules(far).contains("blaming.disbelief-tropes"))
    }

    @Test func aTermNamedAsANameIsAMention() {
        let set = try! TestSupport.ruleSet(
            TestSupport.lexicon(["historic abuse", "sexual misconduct", "non-consensual sexual contact"]))
        func count(_ text: String) -> Int { (try! Linter(ruleSet: set).lint(text: text)).count }
        #expect(count("Non-recent abuse is also referred to as historic abuse.") == 0)
        #expect(count("It falls under the umbrella term of sexual misconduct.") == 0)
        #expect(
            count("Sexual misconduct, linguistically, is the administrative equivalent of misusing office supplies.")
                == 0)
        #expect(count("Sexual violence: any form of non-consensual sexual contact, such as rape or exploitation.") == 0)
        #expect(count("Sexual misconduct is a term used by the University to cover many acts.") == 0)
        // The writer's own use stays a finding.
        #expect(count("He was disciplined for sexual misconduct, such as it was, in 2019.") == 1)
        #expect(count("He is known for sexual misconduct at the office.") == 1)
    }

    @Test func aVerdictOnTheWordOrADefinitionIsAMention() {
        let set = try! TestSupport.ruleSet(TestSupport.lexicon(["accuser", "sexual misconduct", "alleged victim"]))
        func count(_ text: String) -> Int { (try! Linter(ruleSet: set).lint(text: text)).count }
        #expect(count("Accuser: Simply The Wrong Word") == 0)
        #expect(count("Sexual misconduct is considered a sexual act that occurs without consent.") == 0)
        #expect(count("\"Accuser\" has now supplanted \"victim\" or \"alleged victim\" in coverage of rape.") == 0)
        #expect(count("Her accuser testified on Tuesday.") == 1)
    }

    @Test func askingWhetherToBlameHerIsNotBlamingHer() {
        let set = try! TestSupport.ruleSet(TestSupport.lexicon(["wearing a mini skirt"]))
        func count(_ text: String) -> Int { (try! Linter(ruleSet: set).lint(text: text)).count }
        #expect(count("Should we readily blame the girl because she was wearing a mini skirt?") == 0)
        #expect(count("She was wearing a mini skirt, so what did she expect?") == 1)
    }

    @Test func someonesContentionOrAMythLabelIsAClaimUnderDiscussion() {
        let set = try! TestSupport.ruleSet(TestSupport.lexicon(["consensual relationship", "prostitute"]))
        func count(_ text: String) -> Int { (try! Linter(ruleSet: set).lint(text: text)).count }
        #expect(
            count(
                "The court refused to accept the man's contention that he was in a consensual relationship with the girl."
            )
                == 0)
        #expect(count("Myth: A child can be a prostitute.\n\nFact: children cannot consent.") == 0)
        #expect(count("He was in a consensual relationship with the girl, he says.") == 1)
    }

    @Test func aClaimTheCourtRejectedOrADefenceArgumentIsUnderDiscussion() {
        let set = try! TestSupport.ruleSet(
            TestSupport.lexicon(["forced himself on her", "fabricated rape allegations"]))
        func count(_ text: String) -> Int { (try! Linter(ruleSet: set).lint(text: text)).count }
        #expect(count("The jury rejected her claim that the burly youth had forced himself on her.") == 0)
        #expect(count("His lawyers had argued that some women fabricated rape allegations for their own ends.") == 0)
        // The writer's own words, and a claim nobody rejected, still count.
        #expect(count("The boy forced himself on her in the cupboard.") == 1)
        #expect(count("Some women fabricated rape allegations for their own ends, he wrote.") == 1)
    }

    @Test func aDefinitionItsExamplesAndARetractedExcuseAreUnderDiscussion() {
        let set = try! TestSupport.ruleSet(
            TestSupport.lexicon(["sexual misconduct", "inappropriate behavior", "unwelcome advances", "misinterpreted"])
        )
        func count(_ text: String) -> Int { (try! Linter(ruleSet: set).lint(text: text)).count }
        #expect(
            count(
                "Sexual misconduct is often used by schools, workplaces, and other institutions to describe a broader "
                    + "range of inappropriate behavior.") == 0)
        #expect(count("Sexual harassment is defined as unwelcome advances of a sexual nature.") == 0)
        #expect(
            count("Under the code, sexual exploitation includes unwelcome advances and inappropriate behavior.") == 0)
        #expect(count("Examples can include sexually suggestive comments and unwelcome advances.") == 0)
        #expect(count("By saying earlier that my words were misinterpreted, I did not take responsibility.") == 0)
        // The writer's own account still counts.
        #expect(count("He made unwelcome advances to two colleagues, and my words were misinterpreted.") == 2)
    }

    @Test func aQuestionThatRenamesTheTermAsRapeIsAMention() {
        let set = try! TestSupport.ruleSet(TestSupport.lexicon(["sex with a minor"]))
        func count(_ text: String) -> Int { (try! Linter(ruleSet: set).lint(text: text)).count }
        #expect(count("Is sex with a minor rape? YES") == 0)
        #expect(count("He had sex with a minor in 2019.") == 1)
    }

    @Test func aGerundAfterAPleaIsADescriptionNotAnOffenceName() {
        // The charge's name is a noun phrase; "having sex with" after "pleaded guilty to" is the writer's account.
        let set = try! TestSupport.ruleSet(
            TestSupport.lexicon(["having sex with", "sexual misconduct", "engaging in lewd acts"]))
        func contexts(_ text: String) -> [MatchContext?] { (try! Linter(ruleSet: set).lint(text: text)).map(\.context) }
        #expect(contexts("The teacher pleaded guilty to having sex with a pupil.") == [nil])
        #expect(contexts("She was convicted of engaging in sexual misconduct with a student.") == [nil])
        #expect(contexts("He pleaded guilty to sexual misconduct with a student.").isEmpty)
    }

    // MARK: One finding per span

    @Test func overlappingCategoriesKeepTheOneTheGuidanceListsFirst() throws {
        func finding(_ category: String, _ offset: Int, _ length: Int) -> Finding {
            Finding(
                rule: "\(category).x", category: FindingCategory(category), severity: .warning, line: 1,
                column: offset + 1,
                endLine: 1, endColumn: offset + length + 1, offset: offset, length: length, match: "m",
                message: "", suggestions: [], context: nil, fix: nil)
        }
        let kept = Linter.oneFindingPerSpan([
            finding("blaming", 0, 10), finding("intent", 5, 10), finding("vague", 30, 4),
            finding("blaming", 40, 3), finding("test", 0, 50)
        ])
        #expect(kept.map(\.category) == [.intent, .vague, .blaming, FindingCategory("test")])
    }

    @Test func nestedVagueTermsGiveOneFindingTheMoreSevereOrTheLonger() throws {
        func finding(_ category: String, _ offset: Int, _ length: Int, _ severity: Severity = .warning) -> Finding {
            Finding(
                rule: "\(category).\(offset).\(length)", category: FindingCategory(category), severity: severity,
                line: 1, column: offset + 1, endLine: 1, endColumn: offset + length + 1, offset: offset,
                length: length, match: "m", message: "", suggestions: [], context: nil, fix: nil)
        }
        // Inside another: the longer stays; the same start, or the same words, too.
        #expect(Linter.oneFindingPerSpan([finding("vague", 0, 30), finding("vague", 9, 21)]).map(\.length) == [30])
        #expect(Linter.oneFindingPerSpan([finding("vague", 5, 4), finding("vague", 5, 12)]).map(\.length) == [12])
        #expect(Linter.oneFindingPerSpan([finding("vague", 5, 4), finding("vague", 5, 4)]).count == 1)
        // An error inside a warning: the error stays.
        let severe = Linter.oneFindingPerSpan([finding("vague", 0, 30), finding("vague", 9, 21, .error)])
        #expect(severe.map(\.severity) == [.error])
        // Overlapping without one holding the other: both stay. So do nested intent or blaming findings,
        // which are different constructions with their own advice.
        #expect(Linter.oneFindingPerSpan([finding("vague", 0, 10), finding("vague", 5, 10)]).count == 2)
        #expect(Linter.oneFindingPerSpan([finding("intent", 0, 30), finding("intent", 0, 25)]).count == 2)
        #expect(Linter.oneFindingPerSpan([finding("blaming", 0, 30), finding("blaming", 3, 5)]).count == 2)
    }

    @Test func aMilderFindingInsideAMoreSevereOneOfAnotherCategoryGoes() throws {
        func finding(_ category: String, _ offset: Int, _ length: Int, _ severity: Severity) -> Finding {
            Finding(
                rule: "\(category).x", category: FindingCategory(category), severity: severity, line: 1,
                column: offset + 1, endLine: 1, endColumn: offset + length + 1, offset: offset, length: length,
                match: "m", message: "", suggestions: [], context: nil, fix: nil)
        }
        // A suggestion about one word inside a warning about the claim: the claim's warning stays.
        let inside = Linter.oneFindingPerSpan([
            finding("blaming", 0, 17, .warning), finding("vague", 5, 8, .suggestion)
        ])
        #expect(inside.map(\.category) == [.blaming])
        // The same severity, or overlapping without being inside: the catalogue order decides, as before.
        let same = Linter.oneFindingPerSpan([finding("blaming", 0, 17, .warning), finding("vague", 5, 8, .warning)])
        #expect(same.map(\.category) == [.vague])
        let across = Linter.oneFindingPerSpan([
            finding("blaming", 0, 10, .warning), finding("vague", 5, 10, .suggestion)
        ])
        #expect(across.map(\.category) == [.vague])
        // A severe word inside a milder long finding keeps the catalogue order too.
        let severeInside = Linter.oneFindingPerSpan([
            finding("blaming", 0, 17, .suggestion), finding("vague", 5, 8, .error)
        ])
        #expect(severeInside.map(\.category) == [.vague])
    }

    @Test func aVagueTermCrossingAnApologyKeepsBoth() throws {
        func finding(_ category: String, _ offset: Int, _ length: Int) -> Finding {
            Finding(
                rule: "\(category).x", category: FindingCategory(category), severity: .warning, line: 1,
                column: offset + 1, endLine: 1, endColumn: offset + length + 1, offset: offset, length: length,
                match: "m", message: "", suggestions: [], context: nil, fix: nil)
        }
        // Crossing: the condition and the euphemism are two faults, and each keeps its advice.
        let crossing = Linter.oneFindingPerSpan([finding("intent", 0, 20), finding("vague", 10, 20)])
        #expect(crossing.map(\.category) == [.intent, .vague])
        // One inside the other, or a blaming finding crossing a vague one: the catalogue order decides.
        #expect(
            Linter.oneFindingPerSpan([finding("intent", 0, 30), finding("vague", 10, 8)]).map(\.category) == [.vague])
        #expect(
            Linter.oneFindingPerSpan([finding("blaming", 0, 20), finding("vague", 10, 20)]).map(\.category) == [.vague])

        let rules = Set(
            TestSupport.linter().lint(
                text: "If at any time I touched any child inappropriately, I am deeply sorry for the abuse."
            )
            .map(\.rule))
        #expect(rules.contains("intent.conditional-apology"))
        #expect(rules.contains("vague.inappropriate-touching"))
    }

    @Test func builtInRulesKeepTheClaimOverTheWordInsideIt() {
        let found = TestSupport.linter().lint(text: "The rape allegation should be tested in court. Some accusers lie.")
        #expect(found.map(\.rule) == ["blaming.disbelief-tropes"])
    }

    @Test func builtInRulesGiveOneWarningForANestedVagueTerm() {
        let text = "The guide explains how to report sexually inappropriate behaviour by a member of staff."
        let found = TestSupport.linter().lint(text: text)
        #expect(found.map(\.match) == ["sexually inappropriate behaviour"])
        let apology = "We are sorry for any offence caused, but our staff acted in good faith over the complaint."
        #expect(Set(TestSupport.linter().lint(text: apology).map(\.rule)).count >= 2)
    }

    @Test func builtInRulesGiveOneFindingForJustBanterInAnApology() {
        let text = "I am sorry. My comments were just banter, and I never meant to hurt anyone with them."
        let found = TestSupport.linter().lint(text: text).filter { $0.match.lowercased().contains("banter") }
        #expect(found.count <= 1)
        #expect(found.allSatisfy { $0.category == .intent })
    }
}

/// Scoring with "acceptable, not required" spans, which count neither way (labelling standard).
@Suite struct NeutralSpanTests {
    @Test func aNeutralSpanIsNeitherAHitNorAMiss() throws {
        let ruleSet = try TestSupport.ruleSet(TestSupport.lexicon(["sex scandal"]))
        let linter = try Linter(ruleSet: ruleSet)
        let flaggedNeutral = try LabelledDocument.parseMarked("A [[neutral:sex scandal]] broke.", id: "a")
        let unflaggedNeutral = try LabelledDocument.parseMarked("A [[neutral:quiet word]] broke.", id: "b")
        let evaluation = Evaluation(documents: [flaggedNeutral, unflaggedNeutral], linter: linter)
        #expect(evaluation.scores["test"] == nil || evaluation.scores["test"] == Evaluation.Score())
        #expect(evaluation.scores["neutral"] == nil)
        #expect(evaluation.falsePositives.isEmpty && evaluation.falseNegatives.isEmpty)
        #expect(evaluation.spans == 0)
    }
}
