import Foundation

/// Where the lines of a text start, and what follows from that: 1-based lines and columns of byte offsets
/// (columns count Unicode scalars, docs/contracts.md), a line's text, and the offset of a line and column.
///
/// A line ends at LF, CRLF or a lone CR (old Mac files), as cmark and editors have it: findings, the markup
/// readers and suppression directives all count lines so. One message counts LF alone (`Breaks.lf`).
public struct LineIndex: Sendable {
    /// What ends a line.
    enum Breaks {
        /// LF, CRLF or a lone CR.
        case any
        /// LF alone; a CR is part of its line. The invalid-UTF-8 message has always counted lines so.
        case lf
    }

    /// Byte offset where each line starts.
    public let lineStarts: [Int]
    private let bytes: [UInt8]
    /// Column checkpoints inside long lines, sorted by offset: the column of the byte at each offset. Without
    /// them every position rescans its line from the start, which made one 4 MB line with many findings
    /// quadratic; with them a position scans at most `checkpointStride` bytes.
    private let checkpointOffsets: [Int]
    private let checkpointColumns: [Int]
    static let checkpointStride = 512

    public init(_ bytes: [UInt8]) {
        self.init(bytes, from: 0, breaks: .any)
    }

    /// The lines of `bytes` from `base` on: line 1 starts at `base` (the Markdown reader's lines start after
    /// front matter, as cmark's do).
    init(_ bytes: [UInt8], from base: Int, breaks: Breaks) {
        var starts = [base]
        bytes.withUnsafeBufferPointer { buffer in
            guard let address = buffer.baseAddress, base < buffer.count else { return }
            starts.reserveCapacity((buffer.count - base) / 40 + 2)
            if breaks == .lf || memchr(address + base, 0x0D, buffer.count - base) == nil {
                var from = base
                // memchr is vectorised; a byte loop in Swift was a visible share of linting a large file.
                while from < buffer.count, let found = memchr(address + from, 0x0A, buffer.count - from) {
                    let index = address.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    starts.append(index + 1)
                    from = index + 1
                }
            } else {
                for index in base..<buffer.count {
                    let byte = buffer[index]
                    if byte == 0x0A || (byte == 0x0D && (index + 1 == buffer.count || buffer[index + 1] != 0x0A)) {
                        starts.append(index + 1)
                    }
                }
            }
        }
        var offsets: [Int] = []
        var columns: [Int] = []
        let stride = Self.checkpointStride
        for (number, start) in starts.enumerated() {
            let end = number + 1 < starts.count ? starts[number + 1] : bytes.count
            guard end - start > stride else { continue }
            var column = 1
            var next = start + stride
            for index in start..<end {
                if index == next {
                    offsets.append(index)
                    columns.append(column)
                    next += stride
                }
                if bytes[index] & 0xC0 != 0x80 { column += 1 }
            }
        }
        lineStarts = starts
        checkpointOffsets = offsets
        checkpointColumns = columns
        self.bytes = bytes
    }

    /// The 1-based line that holds a byte offset (line 1 for an offset before the first line).
    func lineNumber(at offset: Int) -> Int {
        (Self.lastIndex(in: lineStarts, notAbove: offset) ?? 0) + 1
    }

    /// The 1-based line and column of a byte offset.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        let line = lineNumber(at: offset) - 1
        var column = 1
        var index = lineStarts[line]
        if let checkpoint = Self.lastIndex(in: checkpointOffsets, notAbove: offset),
            checkpointOffsets[checkpoint] > index
        {
            index = checkpointOffsets[checkpoint]
            column = checkpointColumns[checkpoint]
        }
        let end = min(offset, bytes.count)
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (line + 1, column)
    }

    /// The index of the last value not above `target` in a sorted array, or nil.
    private static func lastIndex(in sorted: [Int], notAbove target: Int) -> Int? {
        guard let first = sorted.first, first <= target else { return nil }
        var low = 0
        var high = sorted.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if sorted[mid] <= target { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The text of a 1-based line, without its line break.
    public func line(_ number: Int) -> String {
        guard let range = byteRange(ofLine: number) else { return "" }
        return Self.decode(bytes, range)
    }

    /// At most `width` characters of a line around the bytes `match`, the column the piece starts at, and
    /// whether the line goes on after it: what a report shows, so a finding on a 4 MB line prints a window,
    /// not the whole line.
    public func window(line number: Int, around match: Range<Int>, width: Int = 100)
        -> (text: String, column: Int, continues: Bool)
    {
        guard let range = byteRange(ofLine: number) else { return ("", 1, false) }
        if range.count <= width { return (Self.decode(bytes, range), 1, false) }
        func isStart(_ index: Int) -> Bool { index >= range.upperBound || bytes[index] & 0xC0 != 0x80 }
        var start = min(max(match.lowerBound, range.lowerBound), range.upperBound)
        var steps = 0
        while start > range.lowerBound && steps < width / 3 {
            start -= 1
            if isStart(start) { steps += 1 }
        }
        var end = start
        steps = 0
        while end < range.upperBound && steps < width {
            end += 1
            if isStart(end) { steps += 1 }
        }
        return (Self.decode(bytes, start..<end), position(of: start).column, end < range.upperBound)
    }

    /// The text of a line without leading and trailing spaces and tabs: what a baseline keys on.
    public func trimmedLine(_ number: Int) -> String {
        guard var range = byteRange(ofLine: number) else { return "" }
        while !range.isEmpty && (bytes[range.lowerBound] == 0x20 || bytes[range.lowerBound] == 0x09) {
            range = (range.lowerBound + 1)..<range.upperBound
        }
        while !range.isEmpty && (bytes[range.upperBound - 1] == 0x20 || bytes[range.upperBound - 1] == 0x09) {
            range = range.lowerBound..<(range.upperBound - 1)
        }
        return Self.decode(bytes, range)
    }

    /// The offset of a 1-based line and byte column (cmark's positions), clamped into the lines.
    func offset(line: Int, column: Int) -> Int {
        guard line >= 1 else { return lineStarts[0] }
        guard line <= lineStarts.count else { return bytes.count }
        return min(max(lineStarts[line - 1] + max(column, 1) - 1, lineStarts[0]), bytes.count)
    }

    /// Where a 1-based line starts; a line outside the text is taken as the first or the last.
    func lineStart(_ line: Int) -> Int {
        lineStarts[min(max(line, 1), lineStarts.count) - 1]
    }

    /// Where a 1-based line's text ends, before its line break; the end of the text for a line outside it.
    func lineEnd(_ line: Int) -> Int {
        byteRange(ofLine: line)?.upperBound ?? bytes.count
    }

    private func byteRange(ofLine number: Int) -> Range<Int>? {
        guard number >= 1 && number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return start..<max(start, end)
    }

    /// Decoding through a buffer pointer takes Swift's fast UTF-8 path; an array slice does not.
    package static func decode(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }
}
