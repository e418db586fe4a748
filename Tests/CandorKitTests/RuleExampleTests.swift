import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

/// Every built-in rule carries texts it must flag and texts it must leave alone; they run here.
@Suite struct RuleExampleTests {
    static let rules = TestSupport.builtinRuleSet.rules

    @Test func thereAreAtLeastSixtyRulesAcrossTheThreeCategories() {
        #expect(Self.rules.count >= 60)
        for category in ["vague", "intent", "blaming"] {
            #expect(Self.rules.contains { $0.category == category }, "no \(category) rules")
        }
    }

    @Test func everyRuleCitesAPrincipleAndCarriesExamples() {
        for rule in Self.rules {
            #expect(!rule.principles.isEmpty, "\(rule.id) cites no principle")
            #expect(
                rule.principles.allSatisfy { $0.range(of: "^B([1-9]|1[0-6])$", options: .regularExpression) != nil },
                "\(rule.id): principles must be B1...B16")
            #expect(rule.why.contains("B"), "\(rule.id): why should name its principle")
            #expect(!rule.flagExamples.isEmpty && !rule.passExamples.isEmpty, "\(rule.id) needs examples")
        }
    }

    @Test(arguments: rules.map(\.id))
    func flagsItsFlagExamples(ruleID: String) {
        let rule = TestSupport.builtinRuleSet.rule(id: ruleID)!
        var options = LintOptions()
        options.enabledRules.insert(ruleID)
        // Whether the rule matches, even where a longer vague term's finding would be the one reported.
        options.collapsesNestedTerms = false
        let linter = TestSupport.linter(options: options)
        for example in rule.flagExamples {
            let (text, spans) = RuleExamples.parse(example)
            // The writer's own words: plain use, or a relayed phrase that keeps its severity.
            let findings = linter.lint(text: text).filter {
                $0.rule == ruleID && ($0.context == nil || $0.severity == rule.severity)
            }
            #expect(!findings.isEmpty, "\(ruleID) should flag: \(text)")
            for span in spans where !findings.isEmpty {
                #expect(
                    findings.contains { $0.offset == span.lowerBound && $0.offset + $0.length == span.upperBound },
                    "\(ruleID) should flag exactly [[\(text.utf8Slice(span))]] in: \(text); found \(findings.map(\.match))"
                )
            }
        }
    }

    @Test(arguments: rules.map(\.id))
    func leavesItsPassExamplesAlone(ruleID: String) {
        let rule = TestSupport.builtinRuleSet.rule(id: ruleID)!
        var options = LintOptions()
        options.enabledRules.insert(ruleID)
        let linter = TestSupport.linter(options: options)
        for example in rule.passExamples {
            let findings = linter.lint(text: example).filter { $0.rule == ruleID }
            #expect(findings.isEmpty, "\(ruleID) should leave alone: \(example); flagged \(findings.map(\.match))")
        }
    }
}

extension String {
    func utf8Slice(_ range: Range<Int>) -> String {
        String(decoding: Array(utf8)[range], as: UTF8.self)
    }
}
