import CandorRules
import CandorText

/// The half of each tip that belongs to a rule, as CSS custom properties on the marks of that rule: a
/// report over an archive with ten thousand findings of a few dozen rules carries each rule's suggestions
/// once instead of ten thousand times, and a browser reads it a second sooner (docs/performance.md).
enum TipStyles {
    static func css(for findings: [Finding], rules: [String: Rule]) -> String {
        var seen = Set<String>()
        var css = ""
        for finding in findings where seen.insert(finding.rule).inserted {
            let presentation = FindingPresentation(finding: finding, rule: rules[finding.rule])
            let suggestions =
                finding.suggestions.isEmpty ? "" : "\nTry:" + finding.suggestions.map { "\n– \($0)" }.joined()
            let reference = "\nRule \(finding.rule)" + (presentation.guidanceReference.map { " · \($0)" } ?? "")
            css += "mark[data-rule=\(string(finding.rule))]{--try:\(string(suggestions));--ref:\(string(reference))}\n"
        }
        return css
    }

    /// A quoted CSS string holding `text` exactly. Anything that could end the string, the rule or the
    /// `style` element (quotes, backslashes, `<`, line breaks, controls) is written as a hex escape.
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let safe = (value >= 0x20 && value < 0x7F && !"\"\\<>&{}".unicodeScalars.contains(scalar)) || value >= 0xA0
            if safe && value != 0x2028 && value != 0x2029 {
                result.unicodeScalars.append(scalar)
            } else {
                let hex = String(value, radix: 16)
                result += "\\" + String(repeating: "0", count: 6 - hex.count) + hex
            }
        }
        return result + "\""
    }
}
