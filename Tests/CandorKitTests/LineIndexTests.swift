import Foundation
import Testing
@testable import CandorKit

/// Positions and the text report on lines no editor would make: megabytes long, or broken by lone CRs.
@Suite struct LineIndexTests {
    /// Column by the definition (Unicode scalars from the line start), for checking the index.
    static func naiveColumn(of offset: Int, in bytes: [UInt8]) -> Int {
        var start = offset
        while start > 0 && bytes[start - 1] != 0x0A && bytes[start - 1] != 0x0D { start -= 1 }
        return bytes[start..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1
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
        for offset in [offsets[0], offsets[1], offsets[offsets.count / 2] + 3, offsets[offsets.count - 1], bytes.count] {
            #expect(lines.position(of: offset).column == Self.naiveColumn(of: offset, in: bytes))
        }
    }

    @Test func textReportShowsAWindowOfALongLine() {
        let line = String(repeating: "The board met on Tuesday. ", count: 20_000) + "It was a sex scandal."
            + String(repeating: " The board met.", count: 20_000)
        let bytes = Array((line + "\n").utf8)
        let offset = Array(line.utf8).count - 20_000 * 15 - 12
        let lines = LineIndex(bytes)
        let (row, column) = lines.position(of: offset)
        let finding = Finding(rule: "vague.sex-scandal", category: .vague, severity: .warning, line: row, column: column,
                              endLine: row, endColumn: column + 11, offset: offset, length: 11, match: "sex scandal",
                              message: "m", suggestions: [])
        let output = TextReporter(color: false).render(RunReport(files: [FileReport(path: "a.txt", findings: [finding], source: bytes)], rules: []))
        #expect(output.utf8.count < 1000, "\(output.utf8.count) bytes")
        let shown = output.split(separator: "\n").map(String.init)
        #expect(shown[1].hasPrefix("1 | ...") && shown[1].hasSuffix("..."))
        // The carets sit under the match.
        let caret = shown[2].firstIndex(of: "^")!
        let at = shown[1].index(shown[1].startIndex, offsetBy: shown[2].distance(from: shown[2].startIndex, to: caret))
        #expect(shown[1][at...].hasPrefix("sex scandal"))
        // Short lines are shown whole, as before.
        let short = Array("It was a sex scandal.\n".utf8)
        let plain = Finding(rule: "r", category: FindingCategory("c"), severity: .warning, line: 1, column: 10, endLine: 1, endColumn: 21,
                            offset: 9, length: 11, match: "sex scandal", message: "m", suggestions: [])
        let whole = TextReporter(color: false).render(RunReport(files: [FileReport(path: "b.txt", findings: [plain], source: short)], rules: []))
        #expect(whole.contains("1 | It was a sex scandal.\n  |          ^^^^^^^^^^^\n"))
    }

    @Test func textReportNeverEchoesControlCharacters() throws {
        let draft = "Hi \u{1B}[31mred\u{1B}]0;title\u{07} it was a sex scandal.\n"
        let result = try CLITests.run(["lint", "--stdin-filename", "a\u{1B}[2J.txt", "-"], stdin: draft)
        #expect(result.status == 1)
        #expect(!result.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, "\(result.stdout)")
        #expect(result.stdout.contains("Hi \u{241B}[31mred\u{241B}]0;title\u{2407} it was a sex scandal."))
        #expect(result.stdout.contains("a\u{241B}[2J.txt:1:32:"))
        // The carets still line up: one symbol per control character.
        #expect(result.stdout.contains("\n  | " + String(repeating: " ", count: 31) + "^^^^^^^^^^^\n"))
    }
}
