import Testing

@testable import CandorLSP

/// LSP positions and byte offsets, both ways, in both encodings.
@Suite struct DocumentTextTests {
    // "a😀e\u{301}b": a (1 byte, 1 unit), 😀 (4 bytes, 2 units), e (1, 1), U+0301 (2 bytes, 1 unit), b.
    let text = DocumentText("x\r\na😀e\u{301}b\rlast\nend")

    @Test func linesEndAtLFCRLFAndLoneCR() {
        #expect(text.lineStarts == [0, 3, 13, 18])
        #expect(text.text(ofLine: 1) == "a😀e\u{301}b")
        #expect(text.lineBreak(ofLine: 0) == "\r\n")
        #expect(text.lineBreak(ofLine: 1) == "\r")
        #expect(text.lineBreak(ofLine: 3) == "")
    }

    @Test func offsetsToPositions() {
        let b = 3 + 1 + 4 + 1 + 2
        #expect(text.position(of: b, in: .utf16) == LSPPosition(line: 1, character: 5))
        #expect(text.position(of: b, in: .utf8) == LSPPosition(line: 1, character: 8))
        #expect(text.position(of: 4, in: .utf16) == LSPPosition(line: 1, character: 1))
        #expect(text.position(of: 8, in: .utf16) == LSPPosition(line: 1, character: 3))
        #expect(text.position(of: 21, in: .utf16) == LSPPosition(line: 3, character: 3))
    }

    @Test func positionsToOffsetsClampAndSnap() {
        #expect(text.offset(of: LSPPosition(line: 1, character: 5), in: .utf16) == 11)
        #expect(text.offset(of: LSPPosition(line: 1, character: 8), in: .utf8) == 11)
        // Inside the surrogate pair, or inside a UTF-8 sequence: the start of the character.
        #expect(text.offset(of: LSPPosition(line: 1, character: 2), in: .utf16) == 4)
        #expect(text.offset(of: LSPPosition(line: 1, character: 3), in: .utf8) == 4)
        // Past the end of a line: the end of that line, before its break. Past the last line: the end.
        #expect(text.offset(of: LSPPosition(line: 0, character: 99), in: .utf16) == 1)
        #expect(text.offset(of: LSPPosition(line: 9, character: 0), in: .utf16) == text.bytes.count)
    }

    @Test func replacingReindexesLines() {
        var edited = text
        edited.replace(1..<3, with: "\n\n")
        #expect(edited.lineStarts == [0, 2, 3, 13, 18])
    }
}
