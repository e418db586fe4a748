import Foundation
import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

/// The labelled drafts in fixtures/labelled: precision must stay at or above 0.95 and recall at or above
/// 0.90 in every category. The table is printed so that a run shows where the rules stand.
@Suite struct AccuracyTests {
    static func labelledDocuments() throws -> [LabelledDocument] {
        let folder = TestSupport.packageRoot.appendingPathComponent("fixtures/labelled")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
            .sorted()
        return try names.map { name in
            try LabelledDocument.parseMarked(
                String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8), id: name)
        }
    }

    @Test func theCorpusIsBigEnough() throws {
        let documents = try Self.labelledDocuments()
        #expect(documents.count >= 60)
        #expect(documents.reduce(0) { $0 + $1.spans.count } >= 250)
        #expect(documents.filter { $0.spans.isEmpty }.count >= 25)
    }

    @Test func precisionAndRecallMeetTheBar() throws {
        let evaluation = Evaluation(documents: try Self.labelledDocuments(), linter: TestSupport.linter())
        print("\nAccuracy on fixtures/labelled:\n" + evaluation.table())
        for miss in evaluation.falsePositives {
            print("  false positive \(miss.document): \(miss.rule ?? "") \"\(miss.text)\"")
        }
        for miss in evaluation.falseNegatives {
            print("  missed         \(miss.document): \(miss.category) \"\(miss.text)\"")
        }
        for category in ["vague", "intent", "blaming"] {
            let score = evaluation.scores[category] ?? .init()
            #expect(score.precision >= 0.95, "\(category) precision \(score.precision)")
            #expect(score.recall >= 0.90, "\(category) recall \(score.recall)")
        }
    }

    /// fixtures/heldout was written to the guidance and is never tuned or trained on. The candidate scorer learns
    /// from real labellers, who mark some constructions less often than the guidance asks; this holds it to the
    /// guidance's own texts it has not seen (docs/accuracy.md, round 27).
    @Test func theHeldOutDraftsStayWhereTheyWere() throws {
        let folder = TestSupport.packageRoot.appendingPathComponent("fixtures/heldout")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
        let documents = try names.sorted().map { name in
            try LabelledDocument.parseMarked(
                String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8), id: name)
        }
        #expect(documents.count >= 30)
        let evaluation = Evaluation(documents: documents, linter: TestSupport.linter())
        for miss in evaluation.falsePositives + evaluation.falseNegatives {
            print("  heldout \(miss.document): \(miss.category) \(miss.rule ?? "") \"\(miss.text)\"")
        }
        // 2026-12-03, round 27: 1.000/1.000 in every category, with the scorer and without.
        for category in ["vague", "intent", "blaming"] {
            let score = evaluation.scores[category] ?? .init()
            #expect(score.precision >= 1.0, "\(category) precision \(score.precision)")
            #expect(score.recall >= 1.0, "\(category) recall \(score.recall)")
        }
    }

    @Test func markersParseToByteSpans() throws {
        let document = try LabelledDocument.parseMarked(
            "Über [[vague:sexual misconduct]] and [[intent.x:never meant to]].", id: "t")
        #expect(document.text == "Über sexual misconduct and never meant to.")
        #expect(document.spans == [.init(range: 6..<23, category: "vague"), .init(range: 28..<42, category: "intent")])
        #expect(throws: EvaluationError.self) { try LabelledDocument.parseMarked("a [[vague:b", id: "t") }
        #expect(throws: EvaluationError.self) { try LabelledDocument.parseMarked("a [[b]]", id: "t") }
    }

    @Test func scoringCountsOverlapsByCategory() throws {
        let ruleSet = try TestSupport.ruleSet(TestSupport.lexicon(["sexual misconduct", "scandal"]))
        let documents = [
            try LabelledDocument.parseMarked(
                "He faced [[test:sexual misconduct]] claims. A scandal. [[test:Hidden harm]].", id: "a"),
            try LabelledDocument.parseMarked("\"A scandal,\" he said.", id: "b")
        ]
        let evaluation = Evaluation(documents: documents, linter: try Linter(ruleSet: ruleSet))
        // Recall counts spans: two findings on one span recall it once.
        let twice = try LabelledDocument.parseMarked("[[test:A scandal and sexual misconduct]].", id: "c")
        let doubled = Evaluation(documents: [twice], linter: try Linter(ruleSet: ruleSet))
        #expect(
            doubled.scores["test"]
                == Evaluation.Score(truePositives: 2, falsePositives: 0, falseNegatives: 0, recalledSpans: 1))
        #expect(
            evaluation.scores["test"]
                == Evaluation.Score(truePositives: 1, falsePositives: 1, falseNegatives: 1, recalledSpans: 1))
    }

    @Test func eachRuleIsScoredWithTheRuleThatCostsMostFirst() throws {
        let ruleSet = try TestSupport.ruleSet(TestSupport.lexicon(["sexual misconduct", "scandal"]))
        let documents = [
            try LabelledDocument.parseMarked("He faced [[test:sexual misconduct]] claims. A scandal.", id: "a"),
            try LabelledDocument.parseMarked("[[neutral:A scandal]] broke. Another scandal.", id: "b"),
            try LabelledDocument.parseMarked("\"A scandal,\" he said.", id: "c")
        ]
        let evaluation = Evaluation(documents: documents, linter: try Linter(ruleSet: ruleSet))
        // "sexual misconduct" is rule test.r0 and "scandal" test.r1; the quoted scandal is not scored.
        #expect(evaluation.ruleScores["test.r0"] == Evaluation.RuleScore(hits: 1, falsePositives: 0, neutral: 0))
        #expect(evaluation.ruleScores["test.r1"] == Evaluation.RuleScore(hits: 0, falsePositives: 2, neutral: 1))
        let lines = evaluation.ruleTable().split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("test.r1 ") && lines[1].hasSuffix("0.000"))
        #expect(lines[2].hasPrefix("test.r0 ") && lines[2].hasSuffix("1.000"))
    }
}
