import CandorBuiltins
import Foundation
import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

/// The candidate scorer: its file format, its features, and the one job it has in the pipeline (keeping a
/// built-in rule's match an exception dropped, or dropping one the rules kept), never more.
@Suite struct CandidateScorerTests {
    // MARK: File format

    @Test func parsesThresholdVetoInterceptAndWeights() throws {
        let scorer = try CandidateScorer(
            parsing: "# comment\nthreshold\t0.5\nveto\t0.3\nintercept\t-0.5\nm=joke\t-2.5\nrw=here\t4\n", path: "s.tsv")
        #expect(scorer.threshold == 0.5)
        #expect(scorer.veto == 0.3)
        #expect(abs(scorer.probability([]) - 1 / (1 + exp(0.5))) < 1e-12)
        #expect(abs(scorer.probability(["rw=here", "unknown"]) - 1 / (1 + exp(-3.5))) < 1e-12)
        #expect(scorer.keeps(["rw=here"], rulesKeep: false))
        #expect(!scorer.keeps([], rulesKeep: false), "0.38 is below the threshold")
        #expect(!scorer.keeps(["m=joke"], rulesKeep: true), "0.05 is below the veto")
        #expect(scorer.keeps([], rulesKeep: true), "0.38 is below the threshold but not the veto")
    }

    @Test func aCategoryMayHaveItsOwnVeto() throws {
        let scorer = try CandidateScorer(
            parsing: "threshold\t0.5\nveto\t0.3\nveto.blaming\t0.05\nintercept\t0\nm=joke\t-2.5\n", path: "s.tsv")
        #expect(scorer.veto(for: "blaming") == 0.05)
        #expect(scorer.veto(for: "vague") == 0.3, "a category without its own line takes the file's veto")
        // m=joke alone: probability 0.076, under the file's veto and over blaming's.
        #expect(!scorer.keeps(["m=joke"], rulesKeep: true, category: "vague"))
        #expect(scorer.keeps(["m=joke"], rulesKeep: true, category: "blaming"))
        #expect(!scorer.keeps(["m=joke"], rulesKeep: false, category: "blaming"), "the threshold is not a veto")
        let copy = try #require(CandidateScorer(encoded: scorer.encoded()))
        #expect(copy.veto(for: "blaming") == 0.05 && copy.veto(for: "intent") == 0.3)
        #expect(CandidateScorer(encoded: Array(scorer.encoded().prefix(60))) == nil, "cut inside the vetoes")
    }

    @Test(arguments: [
        ("threshold\t0.5\nveto\t0.3\n", "s.tsv:1:1: needs a 'threshold', a 'veto' and an 'intercept' line"),
        ("threshold\t0.5\nveto\t0.3\nveto.\t0.1\nintercept\t0\n", "s.tsv:3:1: 'veto.' needs a category"),
        (
            "threshold\t0.5\nveto\t0.3\nveto.intent\t0.1\nveto.intent\t0.2\nintercept\t0\n",
            "s.tsv:4:1: 'veto.intent' is listed twice"
        ),
        ("threshold\t0.5\nveto\t0.3\nveto.intent\t0.7\nintercept\t0\n", "s.tsv:1:1: veto must not be above threshold"),
        ("threshold\t0.5\nveto\t0.3\nintercept\t0\nm=a\tlots\n", "s.tsv:4:1: expected 'feature<TAB>weight'"),
        ("threshold\t0.5\nveto\t0.3\nintercept\t0\nm=a 1\n", "s.tsv:4:1: expected 'feature<TAB>weight'"),
        ("threshold\t0.5\nveto\t0.3\nintercept\t0\nm=a\t1\nm=a\t2\n", "s.tsv:5:1: feature 'm=a' is listed twice"),
        ("threshold\t1.5\nveto\t0.3\nintercept\t0\n", "s.tsv:1:1: threshold must be between 0 and 1"),
        ("threshold\t0.3\nveto\t0.5\nintercept\t0\n", "s.tsv:1:1: veto must not be above threshold"),
        ("threshold\t0.5\nveto\t0.3\nintercept\tnan\n", "s.tsv:3:1: expected 'feature<TAB>weight' with a finite")
    ])
    func brokenFilesNameTheLine(text: String, message: String) {
        #expect {
            _ = try CandidateScorer(parsing: text, path: "s.tsv")
        } throws: { error in
            "\(error)".hasPrefix(message)
        }
    }

    @Test func hashedFeaturesAreTheNamesHashed() {
        let text = Array("He said it was “just banter”, nothing more, at the Café Zoë on Friday.".utf8)
        let start = "He said it was “".utf8.count
        let range = start..<(start + "just banter".utf8.count)
        text.withUnsafeBufferPointer { buffer in
            let names = CandidateFeatures.names(
                text: buffer, range: range, rule: "blaming.x", category: "blaming", decision: "kept")
            let hashes = CandidateFeatures.hashes(
                text: buffer, range: range,
                ruleHashes: CandidateFeatures.ruleHashes(rule: "blaming.x", category: "blaming", decision: "kept"))
            #expect(hashes == names.map(CandidateScorer.hash))
            #expect(names.contains("m=banter") && names.contains("q=“") && names.contains("rw=café"))
        }
    }

    @Test func anEncodedScorerReadsBackTheSame() throws {
        let scorer = try #require(BuiltinScorer.scorer)
        let copy = try #require(CandidateScorer(encoded: scorer.encoded()))
        #expect(copy.hashes == scorer.hashes && copy.weights == scorer.weights)
        #expect(copy.threshold == scorer.threshold && copy.veto == scorer.veto)
        #expect(copy.categoryVetoes.map(\.category) == scorer.categoryVetoes.map(\.category))
        #expect(copy.categoryVetoes.map(\.veto) == scorer.categoryVetoes.map(\.veto))
        #expect(CandidateScorer(encoded: Array(scorer.encoded().dropLast())) == nil, "truncated")
        #expect(CandidateScorer(encoded: Array("not a scorer at all, no".utf8)) == nil)
    }

    @Test func theBuiltInScorerIsEmbeddedAndRidesOnEveryBuiltInRuleSet() throws {
        let scorer = try #require(BuiltinScorer.scorer, "lexicons/scorer.tsv is embedded")
        #expect(scorer.veto < scorer.threshold)
        #expect(scorer.categoryVetoes.allSatisfy { $0.veto < scorer.threshold })
        #expect(scorer.weights.count > 1000)
        #expect(try BuiltinRules.load().ruleSet.scorer != nil, "the build's snapshot")
        #expect(TestSupport.builtinRuleSet.scorer != nil, "compiled from the embedded YAML")
        // A user's lexicon added to the built-in ones keeps the scorer.
        let user = try LexiconLoader.parse(TestSupport.lexicon(["purple prose"]), path: "team.yml")
        #expect(try RuleSet.compile(BuiltinLexicons.load() + [user]).scorer != nil)
    }

    // MARK: Features

    static func features(_ text: String, _ match: String, decision: String = "kept") -> [String] {
        let bytes = Array(text.utf8)
        let start = text.range(of: match).map { text.utf8.distance(from: text.utf8.startIndex, to: $0.lowerBound) }!
        return bytes.withUnsafeBufferPointer {
            CandidateFeatures.names(
                text: $0, range: start..<(start + match.utf8.count), rule: "vague.x", category: "vague",
                decision: decision)
        }
    }

    @Test func featuresNameTheRuleTheDecisionTheMatchAndItsNeighbours() {
        let names = Self.features("The club said it was Sexual Misconduct, not a crime.", "Sexual Misconduct")
        for expected in [
            "r=vague.x", "c=vague", "s=kept", "vague|s=kept", "vague.x|s=kept", "m=sexual", "m=misconduct",
            "l0=was", "l1=it", "lw=club", "r1=not", "rw=crime"
        ] {
            #expect(names.contains(expected), "\(expected) in \(names)")
        }
        // A punctuation mark holds its place (so "not" is still the second word to the right) but is no feature.
        for unexpected in ["r0=,", "rw=,", "rw=."] { #expect(!names.contains(unexpected), "\(unexpected) in \(names)") }
        #expect(!names.contains { $0.hasPrefix("q=") })
        #expect(Set(names).count == names.count, "each feature once")
    }

    @Test func eightWordsEitherSideAndQuotationMarksNearby() {
        let names = Self.features(
            "one two three four five six seven eight nine “the term” a b c d e f g h i j", "the term")
        // Punctuation takes a place among the eight: the quotation marks are the nearest either side, so "three" is
        // the eighth word to the left; the marks themselves are features only as quotation marks (q=).
        #expect(!names.contains("l0=“") && names.contains("lw=three") && !names.contains("lw=two"))
        #expect(!names.contains("r0=”") && names.contains("r1=a") && names.contains("rw=g") && !names.contains("rw=h"))
        #expect(names.contains("q=“") && names.contains("q=”"))
    }

    @Test func theWordsEitherSideStopAtABlankLine() {
        let text =
            "He admitted sexual activity with a child.\n\nThe beast showed no emotion.\r\n \t\n Outside, a crowd."
        let names = Self.features(text, "beast")
        #expect(names.contains("l0=the") && names.contains("rw=emotion"))
        for unexpected in ["lw=child", "lw=sexual", "rw=outside", "rw=crowd"] {
            #expect(!names.contains(unexpected), "\(unexpected) in \(names)")
        }
        // A single line break is not a paragraph's end.
        let wrapped = Self.features("He admitted activity with a child.\nThe beast showed no emotion.", "beast")
        #expect(wrapped.contains("lw=child"))
        // Far from any blank line, the eight words are still found.
        let long = String(repeating: "word ", count: 30) + "beast" + String(repeating: " word", count: 30)
        let far = Self.features("\n\n" + long, "beast")
        #expect(far.contains("lw=word") && far.contains("rw=word"))
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let start = text.utf8.count - " Outside, a crowd.".utf8.count
            #expect(CandidateFeatures.paragraphStart(buffer, before: start + 3, limit: 0) == start)
            let beast = "He admitted sexual activity with a child.\n\nThe ".utf8.count
            #expect(CandidateFeatures.paragraphStart(buffer, before: beast, limit: 0) == beast - 4)
            #expect(CandidateFeatures.paragraphStart(buffer, before: beast, limit: beast - 2) == beast - 2)
            #expect(CandidateFeatures.paragraphEnd(buffer, after: beast, limit: bytes.count) < start)
        }
    }

    @Test func wordsKeepInnerApostrophesAndSkipCharactersCutInTwo() {
        let text = Array("é didn’t O'Brien’s girls’ night".utf8)
        let words = text.withUnsafeBufferPointer { CandidateFeatures.words($0, 1..<text.count) }
        #expect(words.map { String(decoding: $0, as: UTF8.self) } == ["didn’t", "o'brien’s", "girls", "’", "night"])
    }

    // MARK: In the pipeline

    static let lexicon = """
        category: vague
        rules:
          - id: vague.test-bad-thing
            severity: warning
            guidance: V1
            principles: [B1]
            patterns: ['bad thing']
            exceptions: ['bad thing here']
            message: 'flagged {match}'
            suggestions: [something plainer]
            why: B1 test.
            examples:
              flag: ['a [[bad thing]]']
              pass: ['a good thing']
        """

    /// Keeps what "here" follows, drops what "harmless" precedes.
    static let scorer = CandidateScorer(
        threshold: 0.5, veto: 0.3, intercept: 0, weights: ["rw=here": 5, "lw=harmless": -5])

    static func linter(builtin: Bool = true, usesScorer: Bool = true, accept: [String] = []) throws -> Linter {
        var lexicon =
            builtin
            ? try LexiconLoader.parseBuiltin(Self.lexicon, path: "lexicons/test.yml")
            : try LexiconLoader.parse(Self.lexicon, path: "team.yml")
        lexicon.scorer = Self.scorer
        let ruleSet = try RuleSet.compile(
            [lexicon], accept: accept.map { PatternSource($0, at: FileLocation(file: "c.yml", line: 1, column: 1)) })
        var options = LintOptions()
        options.usesScorer = usesScorer
        return try Linter(ruleSet: ruleSet, options: options)
    }

    @Test func keepsAMatchAnExceptionDroppedWhenTheWordsAroundItSaySo() throws {
        let text = "It was a bad thing here, they said at the hearing."
        #expect(try Self.linter().lint(text: text).map(\.match) == ["bad thing"])
        #expect(try Self.linter(usesScorer: false).lint(text: text).isEmpty, "the rules alone drop it")
    }

    @Test func dropsAMatchTheRulesKeptWhenTheWordsAroundItSaySo() throws {
        let text = "It was a harmless bad thing."
        #expect(try Self.linter().lint(text: text).isEmpty)
        #expect(try Self.linter(usesScorer: false).lint(text: text).map(\.match) == ["bad thing"])
    }

    @Test func neverOverrulesQuotationNegationAcceptedPhrasesOrUserRules() throws {
        // Quoted behind the exception: the scorer may not turn someone else's words into the writer's.
        #expect(try Self.linter().lint(text: "He called it “a bad thing here” and left.").isEmpty)
        // Negated: stands.
        #expect(try Self.linter().lint(text: "It was not a bad thing here.").isEmpty)
        // A phrase the user accepts: stands.
        #expect(try Self.linter(accept: ["bad thing"]).lint(text: "It was a bad thing here.").isEmpty)
        // A team's own rule: the scorer was not trained on it, so the rules decide.
        #expect(try Self.linter(builtin: false).lint(text: "It was a bad thing here.").isEmpty)
        #expect(
            try Self.linter(builtin: false).lint(text: "It was a harmless bad thing.").map(\.match) == ["bad thing"])
    }

    @Test func aMatchKeptAgainstAnExceptionGivesWayToAnotherRuleOfItsCategory() throws {
        // The exception hands "bad thing here" to a more specific rule; saying it twice helps no one.
        var lexicon = try LexiconLoader.parseBuiltin(
            Self.lexicon + """

                  - id: vague.test-bad-thing-here
                    severity: warning
                    guidance: V1
                    principles: [B1]
                    patterns: ['bad thing here']
                    message: 'flagged {match}'
                    suggestions: [something plainer]
                    why: B1 test.
                    examples:
                      flag: ['a [[bad thing here]]']
                      pass: ['a good thing']
                """, path: "lexicons/test.yml")
        lexicon.scorer = Self.scorer
        let linter = try Linter(ruleSet: try RuleSet.compile([lexicon]))
        let findings = linter.lint(text: "It was a bad thing here, they said.")
        #expect(findings.map(\.rule) == ["vague.test-bad-thing-here"])
    }

    @Test func quotedMatchesStayDowngradedAndUnjudged() throws {
        let findings = try Self.linter().lint(text: "She said it was “a harmless bad thing” then.")
        #expect(findings.map(\.context) == [.quoted], "quoted speech is reported as it was, not judged")
    }

    @Test func theCandidateLogRecordsWhatTheRulesDecided() throws {
        let linter = try Self.linter()
        var records: [CandidateRecord] = []
        linter.candidateLog = { records.append($0) }
        _ = linter.lint(text: "It was a bad thing here. A harmless bad thing.")
        #expect(records.map(\.decision) == ["excepted", "kept"])
        #expect(records.map(\.kept) == [false, true])
        #expect(records[0].features.contains("rw=here") && records[1].features.contains("lw=harmless"))
        #expect(records.allSatisfy { $0.judged })
    }

    @Test func theCandidateLogSaysWhyTheRulesDroppedAMatch() throws {
        let linter = try Self.linter()
        var records: [CandidateRecord] = []
        linter.candidateLog = { records.append($0) }
        _ = linter.lint(text: "It was not a bad thing. She said it was “a bad thing” at the time.")
        #expect(records.map(\.decision) == ["negated", "quoted"])
        #expect(records.map(\.judged) == [false, false], "the scorer has no say on either")
        #expect(records.map(\.kept) == [false, true], "a quoted match is still reported, downgraded")
        // A team's rule is logged too, so its author can see what it matched, but never judged.
        let team = try Self.linter(builtin: false)
        var teamRecords: [CandidateRecord] = []
        team.candidateLog = { teamRecords.append($0) }
        _ = team.lint(text: "It was a bad thing.")
        #expect(teamRecords.map(\.decision) == ["kept"])
        #expect(teamRecords.map(\.judged) == [false])
    }

    // MARK: Commands

    @Test func evalWritesLabelledCandidatesForTraining() throws {
        let folder = try CLITests.temporaryDirectory()
        let input = folder.appendingPathComponent("set.jsonl")
        let marked = #"{"id": "x1", "marked": "The coach resigned after allegations of [[vague:sexual misconduct]]."}"#
        try (marked + "\n").write(to: input, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("candidates.jsonl")
        let result = try CLITests.run(["eval", "--no-scorer", "--write-candidates", out.path, input.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
        let record = try #require(
            lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
                .first { $0["rule"] as? String == "vague.sexual-misconduct" })
        #expect(record["label"] as? String == "tp")
        #expect(record["decision"] as? String == "kept")
        #expect(record["judged"] as? Bool == true)
        #expect((record["features"] as? [String])?.contains("m=misconduct") == true)
        // A match a gate dropped is written too, with the reason, for whoever asks why a rule did not fire.
        let plain = #"{"id": "x2", "marked": "The report described past misconduct by the treasurer."}"#
        try (plain + "\n").write(to: input, atomically: true, encoding: .utf8)
        #expect(try CLITests.run(["eval", "--no-scorer", "--write-candidates", out.path, input.path]).status == 0)
        let gated = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
            .compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(gated.contains { $0["decision"] as? String == "requires" && $0["judged"] as? Bool == false })

        let unwritable = try CLITests.run(["eval", "--write-candidates", "/nonexistent/dir/c.jsonl", input.path])
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.contains("--write-candidates /nonexistent/dir/c.jsonl: cannot write"))
    }

    @Test func lintAndConfigCanTurnTheScorerOff() throws {
        let folder = try CLITests.temporaryDirectory()
        try "scorer: off\n".write(to: folder.appendingPathComponent(".candor.yml"), atomically: true, encoding: .utf8)
        let text = "The coach resigned after allegations of sexual misconduct.\n"
        let off = try CLITests.run(["lint", "--stdin-filename", "draft.txt", "-"], stdin: text, directory: folder)
        #expect(off.status == 1, "\(off.stdout)\(off.stderr)")
        let flag = try CLITests.run(["lint", "--no-config", "--no-scorer", "-"], stdin: text)
        #expect(flag.status == 1)
        try "scorer: maybe\n".write(to: folder.appendingPathComponent(".candor.yml"), atomically: true, encoding: .utf8)
        let broken = try CLITests.run(["lint", "--stdin-filename", "draft.txt", "-"], stdin: text, directory: folder)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains(".candor.yml:1:9: scorer: expected on or off, found 'maybe'"))
    }
}
