import CandorRules
import CandorText
import Foundation

extension Rule {
    /// Where a built-in rule is documented: its entry in the lexicon, to the line. User rules have no public page.
    public var documentationURL: String? {
        ReportSupport.ruleURL(self).map { "\($0)#L\(location.line)" }
    }
}

extension RuleListing {
    /// What `candor explain` prints, as Markdown (editor hovers).
    public static func explainMarkdown(_ rule: Rule) -> String {
        func text(_ value: String) -> String { escapeMarkdown(value) }
        var out =
            "**\(rule.id)** (\(rule.category), \(rule.severity.rawValue)\(rule.enabled ? "" : ", off by default"))\n\n"
        out += text(rule.message.replacingOccurrences(of: "{match}", with: "…")) + "\n\n"
        out += "**Why:** \(text(rule.why))\n\n"
        out += "**Guidance:** \(rule.guidance); principles \(rule.principles.joined(separator: ", "))\n\n"
        if let older = rule.splitFrom { out += text(splitNote(rule.id, from: older)) + "\n\n" }
        out += "**Write instead:**\n\n" + rule.suggestions.map { "- \(text($0))\n" }.joined()
        if let fix = rule.fix { out += "\n**Automatic fix:** \(text(fix))\n" }
        out += "\n**Flags:**\n\n" + rule.flagExamples.map { "- ✗ \(text(RuleExamples.plain($0)))\n" }.joined()
        out += "\n**Leaves alone:**\n\n" + rule.passExamples.map { "- ✓ \(text($0))\n" }.joined()
        if let model = rule.model {
            out +=
                "\n**Matches:** whole first-person sentences the sentence model `\(model)` scores at or above its "
                + "threshold.\n"
        } else {
            out +=
                "\n**Patterns:**\n\n"
                + rule.patterns.map { "- `\($0.text.replacingOccurrences(of: "`", with: "'"))`\n" }.joined()
        }
        if !rule.exceptions.isEmpty {
            out +=
                "\n**Exceptions:**\n\n"
                + rule.exceptions.map { "- `\($0.text.replacingOccurrences(of: "`", with: "'"))`\n" }.joined()
        }
        if let url = rule.documentationURL { out += "\n[The rule in its lexicon](\(url))\n" }
        return out
    }

    /// Backslash-escapes the characters Markdown would read as formatting.
    static func escapeMarkdown(_ value: String) -> String {
        var out = ""
        for character in value {
            if "\\`*_[]<>#|".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
