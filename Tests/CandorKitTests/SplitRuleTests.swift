import CandorBuiltins
import Foundation
import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

/// `split-from` (docs/lexicon-format.md): a rule that took over some of an older rule's matches is still governed
/// by what users wrote for the older id, so splitting a rule never brings back findings they had switched off,
/// suppressed or baselined.
@Suite struct SplitRuleTests {
    static let yaml = """
        category: test
        rules:
          - id: test.behaviour
            severity: warning
            guidance: V2
            principles: [B1]
            patterns: ['inappropriate behaviour']
            message: 'flagged {match}'
            suggestions: [say what he did]
            why: B1 test.
            examples:
              flag: ['[[inappropriate behaviour]]']
              pass: [plain words]
          - id: test.touching
            split-from: test.behaviour
            severity: warning
            guidance: V2
            principles: [B1]
            patterns: ['inappropriate touching']
            message: 'flagged {match}'
            suggestions: [say what he did]
            why: B1 test.
            examples:
              flag: ['[[inappropriate touching]]']
              pass: [plain words]

        """
    static let ruleSet = try! TestSupport.ruleSet(yaml)
    static let text = "He admitted inappropriate behaviour and inappropriate touching.\n"

    func options(_ rules: [String: RuleSetting]) -> LintOptions {
        var configuration = Configuration(path: ".candor.yml")
        configuration.rules = rules
        var options = LintOptions()
        configuration.apply(to: &options)
        return options
    }

    func rules(_ options: LintOptions = LintOptions(), text: String = Self.text) -> [String] {
        try! Linter(ruleSet: Self.ruleSet, options: options).lint(text: text).map(\.rule)
    }

    @Test func theLoaderReadsTheOlderID() throws {
        let set = Self.ruleSet
        #expect(set.rule(id: "test.touching")?.splitFrom == "test.behaviour")
        #expect(set.rule(id: "test.behaviour")?.splitFrom == nil)
        #expect(rules() == ["test.behaviour", "test.touching"])
    }

    @Test func aSettingForTheOlderRuleGovernsTheNewOne() {
        #expect(rules(options(["test.behaviour": .off])).isEmpty)

        let severity = options(["test.behaviour": .severity(.error)])
        let findings = try! Linter(ruleSet: Self.ruleSet, options: severity).lint(text: Self.text)
        #expect(findings.map(\.severity) == [.error, .error])
    }

    @Test func aSettingForTheNewRuleItselfWins() {
        #expect(rules(options(["test.behaviour": .off, "test.touching": .on])) == ["test.touching"])

        let quieter = options(["test.behaviour": .severity(.error), "test.touching": .severity(.suggestion)])
        let findings = try! Linter(ruleSet: Self.ruleSet, options: quieter).lint(text: Self.text)
        #expect(findings.map(\.severity) == [.error, .suggestion])

        #expect(rules(options(["test.touching": .off])) == ["test.behaviour"])

        // `on` for the newer rule keeps its own severity, as `on` does for any rule.
        let own = options(["test.behaviour": .severity(.error), "test.touching": .on])
        let ownFindings = try! Linter(ruleSet: Self.ruleSet, options: own).lint(text: Self.text)
        #expect(ownFindings.map(\.severity) == [.error, .warning])
    }

    @Test func aSuppressionCommentForTheOlderRuleStillSilences() {
        let nextLine = "candor-disable-next-line test.behaviour\nHe admitted inappropriate touching.\n"
        #expect(rules(text: nextLine).isEmpty)
        let other = "candor-disable-next-line test.touching\nHe admitted inappropriate behaviour.\n"
        #expect(rules(text: other) == ["test.behaviour"], "the older rule is not silenced by the newer id")
    }

    @Test func aBaselineWrittenBeforeTheSplitStillKnowsTheFinding() {
        var options = LintOptions()
        options.keepLineText = true
        let report = try! Linter(ruleSet: Self.ruleSet, options: options).lint(
            SourceDocument(path: "d.txt", text: "He admitted inappropriate touching.\n"))
        // As written by a build in which the older rule reported these words.
        var older = report
        older.findings = report.findings.map { finding in
            var finding = finding
            finding.rule = "test.behaviour"
            return finding
        }
        let before = Baseline(reports: [older])
        #expect(before.filter([report])[0].findings.count == 1, "without the map the new id is a new finding")
        #expect(before.filter([report], splitFrom: ["test.touching": "test.behaviour"])[0].findings.isEmpty)
    }

    @Test func theOlderRuleMustExistAndTheIDMustBeARuleID() throws {
        let orphan = Self.yaml.replacingOccurrences(of: "split-from: test.behaviour", with: "split-from: test.gone")
        #expect(throws: YAMLFileError.self) { try TestSupport.ruleSet(orphan) }
        do {
            _ = try TestSupport.ruleSet(orphan)
        } catch let error as YAMLFileError {
            #expect(error.description.contains("test.gone"))
            #expect(error.description.contains("test.yml"))
        }
        let malformed = Self.yaml.replacingOccurrences(
            of: "split-from: test.behaviour", with: "split-from: Not An Id")
        #expect(throws: YAMLFileError.self) { try LexiconLoader.parse(malformed, path: "test.yml") }
        let itself = Self.yaml.replacingOccurrences(of: "split-from: test.behaviour", with: "split-from: test.touching")
        #expect(throws: YAMLFileError.self) { try LexiconLoader.parse(itself, path: "test.yml") }
    }

    @Test func theBuiltInSplitSurvivesTheSnapshot() throws {
        let decoded = try BuiltinRules.decodeSnapshot().ruleSet
        #expect(decoded.rule(id: "vague.inappropriate-touching")?.splitFrom == "vague.inappropriate-behavior")
        #expect(RuleListing.explain(decoded.rule(id: "vague.inappropriate-touching")!).contains("Split from"))
    }
}
