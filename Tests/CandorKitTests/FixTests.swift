import Foundation
import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

/// `candor lint --fix` and `--diff`, and the planner that decides which findings may be rewritten.
@Suite struct FixTests {
    func fixed(_ text: String, markup: MarkupKind) -> String {
        let source = Array(text.utf8)
        let findings = TestSupport.linter().lint(text: text, path: "x", markup: markup)
        return String(
            decoding: FixPlanner.apply(FixPlanner.edits(for: findings, source: source, markup: markup), to: source),
            as: UTF8.self)
    }

    @Test func plainTextKeepsCaseQuotesMentionsAndLegalNames() {
        let text = """
            Child porn was found. He shared CHILD PORNOGRAPHY too.
            "It was child porn," he said.
            Phrases like "child pornography" mislead readers.
            He admitted possession of child pornography in court.

            """
        #expect(
            fixed(text, markup: .text) == """
                Child sexual abuse material was found. He shared CHILD SEXUAL ABUSE MATERIAL too.
                "It was child porn," he said.
                Phrases like "child pornography" mislead readers.
                He admitted possession of child pornography in court.

                """)
    }

    @Test func suppressedSpansAreNotFixed() {
        let text =
            "<!-- candor-disable-next-line vague.child-pornography -->\nHe kept child porn.\n\nShe found child porn.\n"
        #expect(
            fixed(text, markup: .markdown)
                == "<!-- candor-disable-next-line vague.child-pornography -->\nHe kept child porn.\n\nShe found child sexual abuse material.\n"
        )
    }

    @Test func markdownFixesInsideEmphasisButNotAcrossIt() {
        // Emphasis around the whole span keeps its markers; emphasis inside the span would be lost, so it is left.
        let text =
            "He kept **child porn** at home.\n\nHe kept child *pornography* at home.\n\nSee [child porn](https://example.org/child-porn).\n"
        #expect(
            fixed(text, markup: .markdown)
                == "He kept **child sexual abuse material** at home.\n\nHe kept child *pornography* at home.\n\nSee [child sexual abuse material](https://example.org/child-porn).\n"
        )
    }

    @Test func htmlEntitiesInsideASpanAreLeftAndElsewhereKept() {
        let text =
            "<p>Tom &amp; Ann found child pornography.</p>\n<p>He kept child&#32;porn.</p>\n<p>He kept <em>child</em> porn.</p>\n"
        let result = fixed(text, markup: .html)
        #expect(
            result
                == "<p>Tom &amp; Ann found child sexual abuse material.</p>\n<p>He kept child&#32;porn.</p>\n<p>He kept <em>child</em> porn.</p>\n"
        )
    }

    @Test func crlfLineEndingsSurvive() {
        let text = "He kept child porn.\r\nShe found child pornography.\r\n"
        #expect(
            fixed(text, markup: .text)
                == "He kept child sexual abuse material.\r\nShe found child sexual abuse material.\r\n")
        #expect(
            fixed(text, markup: .markdown)
                == "He kept child sexual abuse material.\r\nShe found child sexual abuse material.\r\n")
    }

    @Test func overlappingFindingsFixTheFirstOnly() {
        func finding(_ offset: Int, _ length: Int, fix: String) -> Finding {
            Finding(
                rule: "test.r\(offset)", category: .vague, severity: .warning, line: 1, column: offset + 1, endLine: 1,
                endColumn: offset + length + 1, offset: offset, length: length, match: "x", message: "",
                suggestions: [], fix: fix)
        }
        let source = Array("abcdefghij".utf8)
        let edits = FixPlanner.edits(
            for: [finding(4, 4, fix: "Y"), finding(2, 4, fix: "X"), finding(8, 2, fix: "Z")],
            source: source, markup: .text)
        #expect(edits.map(\.rule) == ["test.r2", "test.r8"])
        #expect(String(decoding: FixPlanner.apply(edits, to: source), as: UTF8.self) == "abXghZ")
    }

    @Test func fixIsIdempotent() {
        let once = fixed("Child porn, child pornography and kiddie porn were found.\n", markup: .text)
        #expect(
            once
                == "Child sexual abuse material, child sexual abuse material and child sexual abuse material were found.\n"
        )
        #expect(fixed(once, markup: .text) == once)
    }

    @Test func unifiedDiffShowsChangedLinesWithContext() {
        let lines = (1...12).map { "Line \($0)." }
        var text = lines
        text[1] = "He kept child porn."
        text[10] = "She found child porn."
        let source = text.joined(separator: "\n") + "\n"
        let findings = TestSupport.linter().lint(text: source)
        let diff = UnifiedDiff.render(
            path: "draft.txt", source: Array(source.utf8),
            edits: FixPlanner.edits(for: findings, source: Array(source.utf8), markup: .text))
        #expect(
            diff == """
                --- draft.txt
                +++ draft.txt
                @@ -1,5 +1,5 @@
                 Line 1.
                -He kept child porn.
                +He kept child sexual abuse material.
                 Line 3.
                 Line 4.
                 Line 5.
                @@ -8,5 +8,5 @@
                 Line 8.
                 Line 9.
                 Line 10.
                -She found child porn.
                +She found child sexual abuse material.
                 Line 12.

                """)
    }

    @Test func diffMarksAMissingFinalNewline() {
        let source = Array("He kept child porn.".utf8)
        let edits = [SourceEdit(range: 8..<18, replacement: "child sexual abuse material", rule: "r")]
        #expect(
            UnifiedDiff.render(path: "a", source: source, edits: edits)
                == "--- a\n+++ a\n@@ -1,1 +1,1 @@\n-He kept child porn.\n\\ No newline at end of file\n+He kept child sexual abuse material.\n\\ No newline at end of file\n"
        )
    }

    // MARK: The command line

    @Test func fixRewritesInPlaceKeepsPermissionsAndReportsWhatRemains() throws {
        let folder = try CLITests.temporaryDirectory()
        let file = folder.appendingPathComponent("draft.md")
        try "He kept child porn.\r\n\r\n> \"child porn,\" he said.\r\n".write(
            to: file, atomically: true, encoding: .utf8)
        chmod(file.path, 0o640)
        let result = try CLITests.run(["lint", "--fix", "--no-config", file.path])
        #expect(
            try String(contentsOf: file, encoding: .utf8)
                == "He kept child sexual abuse material.\r\n\r\n> \"child porn,\" he said.\r\n")
        #expect(result.stderr.contains("fixed 1 finding"))
        // The quoted finding remains: reported, and a suggestion, so the exit status is 0.
        #expect(result.stdout.contains("draft.md:3:4: suggestion"))
        #expect(result.status == 0)
        var status = stat()
        stat(file.path, &status)
        #expect(status.st_mode & 0o777 == 0o640)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "draft.md" }
        #expect(leftovers.isEmpty)
        // A second run changes nothing.
        let again = try CLITests.run(["lint", "--fix", "--no-config", file.path])
        #expect(!again.stderr.contains("fixed"))
        #expect(
            try String(contentsOf: file, encoding: .utf8)
                == "He kept child sexual abuse material.\r\n\r\n> \"child porn,\" he said.\r\n")
    }

    @Test func fixExitStatusReflectsRemainingFindings() throws {
        let folder = try CLITests.temporaryDirectory()
        let file = folder.appendingPathComponent("draft.txt")
        try "He kept child porn. It was a sex scandal.\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CLITests.run(["lint", "--fix", "--no-config", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("[vague.sex-scandal]"))
        #expect(!result.stdout.contains("[vague.child-pornography]"))
    }

    @Test func fixOfStandardInputWritesToStdoutAndReportsOnStderr() throws {
        let result = try CLITests.run(
            ["lint", "--fix", "--no-config", "-"], stdin: "He kept child porn. It was a sex scandal.\n")
        #expect(result.stdout == "He kept child sexual abuse material. It was a sex scandal.\n")
        #expect(result.stderr.contains("[vague.sex-scandal]"))
        #expect(result.status == 1)
    }

    @Test func diffChangesNothing() throws {
        let folder = try CLITests.temporaryDirectory()
        let file = folder.appendingPathComponent("draft.txt")
        try "He kept child porn.\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CLITests.run(["lint", "--diff", "--no-config", file.path])
        #expect(
            result.stdout
                == "--- \(file.path)\n+++ \(file.path)\n@@ -1,1 +1,1 @@\n-He kept child porn.\n+He kept child sexual abuse material.\n"
        )
        #expect(result.status == 1)
        #expect(try String(contentsOf: file, encoding: .utf8) == "He kept child porn.\n")
        try "Nothing to change.\n".write(to: file, atomically: true, encoding: .utf8)
        let clean = try CLITests.run(["lint", "--diff", "--no-config", file.path])
        #expect(clean.stdout.isEmpty)
        #expect(clean.status == 0)
    }

    @Test func readOnlyFileIsAClearErrorAndUntouched() throws {
        let folder = try CLITests.temporaryDirectory()
        let file = folder.appendingPathComponent("draft.txt")
        try "He kept child porn.\n".write(to: file, atomically: true, encoding: .utf8)
        chmod(file.path, 0o444)
        defer { chmod(file.path, 0o644) }
        let result = try CLITests.run(["lint", "--fix", "--no-config", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("draft.txt is read-only; not fixed, the file is unchanged"))
        #expect(result.stdout.contains("[vague.child-pornography]"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "He kept child porn.\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["draft.txt"])
    }

    @Test func aSymbolicLinkStaysALinkAndItsTargetIsFixed() throws {
        let folder = try CLITests.temporaryDirectory()
        let target = folder.appendingPathComponent("real.txt")
        let link = folder.appendingPathComponent("link.txt")
        try "He kept child porn.\n".write(to: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let result = try CLITests.run(["lint", "--fix", "--no-config", link.path])
        #expect(result.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(try String(contentsOf: target, encoding: .utf8) == "He kept child sexual abuse material.\n")
    }

    @Test func fixAndDiffTogetherIsAUsageError() throws {
        let result = try CLITests.run(["lint", "--fix", "--diff", "-"], stdin: "x\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--fix and --diff cannot be used together"))
    }
}
