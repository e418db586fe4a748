import CandorRules
import CandorText

/// The top of an HTML report: how many findings of each category and severity, which drafts have
/// errors, which could not be read or were skipped, and links to every draft with findings.
struct SummarySection {
    var drafts: [HTMLDraft]

    func render(title: String) -> String {
        let findings = drafts.flatMap(\.findings)
        let withFindings = drafts.filter { !$0.findings.isEmpty }.count
        var html =
            "<section class=\"summary\" aria-labelledby=\"summary-title\">\n<h2 id=\"summary-title\">\(HTMLText.escape(title))</h2>\n"
        html += "<ul class=\"counts\">\n"
        html += count(findings.count, "finding", "findings")
        for severity in Severity.allCases.reversed() {
            html += count(
                findings.filter { $0.severity == severity }.count, severity.rawValue, severity.rawValue + "s",
                cssClass: "sev-\(severity.rawValue)")
        }
        html +=
            "<li><strong>\(withFindings) of \(drafts.count)</strong> \(drafts.count == 1 ? "file" : "files") with findings</li>\n"
        let unreadable = drafts.filter { $0.error != nil }
        let skipped = drafts.filter { $0.skipped != nil && $0.error == nil }
        if !unreadable.isEmpty { html += count(unreadable.count, "could not be read", "could not be read") }
        if !skipped.isEmpty { html += count(skipped.count, "skipped", "skipped") }
        html += "</ul>\n"
        if !findings.isEmpty { html += categoryTable(findings) }
        html += problemLists(unreadable: unreadable, skipped: skipped)
        html += contents()
        return html + "</section>\n"
    }

    private func count(_ value: Int, _ one: String, _ many: String, cssClass: String? = nil) -> String {
        let attribute = cssClass.map { " class=\"\($0)\"" } ?? ""
        return "<li\(attribute)><strong>\(value)</strong> \(value == 1 ? one : many)</li>\n"
    }

    private func categoryTable(_ findings: [Finding]) -> String {
        let severities = Array(Severity.allCases.reversed())
        var html =
            "<div class=\"scroll\"><table>\n<caption class=\"draft-meta\" style=\"text-align:left\">Findings by category and severity</caption>\n"
        html += "<thead><tr><th scope=\"col\">Category</th>"
        html += severities.map { "<th scope=\"col\" class=\"num\">\($0.rawValue.capitalized)</th>" }.joined()
        html += "<th scope=\"col\" class=\"num\">Total</th></tr></thead>\n<tbody>\n"
        let byCategory = Dictionary(grouping: findings, by: \.category)
        for name in CategoryStyle.order(Set(byCategory.keys)) {
            let style = CategoryStyle(name)
            let inCategory = byCategory[name] ?? []
            html +=
                "<tr><th scope=\"row\"><span class=\"badge \(style.cssClass)\">\(HTMLText.escape(style.icon))</span> \(HTMLText.escape(style.label))</th>"
            for severity in severities {
                html += "<td class=\"num\">\(inCategory.filter { $0.severity == severity }.count)</td>"
            }
            html += "<td class=\"num\"><strong>\(inCategory.count)</strong></td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    private func problemLists(unreadable: [(HTMLDraft)], skipped: [HTMLDraft]) -> String {
        var html = ""
        let withErrors = drafts.enumerated().filter { $0.element.findings.contains { $0.severity == .error } }
        if !withErrors.isEmpty {
            html += "<h3>Files with errors</h3>\n<ul class=\"problems\">\n"
            for (index, draft) in withErrors {
                let errors = draft.findings.filter { $0.severity == .error }.count
                html +=
                    "<li><a href=\"#d\(index)\">\(HTMLText.escape(draft.shownPath))</a>: \(errors) error\(errors == 1 ? "" : "s")</li>\n"
            }
            html += "</ul>\n"
        }
        if !unreadable.isEmpty {
            html += "<h3>Could not be read</h3>\n<ul class=\"problems\">\n"
            for draft in unreadable {
                html +=
                    "<li class=\"problem-error\"><strong>\(HTMLText.escape(draft.shownPath))</strong>: \(HTMLText.escape(draft.error ?? ""))</li>\n"
            }
            html += "</ul>\n"
        }
        if !skipped.isEmpty {
            html += "<h3>Skipped</h3>\n<ul class=\"problems\">\n"
            for draft in skipped {
                html +=
                    "<li><strong>\(HTMLText.escape(draft.shownPath))</strong>: \(HTMLText.escape(draft.skipped ?? ""))</li>\n"
            }
            html += "</ul>\n"
        }
        return html
    }

    /// Links to the drafts with findings, when there is more than one draft to move between.
    private func contents() -> String {
        guard drafts.count > 1 else { return "" }
        let listed = drafts.enumerated().filter { !$0.element.findings.isEmpty }
        guard !listed.isEmpty else { return "" }
        var html = "<h3>Drafts with findings</h3>\n<ul class=\"problems\">\n"
        for (index, draft) in listed {
            html +=
                "<li><a href=\"#d\(index)\">\(HTMLText.escape(draft.shownPath))</a> <span class=\"draft-meta\">\(DraftSection.countsLine(draft))</span></li>\n"
        }
        return html + "</ul>\n"
    }
}
