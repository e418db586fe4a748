import Foundation
import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

/// Results written from `concurrentPerform` iterations.
final class ConcurrentResults: @unchecked Sendable {
    private var values: [Bool]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: false, count: count) }

    func set(_ index: Int, _ value: Bool) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    var all: Bool {
        lock.lock()
        defer { lock.unlock() }
        return values.allSatisfy { $0 }
    }
}

/// Helpers shared by the Markdown and HTML reader tests: where a needle sits in the source and in the prose.
enum MarkupFixture {
    /// The byte offset of the `occurrence`-th (1-based) `needle` in `bytes`.
    static func offset(of needle: String, in bytes: [UInt8], occurrence: Int = 1) -> Int? {
        let target = Array(needle.utf8)
        guard !target.isEmpty, bytes.count >= target.count else { return nil }
        var seen = 0
        for start in 0...(bytes.count - target.count) where bytes[start] == target[0] {
            if Array(bytes[start..<(start + target.count)]) == target {
                seen += 1
                if seen == occurrence { return start }
            }
        }
        return nil
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset, computed independently of LineIndex.
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        return (line, column)
    }

    static func prose(_ document: ProseDocument) -> String {
        String(decoding: document.text, as: UTF8.self)
    }

    static func blockText(_ document: ProseDocument, _ block: ProseBlock) -> String {
        String(decoding: document.text[block.range], as: UTF8.self)
    }

    /// The block whose text contains `needle`.
    static func block(containing needle: String, in document: ProseDocument) -> ProseBlock? {
        document.blocks.first { blockText(document, $0).contains(needle) }
    }

    /// Checks that `needle` (the `proseOccurrence`-th in the prose) maps to the `sourceOccurrence`-th in the source,
    /// at both ends.
    static func expectMapped(
        _ needle: String, _ document: ProseDocument, _ source: [UInt8], prose proseOccurrence: Int = 1,
        source sourceOccurrence: Int = 1, sourceText: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let proseStart = offset(of: needle, in: document.text, occurrence: proseOccurrence) else {
            Issue.record(
                "\(needle.debugDescription) is not in the prose: \(prose(document).debugDescription)",
                sourceLocation: sourceLocation)
            return
        }
        let spelled = sourceText ?? needle
        guard let sourceStart = offset(of: spelled, in: source, occurrence: sourceOccurrence) else {
            Issue.record("\(spelled.debugDescription) is not in the source", sourceLocation: sourceLocation)
            return
        }
        #expect(
            document.map.sourceStart(proseStart) == sourceStart, "start of \(needle)", sourceLocation: sourceLocation)
        #expect(
            document.map.sourceEnd(proseStart + needle.utf8.count) == sourceStart + spelled.utf8.count,
            "end of \(needle)", sourceLocation: sourceLocation)
    }

    /// Structural invariants every reader must keep, whatever the input.
    /// `blanks`: the reader may overwrite bytes with spaces of the same length (Markdown blanks bare URLs).
    static func expectWellFormed(
        _ document: ProseDocument, source: [UInt8], lineBreaksAsSpaces: Bool = false,
        blanks: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var previousEnd = 0
        for block in document.blocks {
            #expect(
                block.range.lowerBound >= previousEnd && block.range.upperBound <= document.text.count,
                "block \(block.range) out of order or bounds", sourceLocation: sourceLocation)
            previousEnd = block.range.upperBound
        }
        let runs = document.map.runs ?? []
        var previousProse = -1
        for run in runs {
            #expect(run.prose > previousProse, "runs out of order", sourceLocation: sourceLocation)
            previousProse = run.prose
            #expect(
                run.source >= 0 && run.source + run.sourceLength <= source.count, "run \(run) outside the source",
                sourceLocation: sourceLocation)
            #expect(run.prose + run.proseLength <= document.text.count, sourceLocation: sourceLocation)
            if run.exact {
                #expect(run.proseLength == run.sourceLength, sourceLocation: sourceLocation)
                // An identity stretch is the source itself (HTML turns CR and LF into spaces).
                for k in 0..<run.proseLength {
                    let prose = document.text[run.prose + k]
                    let original = source[run.source + k]
                    let same =
                        prose == original
                        || (lineBreaksAsSpaces && prose == 0x20 && (original == 0x0A || original == 0x0D))
                        || (blanks && prose == 0x20)
                    if !same {
                        Issue.record(
                            "identity run \(run) differs from the source at \(k)", sourceLocation: sourceLocation)
                        break
                    }
                }
            }
        }
        for block in document.blocks {
            for offset in block.range {
                let start = document.map.sourceStart(offset)
                let end = document.map.sourceEnd(offset + 1)
                if start < 0 || start > source.count || end < start || end > source.count {
                    Issue.record("prose \(offset) maps to \(start)..<\(end)", sourceLocation: sourceLocation)
                    return
                }
            }
        }
    }

    /// Deterministic documents stitched from markup fragments, for invariant checks on odd input.
    static func randomDocuments(count: Int, fragments: [String], length: Int) -> [String] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var documents: [String] = []
        for _ in 0..<count {
            var document = ""
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                document += fragments[Int((state >> 33) % UInt64(fragments.count))]
            }
            documents.append(document)
        }
        return documents
    }

    static let lexicon = """
        category: test
        rules:
          - id: test.misconduct
            severity: warning
            guidance: V1
            principles: [B1]
            patterns:
              - sexual misconduct
            message: 'flagged {match}'
            suggestions: [sexual assault]
            why: B1, name the harm.
            examples:
              flag: ['[[sexual misconduct]]']
              pass: [sexual assault]
          - id: test.accuser
            severity: warning
            guidance: V1
            principles: [B1]
            patterns:
              - accuser
            message: 'flagged {match}'
            suggestions: [the woman who reported]
            why: B1, name the harm.
            examples:
              flag: ['[[accuser]]']
              pass: [reporter]
        """

    static func linter() throws -> Linter {
        try Linter(ruleSet: RuleSet.compile([LexiconLoader.parse(lexicon, path: "test.yml")]))
    }

    /// Checks a finding's line, column, offset, length and match against the `occurrence`-th `needle` in `text`.
    static func expectFinding(
        _ finding: Finding?, at needle: String, in text: String, occurrence: Int = 1,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let bytes = Array(text.utf8)
        guard let finding else {
            Issue.record("no finding for \(needle.debugDescription)", sourceLocation: sourceLocation)
            return
        }
        guard let offset = offset(of: needle, in: bytes, occurrence: occurrence) else {
            Issue.record("\(needle.debugDescription) not in the text", sourceLocation: sourceLocation)
            return
        }
        let (line, column) = position(of: offset, in: bytes)
        #expect(finding.offset == offset, sourceLocation: sourceLocation)
        #expect(finding.length == needle.utf8.count, sourceLocation: sourceLocation)
        #expect(finding.match == needle, sourceLocation: sourceLocation)
        #expect(finding.line == line, sourceLocation: sourceLocation)
        #expect(finding.column == column, sourceLocation: sourceLocation)
    }
}

@Suite struct MarkdownReaderTests {
    typealias F = MarkupFixture

    func read(_ text: String) -> (ProseDocument, [UInt8]) {
        let bytes = Array(text.utf8)
        return (MarkdownReader().read(bytes), bytes)
    }

    /// Emoji, curly quotes, CJK, CRLF, tabs, entities, escapes, emphasis, nested lists and front matter at once.
    static let fixture = [
        "---",
        "title: \"Sexual misconduct report\"",
        "tags: [accuser]",
        "---",
        "# The accuser speaks “loudly” 😀",
        "",
        "Café owner’s *sexual* misconduct — 日本語\ttext with\ttabs.",
        "Second line &amp; more: **sexual**",
        "misconduct again, &rsquo;quoted&rsquo; and \\*escaped\\*.",
        "",
        "- Level one item 🎉",
        "  continued on a second line",
        "  - Nested *emph*asis item with 中文 accuser",
        "    1. Deep\titem ✅ survivor",
        "",
        "> Quoted “accuser” line",
        "> continues 👍 here",
        "",
        "See [the accuser link](https://example.com/accuser \"accuser title\") and ![alt of 🖼 accuser](img/accuser.png).",
        "Inline `accuser code` and <https://accuser.example> and www.accuser.example end.",
        "",
        "```text",
        "accuser in fence <!-- candor-disable -->",
        "```",
        "",
        "    indented accuser code",
        "",
        "<div class=\"accuser\">raw accuser block</div>",
        "",
        "| Instead of | Use |",
        "|------------|-----|",
        "| accuser 🙂 | the woman who reported |",
        "| sexual misconduct | rape |",
        "",
        "Footnote here[^note] ends.",
        "",
        "[^note]: The footnote names the accuser.",
        ""
    ].joined(separator: "\r\n")

    @Test func fixtureProseAndPositions() {
        let (document, source) = read(Self.fixture)
        let prose = F.prose(document)
        F.expectWellFormed(document, source: source, blanks: true)

        // Front matter, code, URLs, raw HTML and link titles are not prose.
        #expect(!prose.contains("title:"))
        #expect(!prose.contains("Sexual misconduct report"))
        #expect(!prose.contains("https"))
        #expect(!prose.contains("accuser code"))
        #expect(!prose.contains("in fence"))
        #expect(!prose.contains("indented"))
        #expect(!prose.contains("raw accuser"))
        #expect(!prose.contains("accuser title"))
        #expect(!prose.contains("accuser.example"))
        #expect(!prose.contains("img/"))
        #expect(!prose.contains("note]"))

        // Emphasis markers vanish and soft breaks become one space, so split words still read as a phrase.
        #expect(
            prose.contains(
                "Café owner’s sexual misconduct — 日本語\ttext with\ttabs. Second line & more: sexual misconduct again, ’quoted’ and *escaped*."
            ))
        #expect(prose.contains("Nested emphasis item with 中文 accuser"))
        #expect(prose.contains("Level one item 🎉 continued on a second line"))

        // Each word maps back to the same word in the source (1-based occurrences counted in each).
        F.expectMapped("The accuser speaks “loudly”", document, source)
        F.expectMapped("😀", document, source)
        F.expectMapped("Café owner’s", document, source)
        F.expectMapped("日本語\ttext", document, source)
        F.expectMapped("tabs.", document, source)
        F.expectMapped("more: ", document, source)
        F.expectMapped("again", document, source)
        F.expectMapped("continued on", document, source)
        F.expectMapped("中文 accuser", document, source)
        F.expectMapped("survivor", document, source)
        F.expectMapped("continues 👍 here", document, source)
        F.expectMapped("the accuser link", document, source)
        F.expectMapped("alt of 🖼 accuser", document, source)
        F.expectMapped("accuser 🙂", document, source)
        F.expectMapped("the woman who reported", document, source)
        F.expectMapped("sexual misconduct", document, source, prose: 3, source: 1)
        F.expectMapped("The footnote names the accuser.", document, source)
        F.expectMapped(" end.", document, source)
        F.expectMapped("ends.", document, source)

        // An entity or an escape stands for its whole source spelling.
        F.expectMapped("&", document, source, prose: 1, source: 1, sourceText: "&amp;")
        F.expectMapped("’quoted’", document, source, sourceText: "&rsquo;quoted&rsquo;")
        F.expectMapped("*escaped*", document, source, sourceText: "\\*escaped\\*")
    }

    @Test func fixtureBlocks() {
        let (document, _) = read(Self.fixture)
        #expect(F.block(containing: "The accuser speaks", in: document)?.kind == .heading)
        #expect(F.block(containing: "Café owner", in: document)?.kind == .paragraph)
        #expect(F.block(containing: "Level one", in: document)?.kind == .listItem)
        #expect(F.block(containing: "Nested", in: document)?.kind == .listItem)
        #expect(F.block(containing: "Deep", in: document)?.kind == .listItem)
        #expect(F.block(containing: "Quoted", in: document)?.kind == .blockQuote)
        #expect(F.block(containing: "footnote", in: document)?.kind == .paragraph)

        let cell = F.block(containing: "accuser 🙂", in: document)
        #expect(cell?.kind == .tableCell)
        #expect(cell?.columnHeader == "instead of")
        #expect(F.block(containing: "the woman who reported", in: document)?.columnHeader == "use")
        #expect(F.block(containing: "Instead of", in: document)?.columnHeader == "instead of")
        // Each cell is its own block, so cells never run together into one sentence.
        #expect(F.blockText(document, cell!) == "accuser 🙂")

        // Blocks are apart in the prose buffer.
        for (previous, next) in zip(document.blocks, document.blocks.dropFirst()) {
            #expect(next.range.lowerBound >= previous.range.upperBound + 2)
            #expect(Array(document.text[previous.range.upperBound..<(previous.range.upperBound + 2)]) == [0x0A, 0x0A])
        }
    }

    @Test func softBreaksAndEmphasisJoinWords() {
        let (document, source) = read("A *sexual*\nmisconduct claim and sexual**mis**conduct.\n")
        #expect(F.prose(document).hasPrefix("A sexual misconduct claim and sexualmisconduct."))
        F.expectMapped("sexual", document, source)
        F.expectMapped("misconduct claim", document, source)
        F.expectMapped("conduct.", document, source)
    }

    @Test func frontMatter() {
        for opening in ["---", "+++"] {
            let closing = opening
            let text = "\(opening)\r\nauthor: accuser\r\n\(closing)\r\nBody accuser here.\r\n"
            let (document, source) = read(text)
            #expect(F.prose(document).hasPrefix("Body accuser here."))
            F.expectMapped("accuser here", document, source)
        }
        // YAML may close with "...".
        let (dots, _) = read("---\nkey: accuser\n...\nText.\n")
        #expect(!F.prose(dots).contains("key"))
        // Without a closing line, "---" is a thematic break and the rest is Markdown.
        let (open, _) = read("---\nNot front matter.\n")
        #expect(F.prose(open).contains("Not front matter."))
        // Front matter must be at the very top.
        let (late, _) = read("Intro.\n\n---\nkey: value\n---\n")
        #expect(F.prose(late).contains("key: value"))
        // Only front matter.
        let (only, _) = read("---\na: b\n---\n")
        #expect(only.blocks.isEmpty)
    }

    @Test func directivesOutsideCodeOnly() {
        let text = """
            <!-- candor-disable-next-line test.accuser -->
            The accuser.

            ```html
            <!-- candor-disable -->
            ```

            `<!-- candor-enable -->` in a code span.

                <!-- candor-disable indented -->

            <!-- candor-enable test.accuser -->
            """
        let (document, _) = read(text)
        #expect(document.directives.map(\.kind) == [.disableNextLine, .enable])
        #expect(document.directives.map(\.line) == [1, 12])
        #expect(document.directives.first?.rules == ["test.accuser"])
    }

    @Test func malformedDocumentsAreStillRead() {
        let inputs = [
            "```\nunclosed fence with accuser\n",
            "Stray < and <unclosed tag and *unclosed emphasis accuser\n",
            "[broken link](\n\naccuser after\n",
            "| a | b |\n|---|\n| not a table |\n",
            "> > > deep\n>>>> deeper accuser\n",
            "&#0; &#xD800; &#99999999; &bogus; &amp accuser\n",
            "\u{FEFF}BOM then accuser\n",
            "line\rwith\rcarriage\rreturns accuser\r",
            "",
            "\n\n\n",
            "    \n\t\n",
            String(repeating: "> ", count: 200) + "deep accuser\n",
            String(repeating: "- ", count: 200) + "nested accuser\n",
            String(repeating: "*", count: 500) + " accuser " + String(repeating: "_", count: 500)
        ]
        for input in inputs {
            let (document, source) = read(input)
            F.expectWellFormed(document, source: source, blanks: true)
            if input.contains("accuser") && !input.hasPrefix("```") {
                F.expectMapped("accuser", document, source)
            }
        }
        let (fence, _) = read(inputs[0])
        #expect(!F.prose(fence).contains("accuser"))
    }

    @Test func everyPrefixOfTheFixtureIsSafe() {
        // Truncation leaves unclosed fences, half entities, half multi-byte characters and broken tables.
        let bytes = Array(Self.fixture.utf8)
        for length in stride(from: 0, through: bytes.count, by: 3) {
            let prefix = Array(bytes[0..<length])
            let document = MarkdownReader().read(prefix)
            F.expectWellFormed(document, source: prefix, blanks: true)
        }
    }

    @Test func randomDocumentsKeepTheMapExact() {
        let fragments = [
            "word ", "accuser", " ", "*", "**", "_", "`", "```\n", "~~~\n", "\n", "\r\n", "\n\n", "\t",
            "> ", "- ", "1. ", "    ", "# ", "|", "| a | b |\n|---|---|\n", "---\n", "+++\n", "[", "](", ")",
            "![", "<", ">", "<!-- ", " -->", "<div>", "</div>", "&amp;", "&#x41;", "&rsquo;", "&bogus;",
            "\\", "\\*", "😀", "日本語", "’", "“", "https://x.org", "<https://a.b>", "[^1]", "[^1]: ",
            "[r]: /u\n", "~~", "\r"
        ]
        for text in F.randomDocuments(count: 400, fragments: fragments, length: 40) {
            let bytes = Array(text.utf8)
            F.expectWellFormed(MarkdownReader().read(bytes), source: bytes, blanks: true)
        }
    }

    @Test func readsTheSameOnManyThreadsAtOnce() {
        // cmark-gfm keeps some parser state process-wide; tables, footnotes and links read on several threads must
        // come out as they do on one.
        let text = Self.fixture + "\n~~struck~~ and https://example.com/x and <https://a.example> and a | b\n"
        let bytes = Array(text.utf8)
        let expected = MarkdownReader().read(bytes).text
        let results = ConcurrentResults(count: 64)
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            results.set(index, MarkdownReader().read(bytes).text == expected)
        }
        #expect(results.all)
    }

    // MARK: Through the linter

    @Test func findingsPointIntoTheOriginalFile() throws {
        let linter = try F.linter()
        let text = Self.fixture
        let findings = linter.lint(text: text, path: "draft.md", markup: .markdown)
        let accusers = findings.filter { $0.rule == "test.accuser" }
        let misconduct = findings.filter { $0.rule == "test.misconduct" }

        // Heading, nested list item, block quote, link text, alt text and footnote; never front matter, code, a URL,
        // a link title, raw HTML or an autolink. The table cell is under "Instead of": a mention, so not reported.
        let contexts = [
            "The accuser speaks", "中文 accuser", "“accuser”", "the accuser link", "alt of 🖼 accuser",
            "names the accuser"
        ]
        let expected = contexts.map { context in
            F.offset(of: context, in: Array(text.utf8))! + F.offset(of: "accuser", in: Array(context.utf8))!
        }
        #expect(accusers.map(\.offset) == expected)
        for finding in accusers {
            #expect(finding.match == "accuser")
            let (line, column) = F.position(of: finding.offset, in: Array(text.utf8))
            #expect(finding.line == line && finding.column == column)
        }
        // Block quotes are quoted speech.
        #expect(accusers.first { $0.offset == expected[2] }?.context == .quoted)

        F.expectFinding(accusers.first, at: "accuser", in: text, occurrence: 2)
        // Emphasis and a soft break between the words: the finding spans the source, markup and all.
        F.expectFinding(misconduct.first, at: "sexual* misconduct", in: text)
        F.expectFinding(misconduct.dropFirst().first, at: "sexual**\r\nmisconduct", in: text)
        // "sexual misconduct" under an "Instead of" header is a mention, not a use.
        #expect(misconduct.count == 2)
    }

    @Test func skipRules() throws {
        let linter = try F.linter()
        let silent = [
            "```\nsexual misconduct\n```\n",
            "~~~\nsexual misconduct\n~~~\n",
            "    sexual misconduct\n",
            "Use `sexual misconduct` here.\n",
            "A [link](https://example.com/sexual-misconduct) here.\n",
            "A [link][ref] here.\n\n[ref]: https://example.com/accuser \"accuser\"\n",
            "An <https://example.com/accuser> here.\n",
            "Mail <accuser@example.com> now.\n",
            "See www.accuser.example now.\n",
            "See https://example.com/sexual-misconduct-report, then stop.\n",
            "(Source: http://example.org/accuser_(2019))\n",
            "Write to accuser.desk@example.org today.\n",
            "*https://example.com/accuser*\n",
            "| Link |\n|---|\n| https://example.com/accuser |\n",
            "---\ntitle: sexual misconduct\n---\nBody.\n",
            "+++\ntitle = \"accuser\"\n+++\nBody.\n",
            "<div>\naccuser\n</div>\n",
            "Inline <span title=\"accuser\">x</span> html.\n",
            "<!-- accuser -->\n",
            "Note[^accuser].\n\n[^accuser]: Fine.\n"
        ]
        for text in silent {
            #expect(linter.lint(text: text, path: "x.md", markup: .markdown).isEmpty, "\(text.debugDescription)")
        }

        let loud: [(String, String)] = [
            ("A [sexual misconduct](https://example.com) link.\n", "sexual misconduct"),
            ("An image ![the accuser](a.png).\n", "accuser"),
            ("A link to the [accuser](/accuser).\n", "accuser"),
            ("# Sexual misconduct\n", "Sexual misconduct"),
            ("Setext accuser\n===\n", "accuser"),
            ("| Who | What |\n|---|---|\n| x | sexual misconduct |\n", "sexual misconduct"),
            ("- one\n  - two accuser\n", "accuser"),
            ("Escaped \\# then accuser.\n", "accuser"),
            ("Entity &rsquo; then accuser.\n", "accuser"),
            ("Sexual\n*misconduct*.\n", "Sexual\n*misconduct"),
            ("~~accuser~~ struck.\n", "accuser"),
            ("- [ ] task for the accuser\n", "accuser"),
            ("See https://example.com/x. The accuser spoke.\n", "accuser"),
            ("Not a URL: www. accuser\n", "accuser"),
            ("An ftp:/accuser typo.\n", "accuser")
        ]
        for (text, match) in loud {
            let findings = linter.lint(text: text, path: "x.md", markup: .markdown)
            #expect(findings.count == 1, "\(text.debugDescription): \(findings.map(\.match))")
            F.expectFinding(findings.first, at: match, in: text)
        }
    }

    @Test func entityInsideAMatchSpansTheEntity() throws {
        let linter = try F.linter()
        let text = "The sexual&#32;misconduct report.\n"
        let findings = linter.lint(text: text, path: "x.md", markup: .markdown)
        F.expectFinding(findings.first, at: "sexual&#32;misconduct", in: text)
    }

    @Test func suppressionWorksAndIgnoresCode() throws {
        let linter = try F.linter()
        let text = """
            <!-- candor-disable-next-line test.accuser -->
            The accuser.

            ```
            <!-- candor-disable -->
            ```

            Another accuser.
            """
        let findings = linter.lint(text: text, path: "x.md", markup: .markdown).filter { $0.rule == "test.accuser" }
        #expect(findings.count == 1)
        F.expectFinding(findings.first, at: "accuser", in: text, occurrence: 3)
    }
}
