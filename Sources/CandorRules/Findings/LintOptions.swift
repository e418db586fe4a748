import CandorText
import Foundation

/// What to do with findings in quoted or reported speech (config `quoted:`).
public enum QuotedMode: String, CaseIterable, Sendable {
    /// Report at `suggestion` severity with `context: "quoted"` (the default).
    case downgrade
    /// Do not report.
    case ignore
    /// Report at the rule's full severity, still marked `context: "quoted"`.
    case keep

    /// The severity a finding is reported at, given the words' context, or nil when it is not reported.
    /// Quoted words are someone else's, and this mode decides what becomes of them. A euphemism relayed without
    /// quotation marks is still the writer's choice of words (guidance §C.1), so an attributed vague term keeps
    /// its severity; attributed blaming and intent framings are the speaker's, and count as quoted.
    public func severity(_ severity: Severity, context: MatchContext?, category: FindingCategory) -> Severity? {
        let someoneElses = context == .quoted || (context == .attributed && category != .vague)
        guard someoneElses else { return severity }
        switch self {
        case .ignore: return nil
        case .downgrade: return .suggestion
        case .keep: return severity
        }
    }
}

/// Per-run choices that change which findings are reported, but not how text is matched.
public struct LintOptions: Sendable {
    public var quoted: QuotedMode = .downgrade
    /// Severity overrides by rule id (config `rules:`).
    public var severities: [String: Severity] = [:]
    /// Rules switched off by id (config `rules: {id: off}`).
    public var disabledRules: Set<String> = []
    /// Rules shipped with `enabled: false` that the user switched on.
    public var enabledRules: Set<String> = []
    /// Categories switched off (config `categories: {name: off}`).
    public var disabledCategories: Set<String> = []
    /// Forces a markup language instead of detecting it from the file name.
    public var markup: MarkupKind?
    /// Keep the source bytes in the report (the text reporter shows the matched line).
    public var keepSource = false
    /// Keep them for files without findings too (the HTML report shows every draft).
    public var keepCleanSource = false
    /// Record each finding's line text, which baselines key on (off otherwise: on long lines it costs memory).
    public var keepLineText = false
    /// Let the candidate scorer have the last word on built-in rules' candidates (`--no-scorer`, config
    /// `scorer: false`, turn it off).
    public var usesScorer = true
    /// Report one finding where two vague-term rules flag nested words (`Linter.oneFindingPerSpan`). A rule's own
    /// examples are checked with it off: they ask whether the rule matches, not which of two findings a reader
    /// is shown.
    public var collapsesNestedTerms = true

    public init() {}

    package func isActive(_ rule: Rule) -> Bool {
        if disabledCategories.contains(rule.category) { return false }
        // A setting for the rule itself wins; else one for the rule it was split from, whose matches it took over.
        for id in [rule.id, rule.splitFrom].compactMap({ $0 }) {
            if disabledRules.contains(id) { return false }
            if enabledRules.contains(id) || severities[id] != nil { return true }
        }
        return rule.enabled
    }

    /// The severity the configuration gives `rule` (or the rule it was split from), else its own. Naming the rule
    /// itself `on` keeps its own severity, whatever the older rule was given.
    package func severity(of rule: Rule) -> Severity {
        if let severity = severities[rule.id] { return severity }
        if enabledRules.contains(rule.id) { return rule.severity }
        return rule.splitFrom.flatMap { severities[$0] } ?? rule.severity
    }
}
