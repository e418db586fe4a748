import CandorRules
import CandorText

/// `--format html` for `candor lint`: one standalone page with each draft's prose and its findings
/// marked in place, a summary on top, and notes under each draft (docs/report.md).
public struct HTMLReporter: Reporter {
    /// The folder paths are shown relative to; nil shows them as given.
    public var baseDirectory: String?
    /// Drafts shown open; the rest start collapsed, so a report over an archive opens fast.
    public var openDrafts: Int

    public init(baseDirectory: String? = nil, openDrafts: Int = 5) {
        self.baseDirectory = baseDirectory
        self.openDrafts = openDrafts
    }

    public func render(_ run: RunReport) -> String {
        let drafts = run.files.map { HTMLDraft($0, base: baseDirectory) }
        let rules = Dictionary(run.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let files = "\(drafts.count) \(drafts.count == 1 ? "file" : "files")"
        var html = HTMLPage.begin(
            title: "Candor report: " + (drafts.count == 1 ? drafts[0].shownPath : files),
            findings: drafts.flatMap(\.findings), rules: rules)
        html +=
            "<h1>Candor report</h1>\n<p class=\"meta\">\(files) linted by Candor \(HTMLText.escape(run.version))</p>\n"
        html += SummarySection(drafts: drafts).render(title: "Summary")
        let categories = Set(drafts.flatMap { $0.findings.map(\.category) }).union(CategoryStyle.builtin)
        html += HTMLPage.legend(categories: CategoryStyle.order(categories))
        html += "<div id=\"drafts\">\n"
        let section = DraftSection(rules: rules)
        let opened = Self.opened(drafts, limit: openDrafts)
        for (index, draft) in drafts.enumerated() {
            html += section.render(draft, index: index, open: opened.contains(index))
        }
        return html + "</div>\n" + HTMLPage.end()
    }

    /// Which drafts start open: all of a small run; otherwise the first few with something to show.
    static func opened(_ drafts: [HTMLDraft], limit: Int) -> Set<Int> {
        if drafts.count <= limit { return Set(drafts.indices) }
        let interesting = drafts.indices.filter { !drafts[$0].findings.isEmpty || drafts[$0].error != nil }
        return Set(interesting.prefix(limit))
    }
}
