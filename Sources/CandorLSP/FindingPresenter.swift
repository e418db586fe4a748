import CandorKit
import Foundation

/// Turns findings into what an editor shows: diagnostics, quick fixes and hovers.
struct FindingPresenter {
    var encoding: PositionEncoding
    /// The LSP severity of a `suggestion`: 3 (information) by default, 4 (hint) when the client asks.
    var suggestionSeverity = 3

    func diagnostic(_ finding: Finding, in text: DocumentText, ruleSet: RuleSet?) -> [String: Any] {
        var message = finding.message
        if let context = finding.context { message += " (\(context.rawValue))" }
        if !finding.suggestions.isEmpty { message += "\nTry: " + finding.suggestions.joined(separator: "; ") }
        var diagnostic: [String: Any] = [
            "range": text.range(of: finding.offset..<(finding.offset + finding.length), in: encoding),
            "severity": severity(finding.severity),
            "code": finding.rule,
            "source": "candor",
            "message": message
        ]
        if let url = ruleSet?.rule(id: finding.rule)?.documentationURL { diagnostic["codeDescription"] = ["href": url] }
        var data: [String: Any] = ["suggestions": finding.suggestions]
        if let fix = finding.fix { data["fix"] = fix }
        diagnostic["data"] = data
        return diagnostic
    }

    /// One diagnostic at the top of a document that could not be linted, saying why.
    func problem(_ message: String) -> [String: Any] {
        [
            "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
            "severity": 1, "code": "candor.cannot-lint", "source": "candor", "message": message
        ]
    }

    func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: return 1
        case .warning: return 2
        case .suggestion: return suggestionSeverity
        }
    }

    /// Quick fixes for one finding: the rule's fix (preferred), each suggestion that is a plain replacement,
    /// and a directive that disables the rule for this line.
    func codeActions(for finding: Finding, uri: String, text: DocumentText, markup: MarkupKind, ruleSet: RuleSet?)
        -> [[String: Any]]
    {
        let diagnostic = self.diagnostic(finding, in: text, ruleSet: ruleSet)
        let range = finding.offset..<(finding.offset + finding.length)
        var actions: [[String: Any]] = []
        func action(_ title: String, _ edits: [[String: Any]], preferred: Bool = false) -> [String: Any] {
            var action: [String: Any] = [
                "title": title, "kind": "quickfix", "diagnostics": [diagnostic],
                "edit": ["changes": [uri: edits]]
            ]
            if preferred { action["isPreferred"] = true }
            return action
        }
        // A span that markup runs through (emphasis around one word, an entity) would lose the markup if replaced
        // whole, so it gets no replacements, only the directive.
        let verbatim = FixPlanner.edits(for: [Self.asFixable(finding)], source: text.bytes, markup: markup).count == 1
        if verbatim {
            var offered: Set<String> = []
            let preferredFix = finding.context == nil ? finding.fix : nil
            for (replacement, preferred)
                in ([preferredFix].compactMap { $0 }.map { ($0, true) }
                + Self.plainReplacements(finding.suggestions).map { ($0, false) })
            {
                let cased = FixPlanner.matchingCase(of: finding.match, in: replacement)
                guard cased != finding.match, offered.insert(cased).inserted else { continue }
                let edit: [String: Any] = ["range": text.range(of: range, in: encoding), "newText": cased]
                actions.append(action("Replace with \u{201C}\(cased)\u{201D}", [edit], preferred: preferred))
            }
        }
        if finding.rule != "candor.unknown-rule",
            let edit = DisableDirective.edit(
                rule: finding.rule, line: text.position(of: finding.offset, in: .utf8).line,
                text: text, markup: markup, encoding: encoding)
        {
            actions.append(action("Disable \(finding.rule) for this line", [edit]))
        }
        return actions
    }

    /// A suggestion that can stand in for the matched words as it is: not an instruction ("say what he did:
    /// ..."), a template ("[name]"), an aside ("(in court reporting)") or a choice ("she said / she reported").
    static func plainReplacements(_ suggestions: [String]) -> [String] {
        suggestions.filter { suggestion in
            !suggestion.isEmpty
                && suggestion.rangeOfCharacter(from: CharacterSet(charactersIn: ":;[]()\"“”/…?!")) == nil
                && !suggestion.contains("...") && suggestion.split(separator: " ").count <= 6
        }
    }

    /// The finding as FixPlanner would see it with `fix` set, to ask whether its span is the prose verbatim.
    private static func asFixable(_ finding: Finding) -> Finding {
        var copy = finding
        copy.context = nil
        copy.fix = "\u{FFFC}"
        return copy
    }

    func hover(_ findings: [Finding], text: DocumentText, ruleSet: RuleSet?) -> [String: Any] {
        let sections = findings.map { finding -> String in
            if let rule = ruleSet?.rule(id: finding.rule) { return RuleListing.explainMarkdown(rule) }
            return "**\(finding.rule)**\n\n\(finding.message)"
        }
        let start = findings.map(\.offset).min() ?? 0
        let end = findings.map { $0.offset + $0.length }.max() ?? start
        return [
            "contents": ["kind": "markdown", "value": sections.joined(separator: "\n---\n\n")],
            "range": text.range(of: start..<end, in: encoding)
        ]
    }
}
