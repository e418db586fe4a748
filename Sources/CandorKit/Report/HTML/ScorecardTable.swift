import CandorRules
import CandorText

/// A scorecard as HTML: each check's result (with a word and a symbol, not colour alone), why, its
/// parts, and the spans that decided it, linked to their marks in the draft below.
struct ScorecardTable {
    static func status(_ status: TestStatus) -> String {
        switch status {
        case .pass: return "<span class=\"status status-pass\">✓ pass</span>"
        case .warn: return "<span class=\"status status-warn\">! warn</span>"
        case .fail: return "<span class=\"status status-fail\">✗ fail</span>"
        case .notApplicable: return "<span class=\"status status-na\">– n/a</span>"
        }
    }

    static func score(_ card: Scorecard) -> String {
        guard let score = card.score else { return "<span class=\"score\">–</span>" }
        return "<span class=\"score\">\(score)<small>/100</small></span>"
    }

    /// The table of one draft's checks. `index` is the draft's position on the page, for links to its marks.
    /// `collapsed` puts the table behind a disclosure (compare, where the table of all variants comes first).
    static func render(_ card: Scorecard, index: Int, collapsed: Bool = false) -> String {
        guard card.error == nil else { return "" }
        var html = "<p>Score \(score(card))</p>\n"
        if collapsed { html += "<details class=\"checks\"><summary>Why each check passed or failed</summary>\n" }
        html += "<div class=\"scroll\"><table class=\"scorecard\">\n"
        html +=
            "<caption class=\"draft-meta\" style=\"text-align:left\">Message tests (docs/message-tests.md)</caption>\n"
        html +=
            "<thead><tr><th scope=\"col\">Check</th><th scope=\"col\">Result</th><th scope=\"col\">Why</th></tr></thead>\n<tbody>\n"
        for result in card.results {
            html += "<tr><th scope=\"row\">\(HTMLText.escape(result.title))"
            html += "<br><span class=\"draft-meta\">\(HTMLText.escape(result.principle))</span></th>"
            html += "<td>\(status(result.status))</td><td>\(HTMLText.escape(result.reason))"
            if !result.components.isEmpty {
                html += "<ul class=\"components\">\n"
                for component in result.components {
                    html +=
                        "<li>\(status(component.status)) \(HTMLText.escape(component.name)): \(HTMLText.escape(component.note))</li>\n"
                }
                html += "</ul>"
            }
            if !result.evidence.isEmpty {
                html += "<ul class=\"evidence\" aria-label=\"Spans that decided it\">\n"
                for item in result.evidence { html += "<li>\(evidence(item, card: card, index: index))</li>\n" }
                html += "</ul>"
            }
            html += "</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n" + (collapsed ? "</details>\n" : "")
    }

    /// "line 5: “sorry if” (intent)", linked to the mark when the span is one of the draft's findings.
    private static func evidence(_ item: Evidence, card: Scorecard, index: Int) -> String {
        var html = "line \(item.line)"
        if !item.text.isEmpty {
            let quoted = "“\(HTMLText.escape(item.text))”"
            if let number = card.findings.firstIndex(where: {
                $0.line == item.line && $0.column == item.column && $0.match == item.text
            }) {
                html += ": <a href=\"#f\(index)-\(number + 1)\">\(quoted)</a>"
            } else {
                html += ": \(quoted)"
            }
        }
        return html + " (\(HTMLText.escape(item.note)))"
    }

    /// The variants side by side: one row per check, one column per draft, the scores, and the best.
    static func comparison(_ cards: [Scorecard], base: String?) -> String {
        let best = cards.filter { $0.score != nil }.max { $0.score! < $1.score! }
        var html = "<div class=\"scroll\"><table class=\"comparison\">\n<thead><tr><th scope=\"col\">Check</th>"
        for (index, card) in cards.enumerated() {
            let name = HTMLText.escape(HTMLDraft.shown(card.path, base: base))
            html += "<th scope=\"col\"><a href=\"#d\(index)\">\(name)</a></th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for (row, test) in MessageTester.tests.enumerated() {
            html += "<tr><th scope=\"row\">\(HTMLText.escape(test.title))</th>"
            for card in cards {
                html +=
                    card.error != nil
                    ? "<td>–</td>"
                    : "<td>\(status(card.results.count > row ? card.results[row].status : .notApplicable))</td>"
            }
            html += "</tr>\n"
        }
        html += "<tr><th scope=\"row\">Score</th>"
        for card in cards {
            let isBest = cards.count > 1 && best.map { $0.path == card.path && $0.score == card.score } == true
            html += "<td>\(score(card))\(isBest ? " <span class=\"best\">★ best</span>" : "")</td>"
        }
        return html + "</tr>\n</tbody>\n</table></div>\n"
    }

    /// Findings one variant has and another lacks, by rule and wording: what changed between them.
    static func differences(_ cards: [Scorecard], base: String?) -> String {
        guard cards.count > 1 else { return "" }
        var items: [String] = []
        for (index, card) in cards.enumerated() {
            let others = cards.enumerated().filter { $0.offset != index }
                .map { Set($0.element.findings.map { "\($0.rule)|\($0.match.lowercased())" }) }
            for (number, finding) in card.findings.enumerated()
            where others.contains(where: { !$0.contains("\(finding.rule)|\(finding.match.lowercased())") }) {
                let name = HTMLText.escape(HTMLDraft.shown(card.path, base: base))
                items.append(
                    "<li>only in <strong>\(name)</strong>: <a href=\"#f\(index)-\(number + 1)\">“\(HTMLText.escape(finding.match))”</a>"
                        + " <span class=\"draft-meta\">line \(finding.line), <code>\(HTMLText.escape(finding.rule))</code></span></li>"
                )
            }
        }
        guard !items.isEmpty else { return "<p>The variants have the same findings.</p>\n" }
        return "<h3>Differences</h3>\n<ul class=\"problems\">\n" + items.joined(separator: "\n") + "\n</ul>\n"
    }
}
