import Foundation

/// One draft as the HTML report shows it: the source to render, and what was found in it.
struct HTMLDraft {
    var path: String
    /// The file's bytes; nil when it could not be read or was skipped.
    var source: [UInt8]?
    var markup: MarkupKind
    var findings: [Finding]
    var error: String?
    var skipped: String?

    init(path: String, source: [UInt8]?, markup: MarkupKind?, findings: [Finding], error: String? = nil,
         skipped: String? = nil) {
        self.path = path
        self.source = source
        self.markup = markup ?? MarkupKind.detect(path: path)
        self.findings = findings
        self.error = error
        self.skipped = skipped
    }

    init(_ report: FileReport) {
        self.init(path: report.path, source: report.source, markup: report.markup, findings: report.findings,
                  error: report.error, skipped: report.skipped)
    }

    /// Relative to the folder Candor ran in, as the CI formats name files: shorter, and the same on every machine.
    var shownPath: String { Self.shown(path) }

    static func shown(_ path: String) -> String {
        ReportSupport.reportPath(path, base: FileManager.default.currentDirectoryPath)
    }
}

/// How a category looks on the page: a symbol and a label as well as a colour, so colour is never the
/// only signal.
struct CategoryStyle {
    var name: String
    var label: String
    var icon: String
    /// The CSS class: the known categories have their own colours; any other (a team's lexicon) shares one.
    var cssClass: String

    static let known: [String: (label: String, icon: String)] = [
        "vague": ("Vague term", "≈"),
        "intent": ("Intent-focused", "◎"),
        "blaming": ("Blaming framing", "⚑"),
        "candor": ("Candor directive", "⚙"),
    ]

    /// Report order: the guidance's catalogue order, then any other category by name.
    static func order(_ categories: Set<String>) -> [String] {
        let fixed = ["vague", "intent", "blaming", "candor"]
        return fixed.filter(categories.contains) + categories.subtracting(fixed).sorted()
    }

    init(_ category: String) {
        name = category
        if let known = Self.known[category] {
            label = known.label
            icon = known.icon
            cssClass = "cat-\(category)"
        } else {
            label = category
            icon = "◆"
            cssClass = "cat-other"
        }
    }
}

/// The words around one finding: its tip on hover and focus, and its footnote.
struct FindingPresentation {
    var finding: Finding
    var rule: Rule?

    var category: CategoryStyle { CategoryStyle(finding.category) }

    var severityLabel: String {
        switch finding.severity {
        case .error: return "Error"
        case .warning: return "Warning"
        case .suggestion: return "Suggestion"
        }
    }

    /// Why the words are treated as someone else's, in a reader's terms.
    var contextLabel: String? {
        switch finding.context {
        case nil: return nil
        case "quoted": return "in quoted speech"
        case "attributed": return "in reported speech"
        case let other?: return other
        }
    }

    /// "Guidance V1 · principle B1", or nil for a rule without a reference.
    var guidanceReference: String? {
        guard let rule else { return nil }
        var parts: [String] = []
        if !rule.guidance.isEmpty { parts.append("guidance \(rule.guidance)") }
        if !rule.principles.isEmpty {
            parts.append((rule.principles.count == 1 ? "principle " : "principles ") + rule.principles.joined(separator: ", "))
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// Plain text for the tip (CSS shows it from an attribute, so it cannot carry markup): severity,
    /// category and context, then the message. The suggestions, rule id and guidance, the same for every
    /// finding of a rule, come from `TipStyles`, once per rule instead of once per mark.
    var tip: String {
        "\(severityLabel) · \(category.label)" + (contextLabel.map { " · \($0)" } ?? "") + "\n" + finding.message
    }
}

/// The half of each tip that belongs to a rule, as CSS custom properties on the marks of that rule: a
/// report over an archive with ten thousand findings of a few dozen rules carries each rule's suggestions
/// once, which halves the page and the time a browser takes to read it.
enum TipStyles {
    static func css(for findings: [Finding], rules: [String: Rule]) -> String {
        var seen = Set<String>()
        var css = ""
        for finding in findings where seen.insert(finding.rule).inserted {
            let presentation = FindingPresentation(finding: finding, rule: rules[finding.rule])
            let suggestions = finding.suggestions.isEmpty ? "" : "\nTry:" + finding.suggestions.map { "\n– \($0)" }.joined()
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
