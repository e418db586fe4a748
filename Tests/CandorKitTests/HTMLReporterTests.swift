import Foundation
import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

/// The HTML report without a browser: marks placed on the prose (nested, overlapping, across markup),
/// findings with no prose to mark, escaping, and collapsed drafts in a large run. The browser tests
/// (HTMLReportBrowserTests) check the same pages as Chromium builds them.
@Suite struct HTMLReporterTests {
    static func finding(
        _ rule: String, _ range: Range<Int>, in source: String, category: FindingCategory = .vague,
        severity: Severity = .warning, context: MatchContext? = nil
    ) -> Finding {
        let bytes = Array(source.utf8)
        return Finding(
            rule: rule, category: category, severity: severity, line: 1, column: range.lowerBound + 1, endLine: 1,
            endColumn: range.upperBound + 1, offset: range.lowerBound, length: range.count,
            match: String(decoding: bytes[range], as: UTF8.self), message: "about \(rule)",
            suggestions: ["other words"],
            context: context)
    }

    static func page(_ path: String, _ source: String, _ findings: [Finding], markup: MarkupKind? = nil) -> ReportDOM {
        let run = RunReport(
            files: [FileReport(path: path, findings: findings, source: Array(source.utf8), markup: markup)],
            rules: ReporterTests.rules)
        return ReportDOM(HTMLReporter().render(run))
    }

    @Test func overlappingAndNestedFindingsEachHoldExactlyTheirWords() {
        let source = "aaa bbb ccc ddd eee\n"
        let findings = [
            Self.finding("r.outer", 0..<11, in: source),  // aaa bbb ccc
            Self.finding("r.inner", 4..<7, in: source),  // bbb, inside the outer one
            Self.finding("r.cross", 8..<15, in: source),  // ccc ddd, crosses the outer one's end
            Self.finding("r.tail", 12..<19, in: source, category: .blaming)
        ]
        let dom = Self.page("a.txt", source, findings)
        #expect(dom.markedText["f0-1"] == "aaa bbb ccc")
        #expect(dom.markedText["f0-2"] == "bbb")
        #expect(dom.markedText["f0-3"] == "ccc ddd")
        #expect(dom.markedText["f0-4"] == "ddd eee")
        // A finding split into pieces has one focusable first piece with the id; the rest continue it.
        let pieces = dom.elements(named: "mark").filter { $0.attributes["data-finding"] == "f0-3" }
        #expect(pieces.count == 2)
        #expect(pieces.filter { $0.attributes["id"] == "f0-3" && $0.attributes["tabindex"] == "0" }.count == 1)
        #expect(pieces.last?.attributes["class"]?.contains("continued") == true)
        #expect(dom.text.contains("aaa bbb ccc ddd eee"))
    }

    @Test func markdownEmphasisAndEntitiesAreRenderedAndStillMarked() throws {
        let source =
            "# A *statement*\n\nHe was accused of *sexual* misconduct &amp; more.\n\n> It was just **banter**, he said.\n\n- one sex scandal\n"
        var options = LintOptions()
        options.keepSource = true
        options.markup = .markdown
        let report = TestSupport.linter(options: options).lint(SourceDocument(path: "s.md", text: source))
        #expect(report.findings.count >= 2)
        let run = RunReport(files: [report], rules: TestSupport.builtinRuleSet.rules)
        let html = HTMLReporter().render(run)
        let dom = ReportDOM(html)
        for (index, finding) in report.findings.enumerated() {
            let shown = try #require(dom.markedText["f0-\(index + 1)"])
            #expect(
                HTMLReportBrowserTests.sameWords(shown, finding.match, markup: true), "\(shown) vs \(finding.match)")
        }
        #expect(dom.text.contains("He was accused of sexual misconduct & more."))
        #expect(!dom.text.contains("# A") && !dom.text.contains("&amp;"))
        #expect(html.contains("<h4 class=\"draft-heading\">A statement</h4>"))
        #expect(html.contains("<blockquote>") && html.contains("<ul class=\"draft-list\">"))
    }

    @Test func aFindingOnMarkupIsListedInsteadOfMarked() {
        let source = "<!-- candor-disable-next-line vague.no-such-rule -->\nA sex scandal.\n"
        var options = LintOptions()
        options.keepSource = true
        options.markup = .markdown
        let report = TestSupport.linter(options: options).lint(SourceDocument(path: "d.md", text: source))
        let directive = report.findings.firstIndex { $0.category == .candor }
        #expect(directive != nil, "\(report.findings)")
        let html = HTMLReporter().render(RunReport(files: [report], rules: TestSupport.builtinRuleSet.rules))
        let dom = ReportDOM(html)
        if let directive {
            #expect(dom.markedText["f0-\(directive + 1)"] == nil)
            #expect(html.contains("Not in the prose, so not marked above"))
            #expect(dom.elements.contains { $0.attributes["id"] == "n0-\(directive + 1)" })
        }
    }

    @Test func cssStringsCannotEndTheStringTheRuleOrTheStyleElement() {
        #expect(
            TipStyles.string("a\"b\\c</style>{x}\n")
                == #""a\000022b\00005cc\00003c/style\00003e\00007bx\00007d\00000a""#)
        #expect(TipStyles.string("curly “quotes” — fine") == "\"curly “quotes” — fine\"")
    }

    @Test func textFromDraftsFileNamesAndRulesIsEscaped() {
        #expect(
            HTMLText.escape("<a href=\"x\" title='y'>&amp;</a>")
                == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;")
        #expect(HTMLText.escape("line\r\nbreak\u{1B}[31m") == "line\nbreak\u{241B}[31m")
        let source = "<img src=x onerror=alert(1)> the bad thing\r\n"
        let finding = Self.finding("test.vague-term", 33..<42, in: source)
        let html = HTMLReporter().render(
            RunReport(
                files: [
                    FileReport(
                        path: "\"><script>x</script>.txt", findings: [finding],
                        source: Array(source.utf8))
                ], rules: ReporterTests.rules))
        #expect(!html.contains("<img") && !html.contains("<script>x"))
        #expect(!html.contains("\r"))
        let dom = ReportDOM(html)
        #expect(dom.text.contains("<img src=x onerror=alert(1)> the bad thing"))
        #expect(dom.markedText["f0-1"] == "bad thing")
    }

    @Test func summaryListsErrorsSkippedFilesAndCounts() {
        let html = HTMLReporter().render(ReporterTests.sampleRun())
        let dom = ReportDOM(html)
        #expect(dom.text.contains("missing.md: no such file or directory"))
        #expect(dom.text.contains("image.txt: binary file"))
        #expect(dom.text.contains("Files with errors"))
        #expect(html.contains("<strong>3</strong> findings"))
        // A quoted finding looks different, and says why.
        let quoted = dom.elements(named: "mark").first { $0.attributes["data-rule"] == "test.blame" }
        #expect(quoted?.attributes["class"]?.contains("ctx-quoted") == true)
        #expect(quoted?.attributes["data-tip"]?.contains("in quoted speech") == true)
        // The rule's half of the tip (suggestions, id, guidance) is in the page's style, once per rule.
        #expect(
            html.contains(
                #"mark[data-rule="test.blame"]{--try:"\00000aTry:\00000a– say what he did";--ref:"\00000aRule test.blame · guidance B6"#
            ))
    }

    @Test func draftsBeyondTheFirstFewStartCollapsed() {
        let files = (0..<12).map { index in
            let source = "Draft \(index) had the bad thing.\n"
            return FileReport(
                path: "d\(index).txt",
                findings: index % 2 == 0 ? [Self.finding("test.vague-term", 14..<23, in: source)] : [],
                source: Array(source.utf8))
        }
        let dom = ReportDOM(HTMLReporter(openDrafts: 3).render(RunReport(files: files, rules: ReporterTests.rules)))
        let drafts = dom.elements(named: "details").filter { $0.attributes["class"] == "draft" }
        #expect(drafts.count == 12)
        #expect(drafts.filter { $0.attributes["open"] != nil }.map { $0.attributes["id"] } == ["d0", "d2", "d4"])
        #expect(dom.markedText.count == 6)
    }
}
