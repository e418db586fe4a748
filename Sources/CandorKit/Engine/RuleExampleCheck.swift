import CandorRules
import CandorText

/// Runs every rule's own examples against a rule set: each `flag` text must produce a finding of that rule
/// (at the `[[marked]]` span when one is marked), and each `pass` text must produce none. `swift test` runs
/// the same check on the built-in rules; `candor rules --check` runs it on a writer's own lexicons.
public enum RuleExampleCheck {
    public struct Failure: Sendable, CustomStringConvertible {
        public var rule: String
        public var example: String
        public var problem: String
        public var description: String { "\(rule): \(problem): \(example)" }
    }

    public static func run(_ ruleSet: RuleSet) throws -> [Failure] {
        var failures: [Failure] = []
        for rule in ruleSet.rules {
            var options = LintOptions()
            options.enabledRules.insert(rule.id)
            let linter = try Linter(ruleSet: ruleSet, options: options)
            // Whether the rule matches, even where a longer vague term's finding would be the one reported.
            options.collapsesNestedTerms = false
            let flagLinter = try Linter(ruleSet: ruleSet, options: options)
            for example in rule.flagExamples {
                let (text, spans) = RuleExamples.parse(example)
                // The writer's own words: plain use, or a relayed phrase that keeps its severity.
                let findings = flagLinter.lint(text: text)
                    .filter { $0.rule == rule.id && ($0.context == nil || $0.severity == rule.severity) }
                if findings.isEmpty {
                    failures.append(Failure(rule: rule.id, example: text, problem: "should flag"))
                } else if let span = spans.first(where: { span in
                    !findings.contains { $0.offset == span.lowerBound && $0.offset + $0.length == span.upperBound }
                }) {
                    let found = findings.map { "\"\($0.match)\"" }.joined(separator: ", ")
                    let marked = String(decoding: Array(text.utf8)[span], as: UTF8.self)
                    failures.append(
                        Failure(
                            rule: rule.id, example: text,
                            problem: "should flag exactly the marked span \"\(marked)\", found \(found)"))
                }
            }
            for example in rule.passExamples {
                let findings = linter.lint(text: example).filter { $0.rule == rule.id }
                if !findings.isEmpty {
                    let found = findings.map { "\"\($0.match)\"" }.joined(separator: ", ")
                    failures.append(
                        Failure(rule: rule.id, example: example, problem: "should leave alone, flagged \(found)"))
                }
            }
        }
        return failures
    }
}
