import Foundation
import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

@Suite struct MessageTestTests {
    func card(_ text: String, path: String = "draft.txt", kind: String? = nil, weights: [String: Double] = [:])
        -> Scorecard
    {
        MessageTester(weights: weights, kind: kind).scorecard(
            for: SourceDocument(path: path, text: text), linter: TestSupport.linter())
    }

    func status(_ card: Scorecard, _ id: String) -> TestStatus? { card.results.first { $0.id == id }?.status }

    let good = """
        I groped a colleague at the staff party in March. That was sexual assault, and I take full responsibility for it.

        I am sorry for what I did to her and for the fear she has lived with since. I have resigned, and the firm will \
        introduce harassment training and an independent reporting line.
        """

    @Test func aGoodApologyPassesEveryTestThatApplies() {
        let result = card(good)
        #expect(status(result, "names-harm") == .pass)
        #expect(status(result, "apology") == .pass)
        #expect(status(result, "blame") == .pass)
        #expect(status(result, "prevention") == .pass)
        #expect((result.score ?? 0) >= 90)
    }

    @Test func sorryThenIntentFailsTheApology() {
        let result = card("I'm sorry. I never meant to make anyone uncomfortable, and my intentions were good.")
        #expect(status(result, "apology") == .fail)
        let components = result.results.first { $0.id == "apology" }!.components
        #expect(components.first { $0.name.contains("intent") }?.status == .fail)
        #expect(components.first { $0.name.contains("responsibility") }?.status == .fail)
    }

    @Test func aPlainVerbForTheActNamesTheHarm() {
        // Each of these alone says what happened; the signal lists once read them only as longer phrases.
        for text in [
            "I groped her at the party last year. I am sorry.", "He stalked her for months.",
            "He beat her when she tried to leave."
        ] {
            #expect(status(card(text), "names-harm") == .pass, "\(text)")
        }
    }

    @Test func phraseSignalsMatchEachPhraseOnItsOwn() {
        // The help and prevention lists once read "helpline|hotline|crisis line" as a three-word sequence.
        let apology = "I groped a colleague at the party. I am sorry. "
        for text in [
            "Call the helpline on 0800 123 456.", "Samaritans are there day and night.", "Contact Rape Crisis."
        ] {
            #expect(status(card(apology + text, weights: ["help": 10]), "help") == .pass, "\(text)")
        }
        for text in [
            "We will change the culture and fund counselling.", "We will write a policy and report abuse to the police."
        ] {
            #expect(status(card(apology + text), "prevention") == .pass, "\(text)")
        }
    }

    @Test func condemningWithoutNamingAnythingFails() {
        let result = card(
            "We condemn the sexual misconduct that took place at our club. Inappropriate behaviour has no place here.")
        #expect(status(result, "names-harm") == .fail)
    }

    @Test func agentlessPassivesLowerAgency() {
        let passive = card("A student was raped on campus on Friday. She was assaulted near the library.")
        #expect(status(passive, "agency") == .fail)
        let active = card(
            "A man raped a student on campus on Friday. Her former partner assaulted her near the library.")
        #expect(status(active, "agency") == .pass)
    }

    @Test func blameInTheWritersVoiceFails() {
        #expect(
            status(
                card("The student was raped after a party. She was drunk and what she was wearing did not help."),
                "blame") == .fail)
        #expect(
            status(
                card("The club said the rape allegations were a witch hunt. An investigation found they were true."),
                "blame") == .warn)
    }

    @Test func preventionAndKind() {
        let plain = "The coach raped a 14-year-old player in 2019."
        #expect(status(card(plain), "prevention") == .warn)
        #expect(status(card(plain, kind: "news"), "prevention") == .notApplicable)
        #expect(
            status(
                card(plain + " The league will require safeguarding training and bystander education."), "prevention")
                == .pass)
    }

    @Test func notAnApologyIsNotApplicable() {
        #expect(status(card("The coach raped a player."), "apology") == .notApplicable)
    }

    @Test func weightsChangeTheScore() {
        let text = "We condemn sexual misconduct."
        let heavy = card(text, weights: ["names-harm": 100])
        let light = card(text, weights: ["names-harm": 0])
        #expect((heavy.score ?? 100) < (light.score ?? 0))
    }

    @Test func plainLanguageMeasuresGrade() {
        let dense =
            String(
                repeating: "Institutional organisational accountability mechanisms notwithstanding, "
                    + "comprehensive multidisciplinary interventions necessitate considerable interdepartmental coordination, ",
                count: 3) + "evidently."
        #expect(status(card(dense), "plain-language") == .fail)
        #expect(status(card("He hit her. She left him. She is safe now."), "plain-language") == .pass)
    }

    @Test func scorecardsRenderAsTextAndJSON() throws {
        let cards = [card(good, path: "a.txt"), card("I'm sorry if anyone was offended.", path: "b.txt")]
        let reporter = ScorecardReporter(color: false)
        #expect(reporter.text(cards).contains("Apology anatomy"))
        let comparison = reporter.compare(cards)
        #expect(
            comparison.contains("a.txt") && comparison.contains("b.txt")
                && comparison.contains("Follows the guidance best: a.txt"))
        let json = reporter.json(cards)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let drafts = object["drafts"] as! [[String: Any]]
        #expect(drafts.count == 2)
        #expect((drafts[0]["tests"] as! [[String: Any]]).count == MessageTester.tests.count)
    }
}
