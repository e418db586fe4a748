import Foundation
import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

/// Positions and the text report on lines no editor would make: megabytes long, or broken by lone CRs.
@Suite struct LineIndexTests {
    /// Column by the definition (Unicode scalars from the line start), for checking the index.
    static func naiveColumn(of offset: Int, in bytes: [UInt8]) -> Int {
        var start = offset
        while start > 0 && bytes[start - 1] != 0x0A && bytes[start - 1] != 0x0D { start -= 1 }
        return bytes[start..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1
    }

    /// Line starts and each line's text and end, for the line ends every reader meets.
    @Test(arguments: [
        // LF, with a final newline: the empty line after it is a line of its own.
        ("ab\ncd\n", [0, 3, 6], ["ab", "cd", ""], [2, 5, 6]),
        // CRLF is one line end; neither byte is part of the line.
        ("ab\r\ncd\r\n", [0, 4, 8], ["ab", "cd", ""], [2, 6, 8]),
        // A lone CR ends a line, as in old Mac files.
        ("ab\rcd\r", [0, 3, 6], ["ab", "cd", ""], [2, 5, 6]),
        // All three at once, a lone CR before another CR included.
        ("a\r\rb\r\nc\n", [0, 2, 3, 6, 8], ["a", "", "b", "c", ""], [1, 2, 4, 7, 8]),
        // No final newline: the last line runs to the end.
        ("ab\ncd", [0, 3], ["ab", "cd"], [2, 5]),
        ("ab", [0], ["ab"], [2]),
        ("", [0], [""], [0])
    ])
    func linesEndAtLFCRLFOrALoneCR(text: String, starts: [Int], lines: [String], ends: [Int]) {
        let bytes = Array(text.utf8)
        let index = LineIndex(bytes)
        #expect(index.lineStarts == starts)
        #expect((1...starts.count).map(index.line) == lines)
        #expect((1...starts.count).map(index.lineEnd) == ends)
        #expect((1...starts.count).map(index.lineStart) == starts)
        for offset in 0...bytes.count {
            let line = index.lineNumber(at: offset)
            #expect(starts[line - 1] <= offset && (line == starts.count || offset < starts[line]))
            // These texts are ASCII: a column is one more than the bytes before it on its line.
            let position = index.position(of: offset)
            #expect(position.line == line && position.column == offset - starts[line - 1] + 1)
        }
        // Outside the text: the first or last line's start, the end of the text.
        #expect(index.lineStart(0) == 0 && index.lineStart(starts.count + 1) == starts[starts.count - 1])
        #expect(index.lineEnd(0) == bytes.count && index.lineEnd(starts.count + 1) == bytes.count)
        #expect(index.line(0) == "" && index.line(starts.count + 1) == "")
    }

    /// cmark's positions (line, byte column) to offsets, clamped into the text.
    @Test func offsetsOfLinesAndColumns() {
        let index = LineIndex(Array("ab\r\ncd\ref".utf8))
        #expect(index.offset(line: 1, column: 1) == 0)
        #expect(index.offset(line: 2, column: 2) == 5)
        #expect(index.offset(line: 3, column: 2) == 8)
        #expect(index.offset(line: 3, column: 99) == 9)
        #expect(index.offset(line: 2, column: 0) == 4)
        #expect(index.offset(line: 0, column: 5) == 0)
        #expect(index.offset(line: 4, column: 1) == 9)
    }

    /// Markdown's lines start after front matter: line 1 is the first line after it.
    @Test func linesFromABase() {
        let bytes = Array("---\nx: 1\n---\nab\r\ncd".utf8)
        let index = LineIndex(bytes, from: 13, breaks: .any)
        #expect(index.lineStarts == [13, 17])
        #expect(index.offset(line: 1, column: 2) == 14)
        #expect(index.offset(line: 0, column: 1) == 13)
        #expect(index.lineEnd(1) == 15 && index.lineEnd(2) == 19)
        #expect(LineIndex(bytes, from: bytes.count, breaks: .any).lineStarts == [bytes.count])
    }

    /// The invalid-UTF-8 message counts LF alone: a CR, lone or not, is a character of its line.
    @Test func lineFeedsAloneForInvalidUTF8() {
        let bytes = Array("ab\rcd\r\nef".utf8)
        let index = LineIndex(bytes, from: 0, breaks: .lf)
        #expect(index.lineStarts == [0, 7])
        #expect(index.position(of: 4).line == 1 && index.position(of: 4).column == 5)
        #expect(index.position(of: 8).line == 2 && index.position(of: 8).column == 2)
        #expect(SourceValidator.validate([0x61, 0x0D, 0x62, 0xFF]) == .invalidUTF8(offset: 3, line: 1, column: 4))
        #expect(SourceValidator.validate([0x61, 0x0D, 0x0A, 0xFF]) == .invalidUTF8(offset: 3, line: 2, column: 1))
        #expect(
            SourceValidator.validate([0xC3, 0xA9, 0x0A, 0x62, 0xE2, 0x28])
                == .invalidUTF8(offset: 4, line: 2, column: 2))
    }

    /// Directives are numbered by the same lines as findings, whatever ends them; CRLF's CR is not part of a
    /// rule id.
    @Test func directiveLinesCountEveryLineEnd() {
        let text = "one\rtwo\r\nthree\n# candor-disable-next-line vague.sex-scandal\r\nfour\r"
        let directives = SuppressionDirective.scanPlainText(Array(text.utf8))
        #expect(
            directives == [
                SuppressionDirective(
                    kind: .disableNextLine, rules: ["vague.sex-scandal"], line: 4,
                    column: 3, offset: 17)
            ])
        // A lone CR ends a line exactly as LF does.
        let loneCRs = Array(text.replacingOccurrences(of: "\r\n", with: "\n").utf8)
        let loneAsLF = loneCRs.map { $0 == 0x0D ? UInt8(0x0A) : $0 }
        #expect(SuppressionDirective.scanPlainText(loneCRs) == SuppressionDirective.scanPlainText(loneAsLF))
        #expect(SuppressionDirective.scanComments(Array("a\r<!-- candor-disable -->\rb".utf8)).map(\.line) == [2])
    }

    @Test func positionsOnOneHugeLineAreLinear() {
        // 4 MB on one line with a match every 40 bytes: rescanning the line per position took minutes.
        let unit = Array("It was a sex scandal, said the café. 😀 ".utf8)
        var bytes: [UInt8] = []
        while bytes.count < 4_000_000 { bytes += unit }
        let offsets = Array(stride(from: 9, to: bytes.count, by: unit.count))
        let start = ContinuousClock.now
        let lines = LineIndex(bytes)
        var last = (line: 0, column: 0)
        for offset in offsets { last = lines.position(of: offset) }
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(last.line == 1)
        for offset in [offsets[0], offsets[1], offsets[offsets.count / 2] + 3, offsets[offsets.count - 1], bytes.count]
        {
            #expect(lines.position(of: offset).column == Self.naiveColumn(of: offset, in: bytes))
        }
    }

    @Test func textReportShowsAWindowOfALongLine() {
        let line =
            String(repeating: "The board met on Tuesday. ", count: 20_000) + "It was a sex scandal."
            + String(repeating: " The board met.", count: 20_000)
        let bytes = Array((line + "\n").utf8)
        let offset = Array(line.utf8).count - 20_000 * 15 - 12
        let lines = LineIndex(bytes)
        let (row, column) = lines.position(of: offset)
        let finding = Finding(
            rule: "vague.sex-scandal", category: .vague, severity: .warning, line: row, column: column,
            endLine: row, endColumn: column + 11, offset: offset, length: 11, match: "sex scandal",
            message: "m", suggestions: [])
        let output = TextReporter(color: false).render(
            RunReport(files: [FileReport(path: "a.txt", findings: [finding], source: bytes)], rules: []))
        #expect(output.utf8.count < 1000, "\(output.utf8.count) bytes")
        let shown = output.split(separator: "\n").map(String.init)
        #expect(shown[1].hasPrefix("1 | ...") && shown[1].hasSuffix("..."))
        // The carets sit under the match.
        let caret = shown[2].firstIndex(of: "^")!
        let at = shown[1].index(shown[1].startIndex, offsetBy: shown[2].distance(from: shown[2].startIndex, to: caret))
        #expect(shown[1][at...].hasPrefix("sex scandal"))
        // Short lines are shown whole, as before.
        let short = Array("It was a sex scandal.\n".utf8)
        let plain = Finding(
            rule: "r", category: FindingCategory("c"), severity: .warning, line: 1, column: 10, endLine: 1,
            endColumn: 21,
            offset: 9, length: 11, match: "sex scandal", message: "m", suggestions: [])
        let whole = TextReporter(color: false).render(
            RunReport(files: [FileReport(path: "b.txt", findings: [plain], source: short)], rules: []))
        #expect(whole.contains("1 | It was a sex scandal.\n  |          ^^^^^^^^^^^\n"))
    }

    @Test func textReportNeverEchoesControlCharacters() throws {
        let draft = "Hi \u{1B}[31mred\u{1B}]0;title\u{07} it was a sex scandal.\n"
        let result = try CLITests.run(["lint", "--stdin-filename", "a\u{1B}[2J.txt", "-"], stdin: draft)
        #expect(result.status == 1)
        #expect(
            !result.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, "\(result.stdout)")
        #expect(result.stdout.contains("Hi \u{241B}[31mred\u{241B}]0;title\u{2407} it was a sex scandal."))
        #expect(result.stdout.contains("a\u{241B}[2J.txt:1:32:"))
        // The carets still line up: one symbol per control character.
        #expect(result.stdout.contains("\n  | " + String(repeating: " ", count: 31) + "^^^^^^^^^^^\n"))
    }
}
