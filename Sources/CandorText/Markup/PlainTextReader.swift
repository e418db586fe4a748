import Foundation

/// Plain text: the prose is the source; paragraphs are separated by blank lines.
///
/// A paragraph longer than `maximumBlock` bytes is cut at a line break (or, failing that, a space) so that
/// memory stays bounded on a huge file with no blank lines.
public struct PlainTextReader: MarkupReader {
    public var maximumBlock: Int

    public init(maximumBlock: Int = 64 * 1024) {
        self.maximumBlock = maximumBlock
    }

    public func read(_ bytes: [UInt8]) -> ProseDocument {
        let lines = Self.loneCRsAsLF(bytes)
        return ProseDocument(
            text: bytes, blocks: Self.paragraphs(in: lines, maximumBlock: maximumBlock), map: .identity,
            directives: SuppressionDirective.scanPlainText(bytes))
    }

    static func paragraphs(in bytes: [UInt8], maximumBlock: Int) -> [ProseBlock] {
        var blocks: [ProseBlock] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            var start = 0  // where the current paragraph began
            var lineStart = 0
            var hasText = false  // whether the current paragraph has a non-blank line yet
            func isBlank(_ range: Range<Int>) -> Bool {
                for i in range where buffer[i] != 0x20 && buffer[i] != 0x09 && buffer[i] != 0x0D { return false }
                return true
            }
            func close(_ end: Int) {
                if hasText && end > start { blocks.append(ProseBlock(range: start..<end, kind: .paragraph)) }
                hasText = false
            }
            while lineStart < count {
                // memchr finds line ends far faster than a byte loop in Swift.
                let found = memchr(base + lineStart, 0x0A, count - lineStart)
                let lineEnd = found.map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? count
                let next = min(lineEnd + 1, count)
                if isBlank(lineStart..<lineEnd) {
                    close(lineStart)
                    start = next
                } else {
                    if !hasText { start = lineStart }
                    hasText = true
                    // A huge paragraph is cut at a line break so that memory stays bounded.
                    if next - start >= maximumBlock {
                        close(next)
                        start = next
                    }
                }
                lineStart = next
            }
            close(count)
        }
        return blocks.flatMap { splitOversized($0, in: bytes, maximumBlock: maximumBlock) }
    }

    /// A single line longer than the limit (no line breaks at all) is cut at spaces, never inside a character.
    static func splitOversized(_ block: ProseBlock, in bytes: [UInt8], maximumBlock: Int) -> [ProseBlock] {
        guard block.range.count > maximumBlock * 2 else { return [block] }
        var pieces: [ProseBlock] = []
        var start = block.range.lowerBound
        while block.range.upperBound - start > maximumBlock {
            var cut = start + maximumBlock
            while cut > start + maximumBlock / 2 && bytes[cut] != 0x20 { cut -= 1 }
            if bytes[cut] != 0x20 { cut = start + maximumBlock }
            while cut < block.range.upperBound && bytes[cut] & 0xC0 == 0x80 { cut += 1 }
            pieces.append(ProseBlock(range: start..<cut, kind: block.kind))
            start = cut
        }
        pieces.append(ProseBlock(range: start..<block.range.upperBound, kind: block.kind))
        return pieces
    }

    /// Old Mac files end lines with a lone CR. The paragraph scan, which looks for LF, reads a copy with each lone
    /// CR replaced by LF: the same length, so every offset it reports is still right for the original.
    private static func loneCRsAsLF(_ bytes: [UInt8]) -> [UInt8] {
        let hasCR = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, 0x0D, buffer.count) != nil } ?? false
        }
        guard hasCR else { return bytes }
        var copy = bytes
        for index in copy.indices where copy[index] == 0x0D && (index + 1 == copy.count || copy[index + 1] != 0x0A) {
            copy[index] = 0x0A
        }
        return copy
    }
}
