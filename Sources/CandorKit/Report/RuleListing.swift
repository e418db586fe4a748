import CandorRules
import CandorText
import Foundation

/// `candor rules` and `candor explain` output.
public enum RuleListing {
    public static func render(_ rules: [Rule], json asJSON: Bool) -> String {
        switch asJSON {
        case true:
            var json = JSONWriter()
            json.beginArray()
            for rule in rules {
                json.beginObject()
                json.field("id", rule.id)
                json.field("category", rule.category)
                json.field("severity", rule.severity.rawValue)
                json.field("enabled", rule.enabled)
                json.field("guidance", rule.guidance)
                json.field("principles", rule.principles)
                json.field("summary", rule.summary)
                json.field("suggestions", rule.suggestions)
                json.field("why", rule.why)
                if let older = rule.splitFrom { json.field("splitFrom", older) }
                if let quieter = rule.withoutContext { json.field("withoutContext", quieter.rawValue) }
                if rule.scareQuotesAreUse { json.field("scareQuotes", "use") }
                json.endObject()
            }
            json.endArray()
            return json.output + "\n"
        default:
            let width = rules.map(\.id.count).max() ?? 0
            var out = ""
            for rule in rules {
                let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
                let severity = rule.severity.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
                let state = rule.enabled ? "" : " (off by default)"
                out += "\(id)  \(severity)  \(rule.summary)\(state)\n"
            }
            out +=
                "\(rules.count) rules (\(rules.filter { !$0.enabled }.count) off by default). `candor explain RULE-ID` for details.\n"
            return out
        }
    }

    /// What a split means for a user's configuration, suppression comments and baselines.
    static func splitNote(_ id: String, from older: String) -> String {
        "Split from \(older): a setting, a suppression comment or a baseline entry for \(older) also applies to "
            + "\(id), unless the configuration names \(id) itself."
    }

    public static func explain(_ rule: Rule) -> String {
        var out =
            "\(rule.id)  (\(rule.category), \(rule.severity.rawValue)\(rule.enabled ? "" : ", off by default"))\n\n"
        out += "\(rule.message.replacingOccurrences(of: "{match}", with: "…"))\n\n"
        out += "Why: \(rule.why)\n"
        out += "Guidance: \(rule.guidance); principles \(rule.principles.joined(separator: ", "))\n"
        if let older = rule.splitFrom { out += Self.splitNote(rule.id, from: older) + "\n" }
        if let quieter = rule.withoutContext {
            out +=
                "Without context: where nothing around a match says what the text is about, it is reported as a "
                + "\(quieter.rawValue), never higher.\n"
        }
        if rule.scareQuotesAreUse {
            out +=
                "Scare quotes: quotation marks around the phrase alone, with no speaker, are the writer's own use "
                + "of it, so the finding keeps its severity.\n"
        }
        out += "\nWrite instead:\n" + rule.suggestions.map { "  - \($0)\n" }.joined()
        if let fix = rule.fix { out += "Automatic fix: \(fix)\n" }
        out += "\nFlags:\n" + rule.flagExamples.map { "  ✗ \(RuleExamples.plain($0))\n" }.joined()
        out += "Leaves alone:\n" + rule.passExamples.map { "  ✓ \($0)\n" }.joined()
        if let model = rule.model {
            out +=
                "\nMatches: whole first-person sentences the sentence model '\(model)' (\(model).tsv) scores at or "
                + "above its threshold\n"
        } else {
            out += "\nPatterns:\n" + rule.patterns.map { "  \($0.text)\n" }.joined()
        }
        if !rule.exceptions.isEmpty { out += "Exceptions:\n" + rule.exceptions.map { "  \($0.text)\n" }.joined() }
        return out
    }
}
