import Foundation
import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

/// Context decisions for phrases real text uses in ways a plain rule misreads: a stock frame in scare quotes, a
/// term weighed as a label in a one-word question, a rejection that opens the next sentence, a comparison that
/// looks like a negation, a denied knowledge of the act, what "those who claim" believe, a charge that tells what
/// was done to someone, and a headline's institution that speaks.
@Suite struct StockPhraseContextTests {
    /// The "he said, she said" rule, with `scare-quotes:` set to `value` or left out.
    static func frameLexicon(scareQuotes value: String?) -> String {
        let field = value.map { "    scare-quotes: \($0)\n" } ?? ""
        return """
            category: test
            rules:
              - id: test.frame
                severity: warning
                guidance: B6
                principles: [B7]
                patterns:
                  - "[he|she] said (,) [he|she] said"
                  - "[he|she] said (,) / [he|she] said"
            \(field)    message: 'flagged {match}'
                suggestions: [describe the evidence]
                why: B7 test.
                examples:
                  flag: [x]
                  pass: [y]

            """
    }

    static func rules(scareQuotes: String?) -> RuleSet {
        let yaml = frameLexicon(scareQuotes: scareQuotes)
        let terms = """
            category: vague
            rules:
              - id: vague.term
                severity: warning
                guidance: V1
                principles: [B1]
                patterns:
                  - sexual misconduct
                  - prostitutes
                message: 'flagged {match}'
                suggestions: [name the act]
                why: B1 test.
                examples:
                  flag: [x]
                  pass: [y]

            """
        return try! RuleSet.compile([
            LexiconLoader.parse(yaml, path: "frames.yml"), LexiconLoader.parse(terms, path: "terms.yml")
        ])
    }

    static let scareQuotesAreUse = rules(scareQuotes: "use")
    static let plain = rules(scareQuotes: nil)

    func findings(_ text: String, _ ruleSet: RuleSet = scareQuotesAreUse) -> [Finding] {
        try! Linter(ruleSet: ruleSet).lint(text: text)
    }

    // MARK: Scare quotes

    @Test func singleQuotesAroundSomeoneSpeakingAsIAreTheirWords() {
        let account = "Captain Duggan came in. ‘I was there, watching TV, and he started the sexual misconduct.’"
        #expect(findings(account).map(\.context) == [.quoted])
        // A headline's single quotes report an allegation in the writer's voice.
        #expect(findings("Teacher ‘committed sexual misconduct with pupil’").map(\.context) == [nil])
        // A writer who speaks as "I" is quoting themself.
        let own = "I told him: ‘I have seen sexual misconduct here before.’"
        #expect(findings(own).map(\.context) == [nil])
    }

    @Test func aStockFrameInScareQuotesIsTheWritersOwnWhenTheRuleSaysSo() {
        let text = "Most rape trials come down to a “he said, she said” contest that juries resolve for him."
        #expect(findings(text).map(\.context) == [nil])
        #expect(findings(text, Self.plain).map(\.context) == [.quoted])
    }

    @Test func theSaidInsideTheFrameIsNotASpeaker() {
        let headline = "How Houston Juries Resolve “He Said/She Said” Rape Cases"
        #expect(findings(headline).map(\.match) == ["He Said/She Said"])
        #expect(findings(headline).map(\.context) == [nil])
    }

    @Test func aSpeakerStillMakesTheFrameQuoted() {
        #expect(findings("The detective said it was a “he said, she said” case.").map(\.context) == [.quoted])
        #expect(findings("“It’s a he said, she said,” the lawyer told the jury.").map(\.context) == [.quoted])
    }

    @Test func scareQuotesMustBeUseOrQuoted() throws {
        let yaml = Self.frameLexicon(scareQuotes: "sometimes")
        #expect(throws: (any Error).self) { try LexiconLoader.parse(yaml, path: "team.yml") }
        do {
            _ = try LexiconLoader.parse(yaml, path: "team.yml")
        } catch {
            #expect("\(error)".contains("scare-quotes 'sometimes' is not 'use' or 'quoted'"))
        }
        #expect(
            try LexiconLoader.parse(Self.frameLexicon(scareQuotes: "use"), path: "t.yml").rules[0].scareQuotesAreUse)
        #expect(
            try !LexiconLoader.parse(Self.frameLexicon(scareQuotes: "quoted"), path: "t.yml").rules[0].scareQuotesAreUse
        )
        #expect(try !LexiconLoader.parse(Self.frameLexicon(scareQuotes: nil), path: "t.yml").rules[0].scareQuotesAreUse)
    }

    @Test func theFieldSurvivesTheBuiltSnapshot() throws {
        let lexicon = try LexiconLoader.parse(Self.frameLexicon(scareQuotes: "use"), path: "team.yml")
        let bytes = RuleSetSnapshot.encode(lexicons: [lexicon], ruleSet: try RuleSet.compile([lexicon]))
        let decoded = try RuleSetSnapshot.decode(bytes)
        #expect(decoded.lexicons[0].rules[0].scareQuotesAreUse)
        #expect(decoded.ruleSet.rules[0].scareQuotesAreUse)
    }

    // MARK: A term weighed as a label

    @Test func aTermAloneAsAQuestionIsNamedNotUsed() {
        let text = "We don't seem sure what to call it. Sexual harassment? Sexual misconduct?"
        #expect(findings(text).isEmpty)
        #expect(findings("Was it sexual misconduct? The board thinks so.").count == 1)
    }

    // MARK: Negation and rejection

    @Test func butItsNotRejectsTheSentenceBefore() {
        #expect(findings("Some call what he did sexual misconduct. But it's not.").isEmpty)
        #expect(findings("Some call what he did sexual misconduct. But it's not the only word.").count == 1)
    }

    @Test func notSoMuchComparesRatherThanDenies() {
        #expect(findings("The real problem isn't so much the sexual misconduct itself, but the cover-up.").count == 1)
        #expect(findings("There was no sexual misconduct at the school.").isEmpty)
    }

    @Test func regardlessOfRulesWhatFollowsIrrelevant() {
        #expect(
            findings("Anyone can report, regardless of whether it was sexual misconduct or something worse.").isEmpty)
        #expect(findings("Anyone can report sexual misconduct, whatever happened.").count == 1)
    }

    @Test func aQuotedNameOthersGiveAKindOfCaseIsAMention() {
        #expect(findings("Such cases are often reported as “sexual misconduct” in the press.").isEmpty)
        #expect(findings("Such cases are often reported as sexual misconduct in the press.").count == 1)
    }

    @Test func howHardATaskIsDoesNotDenyWhatItIsAbout() {
        #expect(findings("It isn't easy to write about the sexual misconduct that has plagued the club.").count == 1)
        #expect(findings("It isn't true that there was sexual misconduct at the club.").isEmpty)
    }

    @Test func aDeniedKnowledgeOfTheActIsNotADenialOfTheAct() {
        let text = "No information indicated that the school knew anything about the sexual misconduct with pupils."
        #expect(findings(text).count == 1)
        #expect(findings("No evidence of any sexual misconduct was found.").isEmpty)
    }

    @Test func whatThoseWhoClaimBelieveIsTheirArgumentWithOrWithoutThat() {
        #expect(findings("Those who claim it was sexual misconduct want him sacked.").isEmpty)
        #expect(findings("Those who claim that it was sexual misconduct want him sacked.").isEmpty)
        #expect(findings("Women who claim sexual misconduct are often ignored.").count == 1)
    }

    @Test func aDoubtTheWriterHasHeardIsSomeoneElses() {
        #expect(findings("I've heard people say it was sexual misconduct, and I want to answer them.").isEmpty)
        #expect(findings("The jury heard someone say the sexual misconduct went on for years.").count == 1)
    }

    @Test func aBeliefNamedAsSomeonesBeliefIsTheirs() {
        #expect(findings("The 99 out of 100 voters who believe that it was sexual misconduct want him gone.").isEmpty)
        #expect(findings("The voters who saw the sexual misconduct want him gone.").count == 1)
    }

    @Test func womenWhoToldPoliceReportWhatHappenedAndAdviceGivenToThemIsPassive() {
        // An account the women gave is the writer's report of it (guidance §C.1), not advice they were given.
        #expect(findings("Seven women told police that the sexual misconduct went on for years.").count == 1)
        #expect(findings("Women are often told that sexual misconduct is their fault.").isEmpty)
    }

    @Test func aNegationOfWhatIsSaidAboutPartOfTheThingLeavesTheTermInUse() {
        #expect(findings("There was no evidence that any of the sexual misconduct involved students.").count == 1)
        #expect(findings("None of this sexual misconduct was ever reported.").count == 1)
        #expect(findings("There was no evidence of sexual misconduct.").isEmpty)
    }

    @Test func anArgumentNamedInOrderToRejectItIsSomeonesClaim() {
        #expect(findings("He said the argument that it was sexual misconduct is flawed.").isEmpty)
        #expect(findings("He made the argument in court. It was sexual misconduct.").count == 1)
    }

    // MARK: Charges

    @Test func aChargeThatTellsWhatWasDoneToSomeoneIsTheWritersAccount() {
        let account =
            "Police charged them with bringing women into the country and forcing them to work as prostitutes."
        #expect(findings(account).count == 1)
        #expect(findings("He was charged with kidnapping, assault and sexual misconduct.").isEmpty)
    }

    @Test func afterOffenceOfAGerundIsTheOffencesName() {
        #expect(findings("He pleaded guilty to the offence of having committed sexual misconduct in office.").isEmpty)
        #expect(findings("He pleaded guilty to assault after having committed sexual misconduct in office.").count == 1)
    }

    @Test func anItemThatOpensWithWithTellsAboutTheChargesAndNamesNone() {
        #expect(
            findings("He was indicted on charges of fraud, with some of the sexual misconduct years old.").count == 1)
        #expect(findings("He was indicted on charges of fraud, sexual misconduct and theft.").isEmpty)
    }

    // MARK: Names

    @Test func aHeadlineWhoseInstitutionSpeaksIsNotAName() {
        #expect(findings("Oklahoma Court Says Sexual Misconduct Claim Was Not Proven").count == 1)
        #expect(findings("Oklahoma Court Sexual Misconduct Unit Opens").isEmpty)
    }
}
