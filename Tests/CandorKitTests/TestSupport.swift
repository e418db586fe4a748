import CandorBuiltins
import Foundation

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

/// Shared fixtures for tests: the built-in rule set compiled once, and small inline lexicons.
enum TestSupport {
    static let builtinRuleSet: RuleSet = {
        do { return try RuleSet.compile(BuiltinLexicons.load()) } catch { fatalError("built-in lexicons: \(error)") }
    }()

    static func linter(options: LintOptions = LintOptions()) -> Linter {
        try! Linter(ruleSet: builtinRuleSet, options: options)
    }

    /// A lexicon with one rule per pattern given: rule ids test.r0, test.r1, ...
    static func lexicon(_ patterns: [String], exceptions: [String] = [], extra: String = "") -> String {
        var yaml = "category: test\nrules:\n"
        for (index, pattern) in patterns.enumerated() {
            yaml += """
                  - id: test.r\(index)
                    severity: warning
                    guidance: V1
                    principles: [B1]
                    patterns:
                      - '\(pattern.replacingOccurrences(of: "'", with: "''"))'

                """
            if !exceptions.isEmpty {
                yaml += "    exceptions:\n" + exceptions.map { "      - '\($0)'\n" }.joined()
            }
            yaml += """
                    message: 'flagged {match}'
                    suggestions: [something plainer]
                    why: B1 test.
                    examples:
                      flag: [x]
                      pass: [y]
                \(extra)
                """
        }
        return yaml
    }

    static func ruleSet(_ yaml: String, classes: String? = nil) throws -> RuleSet {
        var lexicons = [try LexiconLoader.parse(yaml, path: "test.yml")]
        if let classes { lexicons.append(try LexiconLoader.parse(classes, path: "classes.yml")) }
        return try RuleSet.compile(lexicons)
    }

    /// Matched texts (in order) for patterns compiled alone.
    static func matches(
        _ patterns: [String], in text: String, exceptions: [String] = [],
        classes: String? = nil
    ) throws -> [String] {
        let set = try ruleSet(lexicon(patterns, exceptions: exceptions), classes: classes)
        return try Linter(ruleSet: set).lint(text: text).map(\.match)
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }
}
