import Foundation

/// Turns UTF-8 byte offsets into 1-based lines and columns (columns count Unicode scalars, DESIGN.md).
public struct LineIndex: Sendable {
    /// Byte offset where each line starts.
    public let lineStarts: [Int]
    private let bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var from = 0
            // memchr is vectorised; a byte loop in Swift was a visible share of linting a large file.
            while from < buffer.count, let found = memchr(base + from, 0x0A, buffer.count - from) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                starts.append(index + 1)
                from = index + 1
            }
        }
        lineStarts = starts
        self.bytes = bytes
    }

    /// The 1-based line and column of a byte offset.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        var column = 1
        var index = lineStarts[low]
        let end = min(offset, bytes.count)
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (low + 1, column)
    }

    /// The text of a 1-based line, without its line break.
    public func line(_ number: Int) -> String {
        guard let range = byteRange(ofLine: number) else { return "" }
        return Self.decode(bytes, range)
    }

    /// The text of a line without leading and trailing spaces and tabs: what a baseline keys on.
    public func trimmedLine(_ number: Int) -> String {
        guard var range = byteRange(ofLine: number) else { return "" }
        while !range.isEmpty && (bytes[range.lowerBound] == 0x20 || bytes[range.lowerBound] == 0x09) { range = (range.lowerBound + 1)..<range.upperBound }
        while !range.isEmpty && (bytes[range.upperBound - 1] == 0x20 || bytes[range.upperBound - 1] == 0x09) { range = range.lowerBound..<(range.upperBound - 1) }
        return Self.decode(bytes, range)
    }

    private func byteRange(ofLine number: Int) -> Range<Int>? {
        guard number >= 1 && number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return start..<max(start, end)
    }

    /// Decoding through a buffer pointer takes Swift's fast UTF-8 path; an array slice does not.
    static func decode(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }
}
