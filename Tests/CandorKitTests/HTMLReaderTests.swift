import Foundation
import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

@Suite struct HTMLReaderTests {
    typealias F = MarkupFixture

    func read(_ text: String) -> (ProseDocument, [UInt8]) {
        let bytes = Array(text.utf8)
        return (HTMLReader().read(bytes), bytes)
    }

    @Test func deeplyNestedElementsCostConstantTimeEach() throws {
        // Each block used to walk the whole stack of open blocks: 100,000 nested divs took minutes in a debug build.
        let depth = 100_000
        let html =
            "<blockquote>" + String(repeating: "<div>", count: depth) + "<p>It was a sex scandal.</p>"
            + String(repeating: "</div>", count: depth) + "</blockquote><p>It was a sex scandal.</p>"
        let start = ContinuousClock.now
        let (document, _) = read(html)
        #expect(ContinuousClock.now - start < .seconds(20))
        let kinds = document.blocks.map(\.kind)
        #expect(kinds.first == .blockQuote)
        #expect(kinds.last == .paragraph)
    }

    @Test func blockKindsFollowTheNearestSpecificBlock() {
        let html =
            "<blockquote><ul><li>quoted item</li></ul></blockquote><table><tr><th>Avoid</th></tr>"
            + "<tr><td><div>cell</div></td><td><ul><li>listed</li></ul></td></tr></table><ul><li><div>item</div></li></ul>"
        let (document, _) = read(html)
        #expect(document.blocks.map(\.kind) == [.blockQuote, .tableCell, .tableCell, .listItem, .listItem])
    }

    /// Emoji, curly quotes, CJK, CRLF, tabs, entities, inline markup, nested lists, a table, and every element
    /// whose text is not prose. The meta charset must not make libxml2 read the UTF-8 as Latin-1.
    static let fixture = [
        "<!DOCTYPE html>",
        "<html lang=\"en\">",
        "<head>",
        "<meta charset=\"iso-8859-1\">",
        "<title>The accuser &ndash; &ldquo;story&rdquo; — 日本語</title>",
        "<style>p::before { content: \"accuser\"; }</style>",
        "<script>const s = \"<p>sexual misconduct</p>\"; if (a < b && c > d) {}</script>",
        "</head>",
        "<body class=\"accuser\">",
        "<!-- a comment about the accuser -->",
        "<h1 id=\"accuser\">Café 😀 accuser speaks</h1>",
        "<p>The sexual <em>misconduct</em> of the owner&rsquo;s \t friend, &#8220;accuser&#x201D; &amp; 中文.",
        "Second line: sexual",
        "misconduct again.</p>",
        "<p><a href=\"https://example.com/accuser\" title=\"the accuser title\">link accuser text</a>",
        "<img src=\"accuser.png\" alt='alt accuser 🖼' data-x=\"accuser\"></p>",
        "<pre>pre accuser</pre>",
        "<p>Inline <code>code accuser</code> and <kbd>x</kbd> tail accuser.</p>",
        "<blockquote><p>Quoted accuser line</p>Loose accuser words</blockquote>",
        "<ul>",
        "  <li>Level one accuser",
        "    <ul><li>Nested <strong>accuser</strong> 🎉</li></ul>",
        "  </li>",
        "</ul>",
        "<table>",
        "  <thead><tr><th>Instead of</th><th><p>Use</p></th></tr></thead>",
        "  <tbody><tr><td>accuser 🙂</td><td>the accuser who reported</td></tr></tbody>",
        "</table>",
        "<noscript>noscript accuser</noscript>",
        "<template><p>template accuser</p></template>",
        "</body>",
        "</html>",
        ""
    ].joined(separator: "\r\n")

    @Test func fixtureProseAndPositions() {
        let (document, source) = read(Self.fixture)
        let prose = F.prose(document)
        F.expectWellFormed(document, source: source, lineBreaksAsSpaces: true)

        for hidden in [
            "content:", "<p>", "const", "a comment", "pre accuser", "code accuser", "noscript", "template",
            "https", "accuser.png", "DOCTYPE", "lang", "charset"
        ] {
            #expect(!prose.contains(hidden), "\(hidden) should not be prose")
        }
        // Entities decode; line breaks in the source are spaces in the prose, so sentences run on across them.
        #expect(prose.contains("The accuser – “story” — 日本語"))
        #expect(
            prose.contains(
                "The sexual misconduct of the owner’s \t friend, “accuser” & 中文.  Second line: sexual  misconduct again."
            ))
        #expect(prose.contains("link accuser text"))

        F.expectMapped("The accuser", document, source)
        F.expectMapped("日本語", document, source)
        F.expectMapped("Café 😀 accuser speaks", document, source)
        F.expectMapped("The sexual ", document, source)
        F.expectMapped("misconduct", document, source, source: 2)
        F.expectMapped(" of the owner", document, source)
        F.expectMapped("s \t friend, ", document, source)
        F.expectMapped("accuser", document, source, prose: 3, source: 7)
        F.expectMapped("中文.", document, source)
        F.expectMapped("Second line: sexual", document, source)
        F.expectMapped("misconduct again.", document, source)
        F.expectMapped("link accuser text", document, source)
        F.expectMapped("tail accuser.", document, source)
        F.expectMapped("Quoted accuser line", document, source)
        F.expectMapped("Loose accuser words", document, source)
        F.expectMapped("Level one accuser", document, source)
        F.expectMapped("Nested ", document, source)
        F.expectMapped("accuser 🙂", document, source)
        F.expectMapped("the accuser who reported", document, source)
        // Attribute values are prose, mapped into the attribute.
        F.expectMapped("the accuser title", document, source)
        F.expectMapped("alt accuser 🖼", document, source)

        // Each entity stands for its whole spelling.
        F.expectMapped("’", document, source, sourceText: "&rsquo;")
        F.expectMapped("“story”", document, source, sourceText: "&ldquo;story&rdquo;")
        F.expectMapped("“accuser”", document, source, sourceText: "&#8220;accuser&#x201D;")
        F.expectMapped("& 中文", document, source, sourceText: "&amp; 中文")
    }

    @Test func fixtureBlocks() {
        let (document, _) = read(Self.fixture)
        #expect(F.block(containing: "The accuser –", in: document)?.kind == .heading)
        #expect(F.block(containing: "Café", in: document)?.kind == .heading)
        #expect(F.block(containing: "The sexual", in: document)?.kind == .paragraph)
        #expect(F.block(containing: "Quoted accuser", in: document)?.kind == .blockQuote)
        #expect(F.block(containing: "Loose accuser", in: document)?.kind == .blockQuote)
        #expect(F.block(containing: "Level one", in: document)?.kind == .listItem)
        #expect(F.block(containing: "Nested", in: document)?.kind == .listItem)
        let cell = F.block(containing: "accuser 🙂", in: document)
        #expect(cell?.kind == .tableCell)
        #expect(cell?.columnHeader == "instead of")
        #expect(F.block(containing: "the accuser who", in: document)?.columnHeader == "use")
        #expect(F.block(containing: "Instead of", in: document)?.columnHeader == "instead of")
        // Attribute values are blocks of their own, never part of the sentence around the element.
        #expect(F.block(containing: "alt accuser 🖼", in: document).map { F.blockText(document, $0) } == "alt accuser 🖼")
        #expect(
            F.block(containing: "the accuser title", in: document).map { F.blockText(document, $0) }
                == "the accuser title")
        // Inline elements do not split a block; block elements do.
        #expect(
            F.block(containing: "Inline", in: document).map { F.blockText(document, $0) }
                == "Inline  and  tail accuser.")
        #expect(
            F.block(containing: "Level one", in: document).map { F.blockText(document, $0).contains("Nested") } == false
        )
    }

    @Test func directivesComeFromComments() {
        let (document, _) = read("<p>x</p>\n<!-- candor-disable-next-line test.accuser -->\n<p>The accuser.</p>\n")
        #expect(document.directives.count == 1)
        #expect(document.directives.first?.line == 2)
        #expect(document.directives.first?.rules == ["test.accuser"])
    }

    @Test func malformedDocumentsAreStillRead() {
        let inputs: [(String, String?)] = [
            ("<p>stray </ x> then accuser here", "then accuser here"),
            ("<p>a < b and accuser here</p>", "b and accuser here"),
            ("<p>a <3 accuser here", "accuser here"),
            ("<div><p>unclosed <b>bold <i>overlap</b> accuser here</i>", "accuser here"),
            ("<p title=\"unclosed>accuser here</p>", nil),
            ("<!-- unclosed comment accuser", nil),
            ("<p>&nosuchentity; &amp &#65 accuser here", "accuser here"),
            ("<<<>>> accuser here", "accuser here"),
            ("</p></div></body> accuser here", "accuser here"),
            ("<script>unclosed script accuser", nil),
            ("<p>\r\rlone CRs accuser here\r</p>", "accuser here"),
            ("", nil),
            ("\u{FEFF}<p>BOM accuser here</p>", "accuser here"),
            (String(repeating: "<div>", count: 400) + "deep accuser here", "deep accuser here"),
            ("<p>" + String(repeating: "&amp;", count: 300) + " accuser here</p>", "accuser here"),
            ("<table><td>cell accuser here<th>head</table>", "cell accuser here")
        ]
        for (input, expected) in inputs {
            let (document, source) = read(input)
            F.expectWellFormed(document, source: source, lineBreaksAsSpaces: true)
            if let expected { F.expectMapped(expected, document, source) }
        }
        #expect(!F.prose(read(inputs[9].0).0).contains("accuser"))
    }

    @Test func everyPrefixOfTheFixtureIsSafe() {
        let bytes = Array(Self.fixture.utf8)
        for length in stride(from: 0, through: bytes.count, by: 5) {
            let prefix = Array(bytes[0..<length])
            F.expectWellFormed(HTMLReader().read(prefix), source: prefix, lineBreaksAsSpaces: true)
        }
    }

    @Test func randomDocumentsKeepTheMapExact() {
        let fragments = [
            "word ", "accuser", " ", "<p>", "</p>", "<div>", "</div>", "<b>", "</b>", "<li>", "<td>", "<th>",
            "<tr>", "<table>", "</table>", "<script>", "</script>", "<style>", "<pre>", "</pre>", "<code>",
            "<!--", "-->", "<!DOCTYPE html>", "<?pi?>", "<img alt=\"", "\">", "title='", "'", "=", "<", ">",
            "</", "/>", "&amp;", "&rsquo;", "&#8220;", "&#x41;", "&#65", "&nosuch;", "&", "\n", "\r\n", "\r",
            "\t", "😀", "日本語", "’", "<br>", "<blockquote>", "<h1>", "</h1>", "<a href=\"x\">", "</a>"
        ]
        for text in F.randomDocuments(count: 400, fragments: fragments, length: 40) {
            let bytes = Array(text.utf8)
            F.expectWellFormed(HTMLReader().read(bytes), source: bytes, lineBreaksAsSpaces: true)
        }
    }

    @Test func readsTheSameOnManyThreadsAtOnce() {
        let bytes = Array(Self.fixture.utf8)
        let expected = HTMLReader().read(bytes).text
        let results = ConcurrentResults(count: 64)
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            results.set(index, HTMLReader().read(bytes).text == expected)
        }
        #expect(results.all)
    }

    // MARK: Through the linter

    @Test func findingsPointIntoTheOriginalFile() throws {
        let linter = try F.linter()
        let text = Self.fixture
        let bytes = Array(text.utf8)
        let findings = linter.lint(text: text, path: "page.html", markup: .html)

        let misconduct = findings.filter { $0.rule == "test.misconduct" }
        #expect(misconduct.count == 2)
        F.expectFinding(misconduct.first, at: "sexual <em>misconduct", in: text)
        F.expectFinding(misconduct.dropFirst().first, at: "sexual\r\nmisconduct", in: text)

        // Every "accuser" in prose, and none in markup, code, script, style, comments or other attributes.
        let contexts = [
            "The accuser &ndash;", "😀 accuser", "&#8220;accuser", "the accuser title", "link accuser",
            "alt accuser", "tail accuser", "Quoted accuser", "Loose accuser", "one accuser",
            "<strong>accuser", "the accuser who"
        ]
        let expected = contexts.map { context in
            F.offset(of: context, in: bytes)! + F.offset(of: "accuser", in: Array(context.utf8))!
        }
        let accusers = findings.filter { $0.rule == "test.accuser" }
        for offset in expected {
            #expect(accusers.contains { $0.offset == offset }, "no finding at \(F.position(of: offset, in: bytes))")
        }
        for finding in accusers {
            #expect(
                expected.contains(finding.offset), "unexpected \(finding.match) at \(finding.line):\(finding.column)")
            #expect(finding.match == "accuser")
            let (line, column) = F.position(of: finding.offset, in: bytes)
            #expect(finding.line == line && finding.column == column)
        }
    }

    @Test func skipRules() throws {
        let linter = try F.linter()
        let silent = [
            "<script>var t = 'sexual misconduct';</script>",
            "<style>.accuser { color: red }</style>",
            "<p><code>accuser</code></p>",
            "<pre>\naccuser\n</pre>",
            "<template>accuser</template>",
            "<noscript>accuser</noscript>",
            "<!-- accuser -->",
            "<p><a href=\"https://example.com/accuser\">link</a></p>",
            "<p class=\"accuser\" id=\"sexual misconduct\" data-accuser=\"accuser\">text</p>",
            "<img src=\"accuser.png\">",
            "<pre><b>accuser</b></pre>"
        ]
        for text in silent {
            #expect(linter.lint(text: text, path: "x.html", markup: .html).isEmpty, "\(text.debugDescription)")
        }

        let loud: [(String, String)] = [
            ("<p>A <a href=\"/x\">sexual misconduct</a> link.</p>", "sexual misconduct"),
            ("<p><img src=\"a.png\" alt=\"the accuser\"></p>", "accuser"),
            ("<p><abbr title=\"the accuser\">acc</abbr></p>", "accuser"),
            ("<h2>Sexual misconduct</h2>", "Sexual misconduct"),
            ("<title>The accuser</title>", "accuser"),
            ("<table><tr><th>Who</th></tr><tr><td>the accuser</td></tr></table>", "accuser"),
            ("<p>Sexual&#32;misconduct.</p>", "Sexual&#32;misconduct"),
            ("<p>It&rsquo;s the accuser.</p>", "accuser"),
            ("<p>sexual <span class=\"x\">misconduct</span></p>", "sexual <span class=\"x\">misconduct"),
            ("<p>Stray < then accuser.</p>", "accuser")
        ]
        for (text, match) in loud {
            let findings = linter.lint(text: text, path: "x.html", markup: .html)
            #expect(findings.count == 1, "\(text.debugDescription): \(findings.map(\.match))")
            F.expectFinding(findings.first, at: match, in: text)
        }
    }

    @Test func suppression() throws {
        let linter = try F.linter()
        let text =
            "<p>x</p>\n<!-- candor-disable-next-line test.accuser -->\n<p>The accuser.</p>\n<p>The accuser again.</p>\n"
        let findings = linter.lint(text: text, path: "x.html", markup: .html)
        #expect(findings.count == 1)
        F.expectFinding(findings.first, at: "accuser", in: text, occurrence: 3)
    }
}
