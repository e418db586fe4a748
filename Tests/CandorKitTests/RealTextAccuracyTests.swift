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

    static func evaluation(_ name: String) throws -> Evaluation {
        let path = TestSupport.packageRoot.appendingPathComponent("fixtures/real/\(name).jsonl").path
        return Evaluation(documents: try LabelledDocument.readJSONLines(path: path), linter: TestSupport.linter())
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
        #expect(test.count >= 150)
    }

    /// The recorded round's figures on the test split (docs/accuracy.md), as floors.
    static let testFloors: [String: (precision: Double, recall: Double)] = [
        // Round 24, 2026-12-03, on fresh part 24 (173 excerpts), a measurement round with no tuning: vague
        // 0.815/0.725, intent 0.667/0.500 (3 findings, 4 spans), blaming 0.391/0.444, the same as the session's first
        // build.
        "vague": (0.81, 0.72),
        "intent": (0.66, 0.50),
        "blaming": (0.39, 0.44)
    ]

    /// The dev split (parts 1 to 23) after round 24, as floors: the issue asks that dev be no worse.
    static let devFloors: [String: (precision: Double, recall: Double)] = [
        // 2026-12-03: vague 0.892/0.646, intent 0.869/0.571, blaming 0.752/0.420. Round 24 changed no rule, so
        // parts 1 to 22 stay at round 23's 0.896/0.645, 0.878/0.575, 0.757/0.423.
        "vague": (0.89, 0.64),
        "intent": (0.86, 0.57),
        "blaming": (0.75, 0.42)
    ]

    @Test func theTestSplitHoldsItsRecordedFigures() throws {
        let evaluation = try Self.evaluation("test")
        print("\nAccuracy on fixtures/real/test.jsonl:\n" + evaluation.table())
        for (category, floor) in Self.testFloors {
            let score = evaluation.scores[category] ?? .init()
            #expect(score.precision >= floor.precision, "\(category) precision \(score.precision) < \(floor.precision)")
            #expect(score.recall >= floor.recall, "\(category) recall \(score.recall) < \(floor.recall)")
        }
    }

    @Test func theDevSplitHoldsItsRecordedFigures() throws {
        let evaluation = try Self.evaluation("dev")
        print("\nAccuracy on fixtures/real/dev.jsonl:\n" + evaluation.table())
        for (category, floor) in Self.devFloors {
            let score = evaluation.scores[category] ?? .init()
            #expect(score.precision >= floor.precision, "\(category) precision \(score.precision) < \(floor.precision)")
            #expect(score.recall >= floor.recall, "\(category) recall \(score.recall) < \(floor.recall)")
        }
    }
}
