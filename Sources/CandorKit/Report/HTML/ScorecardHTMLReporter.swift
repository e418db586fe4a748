import CandorRules
import CandorText

/// A draft as `candor test` and `candor compare` read it: its scorecard, and its bytes to show.
public struct ScoredDraft: Sendable {
    public var card: Scorecard
    public var source: [UInt8]?
    public var markup: MarkupKind?

    public init(card: Scorecard, source: [UInt8]?, markup: MarkupKind?) {
        self.card = card
        self.source = source
        self.markup = markup
    }

    func htmlDraft(base: String?) -> HTMLDraft {
        HTMLDraft(
            path: card.path, base: base, source: source, markup: markup, findings: card.findings,
            error: card.error)
    }
}

/// `--format html` for `candor test` (each draft's scorecard above its marked prose) and `candor
/// compare` (the variants' checks in one table, then the drafts side by side).
public struct ScorecardHTMLReporter {
    public var rules: [String: Rule]
    /// The folder paths are shown relative to; nil shows them as given.
    public var baseDirectory: String?
    public var openDrafts: Int

    public init(rules: [Rule], baseDirectory: String? = nil, openDrafts: Int = 5) {
        self.rules = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.baseDirectory = baseDirectory
        self.openDrafts = openDrafts
    }

    public func test(_ drafts: [ScoredDraft]) -> String {
        let shown = drafts.map { $0.htmlDraft(base: baseDirectory) }
        let count = "\(drafts.count) \(drafts.count == 1 ? "draft" : "drafts")"
        var html = HTMLPage.begin(
            title: "Candor message test: " + (drafts.count == 1 ? shown[0].shownPath : count),
            findings: shown.flatMap(\.findings), rules: rules)
        html +=
            "<h1>Candor message test</h1>\n<p class=\"meta\">\(count) scored against the messaging guidance by Candor \(Candor.version)</p>\n"
        if drafts.count > 1 { html += scores(drafts) }
        html += SummarySection(drafts: shown).render(title: "Findings")
        html += HTMLPage.legend(categories: categories(shown))
        html += "<div id=\"drafts\">\n"
        let section = DraftSection(rules: rules)
        let opened = HTMLReporter.opened(shown, limit: openDrafts)
        for (index, draft) in drafts.enumerated() {
            html += section.render(
                shown[index], index: index, open: opened.contains(index),
                preamble: ScorecardTable.render(draft.card, index: index))
        }
        return html + "</div>\n" + HTMLPage.end()
    }

    public func compare(_ drafts: [ScoredDraft]) -> String {
        let shown = drafts.map { $0.htmlDraft(base: baseDirectory) }
        let cards = drafts.map(\.card)
        var html = HTMLPage.begin(
            title: "Candor compare: " + shown.map(\.shownPath).joined(separator: " vs "), wide: true,
            findings: shown.flatMap(\.findings), rules: rules)
        html +=
            "<h1>Candor compare</h1>\n<p class=\"meta\">\(drafts.count) variants scored against the messaging guidance by Candor \(Candor.version)</p>\n"
        html += "<section aria-labelledby=\"side-title\">\n<h2 id=\"side-title\">Side by side</h2>\n"
        html += ScorecardTable.comparison(cards, base: baseDirectory)
        html += ScorecardTable.differences(cards, base: baseDirectory) + "</section>\n"
        html += HTMLPage.legend(categories: categories(shown))
        html += "<div id=\"drafts\" class=\"variants\">\n"
        let section = DraftSection(rules: rules)
        for (index, draft) in drafts.enumerated() {
            html += section.render(
                shown[index], index: index, open: true,
                preamble: ScorecardTable.render(draft.card, index: index, collapsed: true))
        }
        return html + "</div>\n" + HTMLPage.end()
    }

    /// One row per draft: its score and how many checks passed, warned and failed.
    private func scores(_ drafts: [ScoredDraft]) -> String {
        var html =
            "<section aria-labelledby=\"scores-title\">\n<h2 id=\"scores-title\">Scores</h2>\n<div class=\"scroll\"><table>\n"
        html +=
            "<thead><tr><th scope=\"col\">Draft</th><th scope=\"col\" class=\"num\">Score</th><th scope=\"col\" class=\"num\">Pass</th>"
        html +=
            "<th scope=\"col\" class=\"num\">Warn</th><th scope=\"col\" class=\"num\">Fail</th></tr></thead>\n<tbody>\n"
        for (index, draft) in drafts.enumerated() {
            let results = draft.card.results
            let name = HTMLText.escape(HTMLDraft.shown(draft.card.path, base: baseDirectory))
            html += "<tr><th scope=\"row\"><a href=\"#d\(index)\">\(name)</a></th>"
            html += "<td class=\"num\">\(ScorecardTable.score(draft.card))</td>"
            for status in [TestStatus.pass, .warn, .fail] {
                html += "<td class=\"num\">\(results.filter { $0.status == status }.count)</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</section>\n"
    }

    private func categories(_ drafts: [HTMLDraft]) -> [FindingCategory] {
        CategoryStyle.order(Set(drafts.flatMap { $0.findings.map(\.category) }).union(CategoryStyle.builtin))
    }
}
