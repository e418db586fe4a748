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
        ProseDocument(text: bytes, blocks: Self.paragraphs(in: bytes, maximumBlock: maximumBlock), map: .identity,
                      directives: SuppressionDirective.scanPlainText(bytes))
    }

    static func paragraphs(in bytes: [UInt8], maximumBlock: Int) -> [ProseBlock] {
        var blocks: [ProseBlock] = []
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var start = 0
            var i = 0
            var lineStart = 0
            var lineHasText = false
            var lastLineBreak = -1
            var lastSpace = -1
            func close(at end: Int) {
                if end > start { blocks.append(ProseBlock(range: start..<end, kind: .paragraph)) }
            }
            while i < count {
                let byte = buffer[i]
                if byte == 0x0A {
                    if !lineHasText {
                        close(at: lineStart)
                        start = i + 1
                    }
                    lastLineBreak = i
                    lineStart = i + 1
                    lineHasText = false
                } else if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                    lastSpace = i
                } else {
                    if !lineHasText && start == lineStart && blocks.last.map({ $0.range.upperBound <= start }) ?? true {
                        // A paragraph starts at its first non-blank line.
                    }
                    lineHasText = true
                }
                if i - start >= maximumBlock {
                    let cut = lastLineBreak > start ? lastLineBreak + 1 : lastSpace > start ? lastSpace + 1 : i + 1
                    // Never cut inside a UTF-8 sequence.
                    var safe = cut
                    while safe < count && buffer[safe] & 0xC0 == 0x80 { safe += 1 }
                    close(at: safe)
                    start = safe
                    i = safe
                    lineStart = safe
                    lineHasText = false
                    continue
                }
                i += 1
            }
            close(at: count)
        }
        return blocks.filter { block in
            bytes[block.range].contains { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        }
    }
}
