/// Builds a prose buffer, its blocks and its offset map for the Markdown and HTML readers.
///
/// Blocks are separated by "\n\n", which no run maps: the tokenizer works block by block, so no token and no
/// sentence ever spans the gap.
struct ProseBuilder {
    var text: [UInt8] = []
    var runs: [OffsetMap.Run] = []
    var blocks: [ProseBlock] = []
    private var openStart: Int?
    private var openKind: BlockKind = .paragraph
    private var openHeader: String?

    init(capacity: Int) {
        text.reserveCapacity(capacity + capacity / 8 + 16)
        runs.reserveCapacity(capacity / 32 + 4)
    }

    var isOpen: Bool { openStart != nil }

    mutating func begin(_ kind: BlockKind, columnHeader: String? = nil) {
        if openStart != nil { end() }
        openStart = text.count
        openKind = kind
        openHeader = columnHeader
    }

    /// Closes the open block. A block with no visible text is dropped, bytes, runs and all.
    @discardableResult
    mutating func end() -> ProseBlock? {
        guard let start = openStart else { return nil }
        openStart = nil
        if !Self.hasText(text, from: start) {
            text.removeSubrange(start...)
            while let last = runs.last, last.prose >= start { runs.removeLast() }
            return nil
        }
        let block = ProseBlock(range: start..<text.count, kind: openKind, columnHeader: openHeader)
        blocks.append(block)
        text.append(0x0A)
        text.append(0x0A)
        return block
    }

    /// Overwrites bare URLs and e-mail addresses in the open block with spaces: they are not prose, and their
    /// words ("/sexual-misconduct-policy") would be matched. The bytes keep their length, so the map still holds.
    /// Roughly GitHub's extended autolinks: `http://`, `https://`, `ftp://` or `www.` after a word boundary, up to
    /// white space or `<`, less trailing punctuation and unbalanced `)`; and `local@domain.tld`.
    mutating func blankBareURLs() {
        guard let start = openStart, text.count > start else { return }
        text.withUnsafeMutableBufferPointer { buffer in
            var index = start
            let end = buffer.count
            while index < end {
                let byte = buffer[index]
                if byte == 0x3A || byte == 0x2E {
                    if let (from, to) = Self.url(around: index, in: buffer, from: start) {
                        for k in from..<to { buffer[k] = 0x20 }
                        index = to
                        continue
                    }
                } else if byte == 0x40, let (from, to) = Self.email(around: index, in: buffer, from: start) {
                    for k in from..<to { buffer[k] = 0x20 }
                    index = to
                    continue
                }
                index += 1
            }
        }
    }

    private static func isURLSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x3C
    }

    /// A URL whose scheme ends (`:` of `://`) or whose `www` ends (`.`) at `mark`.
    private static func url(around mark: Int, in buffer: UnsafeMutableBufferPointer<UInt8>, from start: Int) -> (
        Int, Int
    )? {
        var begin: Int
        if buffer[mark] == 0x3A {
            guard mark + 2 < buffer.count, buffer[mark + 1] == 0x2F, buffer[mark + 2] == 0x2F else { return nil }
            begin = mark
            while begin > start && (buffer[begin - 1] | 0x20) &- 0x61 < 26 { begin -= 1 }
            let scheme = Array(buffer[begin..<mark]).map { $0 | 0x20 }
            guard scheme == Array("http".utf8) || scheme == Array("https".utf8) || scheme == Array("ftp".utf8) else {
                return nil
            }
        } else {
            guard mark >= start + 3, buffer[mark - 1] | 0x20 == 0x77, buffer[mark - 2] | 0x20 == 0x77,
                buffer[mark - 3] | 0x20 == 0x77, mark + 1 < buffer.count,
                buffer[mark + 1] < 0x80 && (buffer[mark + 1] | 0x20) &- 0x61 < 26 || buffer[mark + 1] &- 0x30 < 10
            else { return nil }
            begin = mark - 3
        }
        if begin > start {
            let before = buffer[begin - 1]
            guard isURLSpace(before) || before == 0x2A || before == 0x5F || before == 0x7E || before == 0x28 else {
                return nil
            }
        }
        var end = mark + 1
        while end < buffer.count && !isURLSpace(buffer[end]) { end += 1 }
        // Trailing punctuation ends the sentence, not the URL; so does a ')' without its '('.
        while end > mark + 1 {
            let last = buffer[end - 1]
            if last == 0x3F || last == 0x21 || last == 0x2E || last == 0x2C || last == 0x3A || last == 0x2A
                || last == 0x5F || last == 0x7E || last == 0x27 || last == 0x22 || last == 0x3B
            {
                end -= 1
            } else if last == 0x29 {
                var balance = 0
                for k in begin..<end { balance += buffer[k] == 0x28 ? 1 : buffer[k] == 0x29 ? -1 : 0 }
                if balance >= 0 { break }
                end -= 1
            } else {
                break
            }
        }
        return end > mark + 1 ? (begin, end) : nil
    }

    private static func isEmailLocal(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 || byte == 0x2E || byte == 0x2D || byte == 0x5F || byte == 0x2B
    }

    /// An e-mail address whose `@` is at `at`: the domain needs a dot and must end in a letter or digit.
    private static func email(around at: Int, in buffer: UnsafeMutableBufferPointer<UInt8>, from start: Int) -> (
        Int, Int
    )? {
        var begin = at
        while begin > start && isEmailLocal(buffer[begin - 1]) { begin -= 1 }
        guard begin < at else { return nil }
        var end = at + 1
        var dots = 0
        while end < buffer.count {
            let byte = buffer[end]
            if (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 || byte == 0x2D || byte == 0x5F {
                end += 1
            } else if byte == 0x2E && end + 1 < buffer.count && isEmailLocal(buffer[end + 1]) && buffer[end + 1] != 0x2E
            {
                dots += 1
                end += 1
            } else {
                break
            }
        }
        guard dots > 0, end > at + 1 else { return nil }
        let last = buffer[end - 1]
        guard (last | 0x20) &- 0x61 < 26 || last &- 0x30 < 10 else { return nil }
        return (begin, end)
    }

    mutating func setHeaderOfLastBlock(_ header: String) {
        guard !blocks.isEmpty else { return }
        blocks[blocks.count - 1].columnHeader = header
    }

    /// Copies `source[range]` into the prose, offsets moving together. With `spaceLineBreaks`, CR and LF become
    /// spaces of the same length: ICU would otherwise end a sentence at every line break of HTML source.
    mutating func appendIdentity(
        _ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, spaceLineBreaks: Bool = false
    ) {
        guard !range.isEmpty else { return }
        let prose = text.count
        if spaceLineBreaks {
            for index in range {
                let byte = source[index]
                text.append(byte == 0x0A || byte == 0x0D ? 0x20 : byte)
            }
        } else {
            text.append(contentsOf: UnsafeBufferPointer(rebasing: source[range]))
        }
        if let last = runs.last, last.exact,
            last.prose + last.proseLength == prose, last.source + last.sourceLength == range.lowerBound
        {
            runs[runs.count - 1].proseLength += range.count
            runs[runs.count - 1].sourceLength += range.count
        } else {
            runs.append(
                OffsetMap.Run(
                    prose: prose, source: range.lowerBound, proseLength: range.count,
                    sourceLength: range.count))
        }
    }

    /// Prose that stands for a source span of another spelling (an entity, an escape, a line break).
    mutating func appendMapped(_ bytes: UnsafeBufferPointer<UInt8>, source: Range<Int>) {
        guard !bytes.isEmpty else { return }
        runs.append(
            OffsetMap.Run(
                prose: text.count, source: source.lowerBound, proseLength: bytes.count,
                sourceLength: source.count, exact: false))
        text.append(contentsOf: bytes)
    }

    mutating func appendMapped(byte: UInt8, source: Range<Int>) {
        runs.append(
            OffsetMap.Run(
                prose: text.count, source: source.lowerBound, proseLength: 1, sourceLength: source.count,
                exact: false))
        text.append(byte)
    }

    /// The last byte written, if any block is open and not empty.
    var lastByteInBlock: UInt8? {
        guard let start = openStart, text.count > start else { return nil }
        return text[text.count - 1]
    }

    /// Appends another builder's blocks after these (HTML attribute values, kept apart from running text).
    mutating func append(_ other: ProseBuilder) {
        if openStart != nil { end() }
        let shift = text.count
        text.append(contentsOf: other.text)
        for var run in other.runs {
            run.prose += shift
            runs.append(run)
        }
        for var block in other.blocks {
            block.range = (block.range.lowerBound + shift)..<(block.range.upperBound + shift)
            blocks.append(block)
        }
    }

    mutating func finish(directives: [SuppressionDirective]) -> ProseDocument {
        if openStart != nil { end() }
        return ProseDocument(text: text, blocks: blocks, map: OffsetMap(runs: runs), directives: directives)
    }

    /// The folded, space-collapsed text of a prose range (a table header cell).
    func foldedText(_ range: Range<Int>) -> String {
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(range.count)
        for byte in text[range] {
            let space = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            if space {
                if let last = collapsed.last, last != 0x20 { collapsed.append(0x20) }
            } else {
                collapsed.append(byte)
            }
        }
        while collapsed.last == 0x20 { collapsed.removeLast() }
        let folded = collapsed.withUnsafeBufferPointer { Folding.fold($0) }
        return String(decoding: folded, as: UTF8.self)
    }

    private static func hasText(_ text: [UInt8], from start: Int) -> Bool {
        var index = start
        while index < text.count {
            switch text[index] {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: index += 1
            default: return true
            }
        }
        return false
    }
}
