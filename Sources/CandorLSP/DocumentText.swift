import CandorKit
import Foundation

/// How LSP positions count characters within a line, as negotiated at `initialize`.
enum PositionEncoding: String {
    case utf16 = "utf-16"
    case utf8 = "utf-8"
}

/// An LSP position: 0-based line, and a 0-based offset in the line in the negotiated code units.
struct LSPPosition: Equatable {
    var line: Int
    var character: Int

    init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    init?(_ json: Any?) {
        guard let object = json as? [String: Any], let line = object["line"] as? Int,
            let character = object["character"] as? Int,
            line >= 0, character >= 0
        else { return nil }
        self.init(line: line, character: character)
    }

    var json: [String: Any] { ["line": line, "character": character] }
}

/// A document's text as UTF-8 bytes, with what it takes to turn byte offsets into LSP positions and back.
///
/// Lines end at LF, CRLF or a lone CR, as LSP says. In UTF-16 a character outside the Basic Multilingual Plane
/// counts 2, and a combining mark is a character of its own, exactly as editors count them.
struct DocumentText {
    private(set) var bytes: [UInt8]
    private(set) var lineStarts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        indexLines()
    }

    init(_ text: String) {
        self.init(Array(text.utf8))
    }

    func position(of offset: Int, in encoding: PositionEncoding) -> LSPPosition {
        let offset = min(max(0, offset), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let lineStart = lineStarts[low]
        switch encoding {
        case .utf8:
            return LSPPosition(line: low, character: offset - lineStart)
        case .utf16:
            var units = 0
            for index in lineStart..<offset {
                let byte = bytes[index]
                if byte & 0xC0 != 0x80 { units += byte >= 0xF0 ? 2 : 1 }
            }
            return LSPPosition(line: low, character: units)
        }
    }

    /// The byte offset of a position. A line past the end is the end of the text, and a character past the
    /// end of its line is the end of that line (LSP's rule); a position inside a character snaps to its start.
    func offset(of position: LSPPosition, in encoding: PositionEncoding) -> Int {
        guard position.line < lineStarts.count else { return bytes.count }
        let lineStart = lineStarts[position.line]
        let lineEnd = contentEnd(ofLine: position.line)
        var index = lineStart
        var units = 0
        while index < lineEnd {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            let width = encoding == .utf8 ? length : (length == 4 ? 2 : 1)
            if units + width > position.character { break }
            units += width
            index += length
        }
        return min(index, lineEnd)
    }

    func range(of bytes: Range<Int>, in encoding: PositionEncoding) -> [String: Any] {
        [
            "start": position(of: bytes.lowerBound, in: encoding).json,
            "end": position(of: bytes.upperBound, in: encoding).json
        ]
    }

    /// The byte range of an LSP range, or nil when it is not one.
    func byteRange(_ json: Any?, in encoding: PositionEncoding) -> Range<Int>? {
        guard let object = json as? [String: Any], let start = LSPPosition(object["start"]),
            let end = LSPPosition(object["end"])
        else {
            return nil
        }
        let from = offset(of: start, in: encoding)
        let to = offset(of: end, in: encoding)
        return min(from, to)..<max(from, to)
    }

    mutating func replace(_ range: Range<Int>, with text: String) {
        bytes.replaceSubrange(range, with: Array(text.utf8))
        indexLines()
    }

    /// Where a line's text ends, before its line break.
    func contentEnd(ofLine line: Int) -> Int {
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        if end > lineStarts[line] && bytes[end - 1] == 0x0A { end -= 1 }
        if end > lineStarts[line] && bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// The line break that ends a line ("" for the last line when the text does not end with one).
    func lineBreak(ofLine line: Int) -> String {
        let end = contentEnd(ofLine: line)
        let next = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        return String(decoding: bytes[end..<next], as: UTF8.self)
    }

    func text(ofLine line: Int) -> String {
        String(decoding: bytes[lineStarts[line]..<contentEnd(ofLine: line)], as: UTF8.self)
    }

    /// The linter's own line index, so that a line the editor shows is the line a finding names.
    private mutating func indexLines() {
        lineStarts = LineIndex(bytes).lineStarts
    }
}
