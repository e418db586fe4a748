import CandorBuiltins
import Foundation
import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

/// Sentence models (`SentenceModel`, `model:` in a rule): features, gating, loading, and how their findings
/// give way to a pattern's.
@Suite struct SentenceModelTests {
    /// A model that flags any first-person sentence with "sorry" in it.
    static let tinyModel = """
        # test model
        threshold\t0.5
        veto\t0.5
        intercept\t-1
        w:sorry\t20
        b:so sorry\t-60

        """

    static let lexicon = """
        category: intent
        rules:
          - id: intent.tiny-model
            severity: suggestion
            guidance: I3
            principles: [B13]
            model: tiny
            message: 'model says so'
            suggestions: [something plainer]
            why: B13 test.
            examples:
              flag: ['[[I am sorry]].']
              pass: ['I am glad.']
          - id: intent.sorry-pattern
            severity: warning
            guidance: I2
            principles: [B13]
            patterns: ['sorry for the upset']
            message: 'pattern says so'
            suggestions: [something plainer]
            why: B13 test.
            examples:
              flag: ['I am [[sorry for the upset]].']
              pass: ['I am glad.']

        """

    static func ruleSet() throws -> RuleSet {
        var lexicon = try LexiconLoader.parse(Self.lexicon, path: "tiny.yml")
        lexicon.sentenceModels["tiny"] = try SentenceModel(parsing: Self.tinyModel, path: "tiny.tsv")
        return try RuleSet.compile([lexicon])
    }

    func probability(_ model: SentenceModel, _ sentence: String) -> Double? {
        let bytes = Array(sentence.utf8)
        return bytes.withUnsafeBufferPointer { model.probability(text: $0, range: 0..<bytes.count) }
    }

    /// `train_sentence_model.py` writes sentences with the probability it gives them into the model file; Swift
    /// must give the same, or the model it ships is not the one that was measured.
    @Test func theSwiftFeaturesMatchTheTrainingScript() throws {
        let path = TestSupport.packageRoot.appendingPathComponent("lexicons/intent-sentences.tsv").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let model = try SentenceModel(parsing: text, path: path)
        let checks = text.split(separator: "\n").filter { $0.hasPrefix("# check\t") }
        #expect(checks.count >= 3)
        for check in checks {
            let fields = check.split(separator: "\t", maxSplits: 2).map(String.init)
            let expected = try #require(Double(fields[1]))
            let actual = try #require(probability(model, fields[2]), "\(fields[2]) has a first-person word")
            #expect(abs(actual - expected) < 1e-6, "\(fields[2]): Swift \(actual), Python \(expected)")
        }
    }

    @Test func onlyFirstPersonSentencesAreJudged() throws {
        let model = try SentenceModel(parsing: Self.tinyModel, path: "tiny.tsv")
        #expect(probability(model, "The coach said he was sorry.") == nil)
        #expect(probability(model, "We are sorry.")! > 0.99)
        #expect(probability(model, "I’m sorry.")! > 0.99)
    }

    @Test func wordsAreLowerCasedAndCurlyApostrophesAreStraight() throws {
        let model = try SentenceModel(parsing: Self.tinyModel, path: "tiny.tsv")
        #expect(probability(model, "I didn’t mean it, SORRY") == probability(model, "i didn't mean it sorry"))
        // A word pair has its own weight: "so sorry" outweighs "sorry".
        #expect(probability(model, "I am so sorry")! < 0.01)
    }

    /// The model reads sentences as `train_sentence_model.py` splits them: after `.`, `!` or `?` (and a closing
    /// quotation mark) where white space follows, and at line breaks; a chosen sentence runs from its first word
    /// to its last.
    @Test func sentencesAreSplitAsTheTrainingScriptSplitsThem() throws {
        let model = try SentenceModel(parsing: Self.tinyModel, path: "tiny.tsv")
        func chosen(_ text: String) -> [String] {
            let bytes = Array(text.utf8)
            var scratch = SentenceModel.Scratch()
            var found: [String] = []
            bytes.withUnsafeBufferPointer { buffer in
                model.sentences(text: buffer, range: 0..<bytes.count, scratch: &scratch) {
                    found.append(String(decoding: bytes[$0], as: UTF8.self))
                }
            }
            return found
        }
        #expect(chosen("The board met. I am sorry! We left? Sorry, we are.") == ["I am sorry", "Sorry, we are"])
        #expect(chosen("“We are sorry.” The board is sorry.") == ["We are sorry"])
        #expect(chosen("And we are sorry.’ The board is sorry.") == ["And we are sorry"])
        // An opening ‘ is read as an apostrophe, as the training script reads it: "‘we" is not "we".
        #expect(chosen("‘We are sorry.’") == [])
        #expect(chosen("The board is sorry\nsorry we are") == ["sorry we are"])
        // No white space after the stop, no break: "sorry.Really" is one sentence, and "Mr." ends one.
        #expect(chosen("I am sorry.Really") == ["I am sorry.Really"])
        #expect(chosen("Mr. Smith is sorry. So are we, sorry") == ["So are we, sorry"])
        // The scratch buffers are reused: a second block is read from a clean start.
        #expect(chosen("I’m sorry") == ["I’m sorry"])
        #expect(chosen("") == [])
    }

    @Test func aModelChoosesWholeSentencesAndGivesWayToAPattern() throws {
        let linter = try Linter(ruleSet: Self.ruleSet())
        let alone = linter.lint(text: "The board met today. I am truly sorry, everyone.")
        #expect(alone.map(\.rule) == ["intent.tiny-model"])
        #expect(alone.first?.match == "I am truly sorry, everyone")
        // A pattern's finding of the same category in the sentence names the words; the model's goes.
        let both = linter.lint(text: "I am sorry for the upset I caused.")
        #expect(both.map(\.rule) == ["intent.sorry-pattern"])
        #expect(linter.lint(text: "The coach is sorry.").isEmpty)
    }

    @Test func aModelRuleIsCheckedWhenItIsLoaded() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("candor-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("rules.yml").path
        try Self.lexicon.write(toFile: path, atomically: true, encoding: .utf8)
        // The model file is missing: the error names the rule and the file.
        #expect {
            try LexiconLoader.load(path: path)
        } throws: { error in
            "\(error)".contains("intent.tiny-model") && "\(error)".contains("tiny.tsv")
        }
        try Self.tinyModel.write(
            toFile: folder.appendingPathComponent("tiny.tsv").path, atomically: true, encoding: .utf8)
        let lexicon = try LexiconLoader.load(path: path)
        #expect(lexicon.sentenceModels["tiny"] != nil)
        #expect(lexicon.rules.first?.model == "tiny")
        // A broken model file names its line.
        try "threshold\tnot a number\n".write(
            toFile: folder.appendingPathComponent("tiny.tsv").path, atomically: true, encoding: .utf8)
        #expect {
            try LexiconLoader.load(path: path)
        } throws: { error in
            "\(error)".contains("tiny.tsv:1")
        }
    }

    @Test func aRuleHasPatternsOrAModelNotBoth() {
        let both = Self.lexicon.replacingOccurrences(
            of: "    model: tiny\n", with: "    model: tiny\n    patterns: ['sorry']\n")
        #expect(throws: YAMLFileError.self) { try LexiconLoader.parse(both, path: "both.yml") }
        let neither = Self.lexicon.replacingOccurrences(of: "    model: tiny\n", with: "")
        #expect {
            try LexiconLoader.parse(neither, path: "neither.yml")
        } throws: { error in
            "\(error)".contains("'patterns'")
        }
    }

    @Test func theBuiltInModelTravelsInTheSnapshot() throws {
        let ruleSet = try BuiltinRules.decodeSnapshot().ruleSet
        let index = try #require(ruleSet.rules.firstIndex { $0.id == "intent.sentence-model" })
        #expect(ruleSet.rules[index].model == "intent-sentences")
        #expect(ruleSet.sentenceModels["intent-sentences"] != nil)
        #expect(ruleSet.modelRules.contains { $0.rule == index })
        // Off by default; on, it flags a sentence no pattern has.
        #expect(!ruleSet.rules[index].enabled)
        var options = LintOptions()
        options.enabledRules.insert("intent.sentence-model")
        let text = "I deny the harassment complaint. We were close friends and I thought the feeling was mutual."
        #expect(try Linter(ruleSet: ruleSet).lint(text: text).isEmpty)
        #expect(
            try Linter(ruleSet: ruleSet, options: options).lint(text: text).map(\.rule) == ["intent.sentence-model"])
    }
}
