import CandorRules
import CandorText

/// One draft's part of an HTML report: its name and counts, any problem reading it, the prose with the
/// findings marked, and the notes (one per finding, for print and screen readers, each linked both ways).
struct DraftSection {
    var rules: [String: Rule]

    /// `index` makes the element ids unique on the page; `open` is false for drafts beyond the first few,
    /// so that a report over a whole archive opens quickly and stays navigable. `preamble` goes before the
    /// prose (a scorecard).
    func render(_ draft: HTMLDraft, index: Int, open: Bool, preamble: String = "", headingLevel: Int = 2) -> String {
        let path = HTMLText.escape(draft.shownPath)
        var html = "<details class=\"draft\" id=\"d\(index)\"\(open ? " open" : "")>\n"
        html +=
            "<summary><h\(headingLevel)>\(path)</h\(headingLevel)> <span class=\"draft-meta\">\(Self.countsLine(draft))</span></summary>\n"
        if let error = draft.error {
            html +=
                "<p class=\"problem-error\" role=\"alert\"><strong>Could not be linted:</strong> \(HTMLText.escape(error))</p>\n"
        } else if let skipped = draft.skipped {
            html += "<p><strong>Skipped:</strong> \(HTMLText.escape(skipped))</p>\n"
        }
        html += preamble
        guard let source = draft.source, draft.error == nil, draft.skipped == nil else { return html + "</details>\n" }

        let renderer = ProseHTMLRenderer(idPrefix: "\(index)-", rules: rules)
        let prose = renderer.render(source: source, markup: draft.markup, findings: draft.findings)
        html += "<div class=\"prose\" aria-label=\"Text of \(path)\">\n\(prose.html)</div>\n"
        if !prose.unplaced.isEmpty {
            let links = prose.unplaced.map { "<a href=\"#n\(index)-\($0)\">note \($0)</a>" }.joined(separator: ", ")
            html +=
                "<p class=\"draft-meta\">Not in the prose, so not marked above (a comment or other markup): \(links).</p>\n"
        }
        if !draft.findings.isEmpty {
            html += "<h\(headingLevel + 1)>Notes</h\(headingLevel + 1)>\n<ol class=\"notes\">\n"
            for (offset, finding) in draft.findings.enumerated() {
                html += note(finding, number: offset + 1, index: index, marked: !prose.unplaced.contains(offset + 1))
            }
            html += "</ol>\n"
        }
        return html + "</details>\n"
    }

    private func note(_ finding: Finding, number: Int, index: Int, marked: Bool) -> String {
        let presentation = FindingPresentation(finding: finding, rule: rules[finding.rule])
        let category = presentation.category
        let key = "\(index)-\(number)"
        let icon = finding.context == nil ? category.icon : "❝"
        var html = "<li id=\"n\(key)\">"
        html += "<span class=\"badge \(category.cssClass) sev-\(finding.severity.rawValue)\">\(icon) \(number)</span>\n"
        var about = "<strong>\(presentation.severityLabel)</strong> · \(HTMLText.escape(category.label))"
        if let context = presentation.contextLabel { about += " · \(HTMLText.escape(context))" }
        html +=
            "<p><span class=\"match\">“\(HTMLText.escape(finding.match))”</span> · \(about) · line \(finding.line), column \(finding.column)</p>\n"
        html += "<p>\(HTMLText.escape(finding.message))</p>\n"
        if !finding.suggestions.isEmpty {
            html +=
                "<p>Try: " + finding.suggestions.map { "<q>\(HTMLText.escape($0))</q>" }.joined(separator: "; ")
                + "</p>\n"
        }
        html += "<p class=\"rule\">Rule <code>\(HTMLText.escape(finding.rule))</code>"
        if let reference = presentation.guidanceReference { html += " · \(HTMLText.escape(reference))" }
        if marked { html += " · <a href=\"#f\(key)\">show in the text</a>" }
        return html + "</p></li>\n"
    }

    /// "3 findings: 1 error, 2 warnings", "No findings", "could not be read".
    static func countsLine(_ draft: HTMLDraft) -> String {
        if draft.error != nil { return "could not be linted" }
        if draft.skipped != nil { return "skipped" }
        if draft.findings.isEmpty { return "No findings" }
        let bySeverity = Dictionary(grouping: draft.findings, by: \.severity)
        let parts = Severity.allCases.reversed().compactMap { severity -> String? in
            guard let count = bySeverity[severity]?.count else { return nil }
            return "\(count) \(severity.rawValue)\(count == 1 ? "" : "s")"
        }
        let total = draft.findings.count
        return "\(total) finding\(total == 1 ? "" : "s"): " + parts.joined(separator: ", ")
    }
}
