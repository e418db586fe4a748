import CandorRules
import CandorText

/// How a category looks on the page: a symbol and a label as well as a colour, so colour is never the
/// only signal.
struct CategoryStyle {
    var name: FindingCategory
    var label: String
    var icon: String
    /// The CSS class: the known categories have their own colours; any other (a team's lexicon) shares one.
    var cssClass: String

    static let known: [FindingCategory: (label: String, icon: String)] = [
        .vague: ("Vague term", "≈"),
        .intent: ("Intent-focused", "◎"),
        .blaming: ("Blaming framing", "⚑"),
        .candor: ("Candor directive", "⚙")
    ]

    /// The categories the legend always shows, so a clean report still says what each mark would mean.
    static let builtin: Set<FindingCategory> = [.vague, .intent, .blaming]

    /// Report order: the guidance's catalogue order, then any other category by name.
    static func order(_ categories: Set<FindingCategory>) -> [FindingCategory] {
        let fixed: [FindingCategory] = [.vague, .intent, .blaming, .candor]
        return fixed.filter(categories.contains)
            + categories.subtracting(fixed).sorted { $0.rawValue < $1.rawValue }
    }

    init(_ category: FindingCategory) {
        name = category
        if let known = Self.known[category] {
            label = known.label
            icon = known.icon
            cssClass = "cat-\(category.rawValue)"
        } else {
            label = category.rawValue
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
        case .quoted?: return "in quoted speech"
        case .attributed?: return "in reported speech"
        case let other?: return other.rawValue
        }
    }

    /// "Guidance V1 · principle B1", or nil for a rule without a reference.
    var guidanceReference: String? {
        guard let rule else { return nil }
        var parts: [String] = []
        if !rule.guidance.isEmpty { parts.append("guidance \(rule.guidance)") }
        if !rule.principles.isEmpty {
            parts.append(
                (rule.principles.count == 1 ? "principle " : "principles ") + rule.principles.joined(separator: ", "))
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
