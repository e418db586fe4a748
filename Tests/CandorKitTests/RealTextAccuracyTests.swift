import Foundation
import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

/// fixtures/real: excerpts of real public writing, labelled by the standard in ../shared/labelling.md and
/// split into dev (tuned on) and test (a fresh gathering, scored only). The floors below are the figures measured on the test
/// split when its round was recorded in docs/accuracy.md, so a change that loses ground fails here; they are
/// below the target (precision 0.92, recall 0.80 per category), which docs/accuracy.md tracks.
@Suite struct RealTextAccuracyTests {
    struct Item: Decodable {
        var id: String
        var source: String
        var marked: String
    }

    static func items(_ name: String) throws -> [Item] {
        let url = TestSupport.packageRoot.appendingPathComponent("fixtures/real/\(name).jsonl")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(Item.self, from: Data($0.utf8))
        }
    }

    static func evaluation(_ name: String, options: LintOptions = LintOptions()) throws -> Evaluation {
        let path = TestSupport.packageRoot.appendingPathComponent("fixtures/real/\(name).jsonl").path
        return Evaluation(
            documents: try LabelledDocument.readJSONLines(path: path), linter: TestSupport.linter(options: options))
    }

    @Test func theCorpusIsRealSizedAndSourced() throws {
        let dev = try Self.items("dev")
        let test = try Self.items("test")
        let all = dev + test
        #expect(all.count >= 300)
        #expect(Set(all.map(\.id)).count == all.count, "ids are unique")
        #expect(Set(dev.map(\.marked)).isDisjoint(with: test.map(\.marked)), "no excerpt is in both parts")
        #expect(all.allSatisfy { $0.source.hasPrefix("http") }, "every excerpt keeps its source address")
        let documents =
            try LabelledDocument.readJSONLines(
                path: TestSupport.packageRoot.appendingPathComponent("fixtures/real/dev.jsonl").path)
            + LabelledDocument.readJSONLines(
                path: TestSupport.packageRoot.appendingPathComponent("fixtures/real/test.jsonl").path)
        let negatives = documents.filter { document in !document.spans.contains { $0.category != Evaluation.neutral } }
        #expect(negatives.count * 3 >= documents.count, "at least a third are negatives")
        // The test part is the latest fresh gathering (docs/accuracy.md); earlier test parts joined dev once read.
        // Parts held 150 to 210 excerpts until the stored pages began to run out: part 67 held 133 (round 66),
        // part 68 144 (round 67), part 69 141 (round 68), part 70 143 (round 69), part 71 143 (round 70),
        // part 72 135 (round 71), part 73 139 (round 72), part 74 135 (round 73), part 75 136 (round 74), part 76
        // 143 (round 75), part 77 132 (round 76), part 78 154 (round 77), part 79 136 (round 78), part 80 141 (round
        // 79), part 81 138 (round 80), part 82 132 (round 81), part 83 145
        // (round 82), part 84 139 (round 83), part 85 128 (round 84), part 86 133 (round 85), part 87 137
        // (round 86), part 88 138 (round 87), part 89 135 (round 88), part 90 140 (round 89), part 91 145
        // (round 90), part 92 142 (round 91), part 93 129 (round 92),
        // part 94 133 (round 93), part 95 137 (round 94), part 96 136 (round 95), part 97 133 (round 96), part 98
        // 134 (round 97), part 99 holds 129 (round 98).
        #expect(test.count >= 125)
    }

    /// The recorded round's figures on the test split (docs/accuracy.md), as floors.
    static let testFloors: [String: (precision: Double, recall: Double)] = [
        // Round 98, 2026-12-06, on fresh part 99 (129 excerpts from all five slices, six intent spans), with the
        // candidate scorer: vague 0.895/0.531, intent 0.714/0.500, blaming 0.750/0.375; round 97's build with its
        // own scorer measured the same.
        "vague": (0.89, 0.53),
        "intent": (0.71, 0.49),
        "blaming": (0.74, 0.37)
    ]

    /// The test split with `intent.sentence-model` on as well: what a user who opts in to the model sees.
    static let testFloorsWithModel: [String: (precision: Double, recall: Double)] = [
        // Round 98: the model changes nothing on part 99.
        "vague": (0.89, 0.53),
        "intent": (0.71, 0.49),
        "blaming": (0.74, 0.37)
    ]

    /// The dev split (parts 1 to 98) with the rules alone, as floors: the issue asks that dev be no worse. The
    /// scorer was trained on dev, so dev with the scorer measures nothing about text it has not seen.
    static let devFloors: [String: (precision: Double, recall: Double)] = [
        // 2026-12-06, round 98: vague 0.870/0.672, intent 0.796/0.532, blaming 0.685/0.365 (with part 98 in dev,
        // round 97's rules measured 0.869/0.671, 0.793/0.531, 0.685/0.365).
        "vague": (0.86, 0.67),
        "intent": (0.79, 0.53),
        "blaming": (0.68, 0.36)
    ]

    /// Dev with the scorer it was trained on: in-sample, so high. It fails when `lexicons/scorer.tsv` is not the
    /// one `fixtures/real/tools/train_scorer.py` writes from dev (a stale or hand-edited scorer).
    static let devWithScorerFloors: [String: (precision: Double, recall: Double)] = [
        // 2026-12-06, round 98, with the scorer trained on parts 1 to 98 and its own veto for each category
        // (vague 0.3, intent 0.25, blaming 0.2, chosen on parts left out in turn; docs/accuracy.md, round 65):
        // vague 0.920/0.677, intent 0.858/0.536, blaming 0.783/0.367.
        // In-sample, so a lower veto only lets through false positives the fit pushed down.
        "vague": (0.91, 0.67),
        "intent": (0.85, 0.53),
        "blaming": (0.77, 0.36)
    ]

    static func check(_ evaluation: Evaluation, _ floors: [String: (precision: Double, recall: Double)]) {
        for (category, floor) in floors {
            let score = evaluation.scores[category] ?? .init()
            #expect(score.precision >= floor.precision, "\(category) precision \(score.precision) < \(floor.precision)")
            #expect(score.recall >= floor.recall, "\(category) recall \(score.recall) < \(floor.recall)")
        }
    }

    @Test func theTestSplitHoldsItsRecordedFigures() throws {
        let evaluation = try Self.evaluation("test")
        print("\nAccuracy on fixtures/real/test.jsonl:\n" + evaluation.table())
        Self.check(evaluation, Self.testFloors)
    }

    @Test func theTestSplitHoldsItsRecordedFiguresWithTheSentenceModel() throws {
        var options = LintOptions()
        options.enabledRules.insert("intent.sentence-model")
        let evaluation = try Self.evaluation("test", options: options)
        print("\nAccuracy on fixtures/real/test.jsonl, with intent.sentence-model:\n" + evaluation.table())
        Self.check(evaluation, Self.testFloorsWithModel)
    }

    @Test func theDevSplitHoldsItsRecordedFigures() throws {
        var options = LintOptions()
        options.usesScorer = false
        let evaluation = try Self.evaluation("dev", options: options)
        print("\nAccuracy on fixtures/real/dev.jsonl, the rules alone:\n" + evaluation.table())
        Self.check(evaluation, Self.devFloors)
        let withScorer = try Self.evaluation("dev")
        print("\nAccuracy on fixtures/real/dev.jsonl with the scorer (in-sample):\n" + withScorer.table())
        Self.check(withScorer, Self.devWithScorerFloors)
    }
}
