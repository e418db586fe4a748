import Foundation
import Testing

/// `--format html` loaded in a real browser: headless Chromium parses each report, and the DOM it built
/// must mark every finding of the JSON report at the right words, keep hostile text inert, and show the
/// scorecards; a screenshot of each page is left in `Chromium.screenshotFolder`.
@Suite(.serialized) struct HTMLReportBrowserTests {
    /// The fixture drafts a person would review (EXPECTED.md and expected/ are the answer key, not drafts).
    static let fixtureDrafts: [String] = {
        let folder = TestSupport.packageRoot.appendingPathComponent("fixtures/drafts")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { ($0.hasSuffix(".md") || $0.hasSuffix(".txt")) && $0 != "EXPECTED.md" }.sorted()
            .map { folder.appendingPathComponent($0).path }
    }()

    /// Drafts that try to inject markup through their text, their file name and a rule's message.
    static func hostileDrafts(in folder: URL) throws -> (paths: [String], lexicon: String) {
        let plain = folder.appendingPathComponent("hostile.txt")
        try """
        <script>alert("pwned")</script> The coach was accused of sexual misconduct.

        "><img src=x onerror=alert(1)> It was a sex scandal & a <b>cover-up</b>.

        """.write(to: plain, atomically: true, encoding: .utf8)
        let named = folder.appendingPathComponent("x\"><img src=x onerror=alert(2)>.md")
        try "He was **accused of** *sexual misconduct* at the club &amp; the school.\n".write(
            to: named, atomically: true, encoding: .utf8)
        let html = folder.appendingPathComponent("hostile.html")
        try """
        <html><body><p>&lt;script&gt;alert(3)&lt;/script&gt; The paper called it a sex scandal.</p>
        <script>alert(4)</script><p title="&quot;&gt;&lt;img src=x onerror=alert(6)&gt;">Nothing here.</p></body></html>

        """.write(to: html, atomically: true, encoding: .utf8)
        let lexicon = folder.appendingPathComponent("hostile.yml")
        try """
        category: test
        rules:
          - id: test.hostile
            severity: error
            guidance: V1
            principles: [B1]
            patterns:
              - 'accused of'
            message: '"><img src=x onerror=alert(5)> <script>alert(7)</script> {match}'
            suggestions: ['</mark><script>alert(8)</script>']
            why: Tests that rule text is escaped.
            examples:
              flag: [he was accused of it]
              pass: [nothing]

        """.write(to: lexicon, atomically: true, encoding: .utf8)
        return ([plain.path, named.path, html.path], lexicon.path)
    }

    @Test func lintReportMarksEveryFindingOfTheJSONReport() throws {
        guard Chromium.executable != nil else { return print(Chromium.skipMessage) }
        let folder = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hostile = try Self.hostileDrafts(in: folder)
        let arguments = ["lint", "--no-config", "--lexicon", hostile.lexicon] + Self.fixtureDrafts + hostile.paths
        let json = try CLITests.run(arguments + ["--format", "json"])
        let html = try CLITests.run(arguments + ["--format", "html"])
        #expect(json.status == 1 && html.status == 1, "\(html.stderr)")
        let files = try #require(
            (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["files"]
                as? [[String: Any]])

        let page = folder.appendingPathComponent("lint.html")
        try html.stdout.write(to: page, atomically: true, encoding: .utf8)
        let dom = ReportDOM(try Chromium.dumpDOM(page))
        let marks = dom.elements(named: "mark").filter { $0.attributes["data-finding"] != nil }
        var checked = 0
        for (index, file) in files.enumerated() {
            let path = try #require(file["path"] as? String)
            for (offset, finding) in ((file["findings"] as? [[String: Any]]) ?? []).enumerated() {
                let id = "f\(index)-\(offset + 1)"
                let first = marks.first { $0.attributes["id"] == id }
                #expect(
                    first?.attributes["data-rule"] == finding["rule"] as? String,
                    "\(path): finding \(offset + 1) is not marked")
                #expect(first?.attributes["tabindex"] == "0")
                let expected = try #require(finding["match"] as? String)
                let shown = try #require(dom.markedText[id], "\(path): no text marked for \(finding["rule"] ?? "")")
                #expect(
                    Self.sameWords(shown, expected, markup: !path.hasSuffix(".txt")),
                    "\(path) line \(finding["line"] ?? 0): marked \"\(shown)\", the finding is \"\(expected)\"")
                // The message is on the mark (hover and focus) and in the note it is described by.
                #expect(first?.attributes["data-tip"]?.contains(try #require(finding["message"] as? String)) == true)
                #expect(dom.elements.contains { $0.attributes["id"] == "n\(index)-\(offset + 1)" })
                checked += 1
            }
        }
        #expect(checked > 50, "the fixtures should give many findings; checked \(checked)")
        #expect(
            Set(marks.compactMap { $0.attributes["id"] }).count == checked, "a mark without a finding, or one twice")

        Self.expectInert(dom)
        #expect(dom.text.contains("<script>alert(\"pwned\")</script> The coach"))
        #expect(dom.text.contains("\"><img src=x onerror=alert(1)> It was a sex scandal & a <b>cover-up</b>."))
        #expect(dom.text.contains("<script>alert(3)</script> The paper called it"))
        #expect(dom.text.contains("x\"><img src=x onerror=alert(2)>.md"))
        #expect(dom.text.contains("</mark><script>alert(8)</script>"))
        #expect(!dom.text.contains("alert(4)"), "an HTML draft's script is not prose")
        // The draft's markup is rendered, not shown: emphasis and entities are gone from the prose.
        #expect(dom.text.contains("He was accused of sexual misconduct at the club & the school."))

        let csp = dom.elements(named: "meta").first { $0.attributes["http-equiv"] == "Content-Security-Policy" }
        #expect(csp?.attributes["content"]?.contains("script-src 'none'") == true)
        #expect(dom.elements(named: "html").first?.attributes["lang"] == "en")

        let shots = Chromium.screenshotFolder
        try Chromium.screenshot(page, to: shots.appendingPathComponent("lint.png"))
        try Chromium.screenshot(
            page, to: shots.appendingPathComponent("lint-phone.png"), width: 390, height: 1600, scale: 2)
        try Self.expectPNG(shots.appendingPathComponent("lint.png"))
        try Self.expectPNG(shots.appendingPathComponent("lint-phone.png"))
        print("screenshots: \(shots.path)/lint.png, lint-phone.png")
    }

    @Test func testReportShowsTheScorecardAndMarksTheDraft() throws {
        guard Chromium.executable != nil else { return print(Chromium.skipMessage) }
        let folder = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let drafts = ["org-apology.md", "personal-apology.txt", "news-lede.txt"]
            .map { TestSupport.packageRoot.appendingPathComponent("fixtures/drafts/\($0)").path }
        let json = try CLITests.run(["test", "--no-config", "--format", "json"] + drafts)
        let html = try CLITests.run(["test", "--no-config", "--format", "html"] + drafts)
        #expect(json.status == html.status, "\(html.stderr)")
        let cards = try #require(
            (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["drafts"]
                as? [[String: Any]])
        let page = folder.appendingPathComponent("test.html")
        try html.stdout.write(to: page, atomically: true, encoding: .utf8)
        let dom = ReportDOM(try Chromium.dumpDOM(page))
        Self.expectInert(dom)

        for (index, card) in cards.enumerated() {
            let path = try #require(card["path"] as? String)
            #expect(dom.text.contains("\(try #require(card["score"] as? Int))/100"), "\(path): score not shown")
            for test in (card["tests"] as? [[String: Any]]) ?? [] {
                let title = try #require(test["title"] as? String)
                let status = try #require(test["status"] as? String)
                #expect(dom.text.contains(title) && dom.text.contains(status), "\(path): \(title) not shown")
            }
            for (offset, finding) in ((card["findings"] as? [[String: Any]]) ?? []).enumerated() {
                let shown = dom.markedText["f\(index)-\(offset + 1)"]
                #expect(
                    shown.map { Self.sameWords($0, finding["match"] as? String ?? "", markup: path.hasSuffix(".md")) }
                        == true,
                    "\(path): finding \(offset + 1) marked as \(shown ?? "nothing")")
            }
        }
        // Each status carries its word and symbol, not only a colour.
        #expect(dom.text.contains("✗ fail") && dom.text.contains("✓ pass"))
        try Chromium.screenshot(page, to: Chromium.screenshotFolder.appendingPathComponent("test.png"))
        try Self.expectPNG(Chromium.screenshotFolder.appendingPathComponent("test.png"))
    }

    @Test func compareReportPutsTheVariantsSideBySide() throws {
        guard Chromium.executable != nil else { return print(Chromium.skipMessage) }
        let folder = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let drafts = ["org-apology.md", "good-apology.md"].map {
            TestSupport.packageRoot.appendingPathComponent("fixtures/drafts/\($0)").path
        }
        let json = try CLITests.run(["compare", "--no-config", "--format", "json"] + drafts)
        let html = try CLITests.run(["compare", "--no-config", "--format", "html"] + drafts)
        #expect(html.status == 0, "\(html.stderr)")
        let cards = try #require(
            (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["drafts"]
                as? [[String: Any]])
        let page = folder.appendingPathComponent("compare.html")
        try html.stdout.write(to: page, atomically: true, encoding: .utf8)
        let dom = ReportDOM(try Chromium.dumpDOM(page))
        Self.expectInert(dom)
        #expect(dom.elements.contains { $0.attributes["class"] == "comparison" })
        #expect(dom.elements.filter { $0.name == "details" && $0.attributes["class"] == "draft" }.count == 2)
        for (index, card) in cards.enumerated() {
            for (offset, finding) in ((card["findings"] as? [[String: Any]]) ?? []).enumerated() {
                #expect(
                    dom.markedText["f\(index)-\(offset + 1)"].map {
                        Self.sameWords($0, finding["match"] as? String ?? "", markup: true)
                    } == true)
            }
        }
        #expect(dom.text.contains("★ best"))
        #expect(dom.text.contains("only in"), "the differences between the variants are listed")
        try Chromium.screenshot(page, to: Chromium.screenshotFolder.appendingPathComponent("compare.png"), width: 1400)
        try Self.expectPNG(Chromium.screenshotFolder.appendingPathComponent("compare.png"))
    }

    /// No element or attribute that could run anything: the hostile text stayed text.
    static func expectInert(_ dom: ReportDOM) {
        for name in ["script", "img", "iframe", "object", "embed", "link", "form", "b"] {
            #expect(dom.elements(named: name).isEmpty, "the page has a <\(name)> element")
        }
        for element in dom.elements {
            #expect(!element.attributes.keys.contains { $0.hasPrefix("on") }, "<\(element.name)> has an event handler")
            #expect(!(element.attributes["href"] ?? "").lowercased().hasPrefix("javascript:"))
        }
    }

    /// Marked text and a finding's match are the same words. Marked text is prose; a match is source, so
    /// in Markdown or HTML it may still hold emphasis markers or an entity between the words.
    static func sameWords(_ shown: String, _ match: String, markup: Bool) -> Bool {
        func words(_ text: String) -> String { text.split { $0.isWhitespace }.joined(separator: " ") }
        if words(shown) == words(match) { return true }
        guard markup else { return false }
        let source = ReportDOM.decode(match).filter { !"*_`\\".contains($0) }
        return words(shown) == words(source)
    }

    static func expectPNG(_ url: URL) throws {
        let data = try Data(contentsOf: url)
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(url.lastPathComponent) is not a PNG")
        #expect(data.count > 20_000, "\(url.lastPathComponent) looks empty (\(data.count) bytes)")
    }
}
