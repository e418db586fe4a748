import CCmark
import Foundation

/// Markdown, parsed by cmark-gfm (CommonMark with GFM tables, task lists and footnotes).
///
/// Prose is the text of paragraphs, headings, list items, block quotes, table cells and footnotes, including
/// emphasis, link text and image alt text. Code (fenced, indented, inline), raw HTML, link destinations,
/// autolinks, bare URLs and e-mail addresses, and YAML or TOML front matter are not prose. Suppression
/// directives come from HTML comments outside code.
///
/// Every prose byte maps back to the source: cmark's positions say where each text should be, and each text is
/// checked against the source bytes there (and looked for nearby when cmark's inline columns are off).
public struct MarkdownReader: MarkupReader {
    public init() {}

    public func read(_ bytes: [UInt8]) -> ProseDocument {
        bytes.withUnsafeBufferPointer { source in
            var walk = MarkdownWalk(bytes, source: source)
            return walk.run(bytes)
        }
    }

    /// The offset where Markdown starts after front matter: a first line of `---` (YAML) or `+++` (TOML) up to a
    /// closing line of the same (or `...` for YAML). Without a closing line there is no front matter: a lone
    /// `---` is a thematic break.
    static func frontMatterEnd(_ source: UnsafeBufferPointer<UInt8>) -> Int {
        var start = 0
        if source.count >= 3 && source[0] == 0xEF && source[1] == 0xBB && source[2] == 0xBF { start = 3 }
        func fence(at offset: Int) -> (marker: UInt8, next: Int)? {
            guard offset + 3 <= source.count else { return nil }
            let marker = source[offset]
            guard marker == 0x2D || marker == 0x2B || marker == 0x2E, source[offset + 1] == marker,
                source[offset + 2] == marker
            else { return nil }
            var k = offset + 3
            while k < source.count && (source[k] == 0x20 || source[k] == 0x09) { k += 1 }
            if k == source.count { return (marker, k) }
            if source[k] == 0x0A { return (marker, k + 1) }
            if source[k] == 0x0D { return (marker, k + 1 < source.count && source[k + 1] == 0x0A ? k + 2 : k + 1) }
            return nil
        }
        guard let opening = fence(at: start), opening.marker != 0x2E else { return 0 }
        var line = opening.next
        while line < source.count {
            if let closing = fence(at: line),
                closing.marker == opening.marker || (opening.marker == 0x2D && closing.marker == 0x2E)
            {
                return closing.next
            }
            while line < source.count && source[line] != 0x0A && source[line] != 0x0D { line += 1 }
            if line < source.count && source[line] == 0x0D { line += 1 }
            if line < source.count && source[line] == 0x0A { line += 1 }
        }
        return 0
    }
}

/// One pass over cmark's events, writing prose and the offset map as it goes.
private struct MarkdownWalk {
    let source: UnsafeBufferPointer<UInt8>
    var builder: ProseBuilder
    var matcher = SourceMatcher(flavor: .markdown)
    /// Line starts of the Markdown after the front matter: cmark's line 1 is `lines.lineStart(1)`.
    let lines: LineIndex
    let base: Int
    /// Source ranges that are not prose and may hold `<!--` text that must not be read as a directive.
    var codeRanges: [Range<Int>] = []
    /// Where the last text of the open block ended: the next one starts there or later.
    var textEnd = 0
    /// Where to start looking for the next text: past `textEnd` and past any code or link destination since.
    /// cmark's positions for those can be off (autolinks), so a search that fails from here tries `textEnd`.
    var cursor = 0
    /// Where the open block ends in the source: no text of it is looked for far past there.
    var blockEnd = 0
    /// The line, and by how much, cmark's inline columns were last found to be off.
    var shiftLine = -1
    var shift = 0
    var quoteDepth = 0
    var itemDepth = 0
    var headingDepth = 0
    /// Autolinks (and anything under them) are not prose.
    var hiddenDepth = 0
    var linkStack: [Bool] = []
    var headerRow = false
    /// A table cell never spans lines, so its text is looked for on its own row only: a later row with the
    /// same words must not take it.
    var inTableCell = false
    var column = 0
    var columnHeaders: [String] = []

    init(_ bytes: [UInt8], source: UnsafeBufferPointer<UInt8>) {
        self.source = source
        self.base = MarkdownReader.frontMatterEnd(source)
        self.lines = LineIndex(bytes, from: base, breaks: .any)
        self.builder = ProseBuilder(capacity: source.count - base)
        if base > 0 { codeRanges.append(0..<base) }
    }

    mutating func run(_ bytes: [UInt8]) -> ProseDocument {
        if base < source.count,
            let document = candor_markdown_parse(source.baseAddress! + base, Int64(source.count - base))
        {
            defer { candor_markdown_free(document) }
            var event = CandorMarkdownEvent()
            while candor_markdown_next(document, &event) != 0 {
                handle(event)
            }
        }
        var directives = SuppressionDirective.scanComments(bytes)
        if !directives.isEmpty && !codeRanges.isEmpty {
            directives.removeAll { directive in codeRanges.contains { $0.contains(directive.offset) } }
        }
        return builder.finish(directives: directives)
    }

    private func start(_ event: CandorMarkdownEvent) -> Int {
        lines.offset(line: Int(event.start_line), column: Int(event.start_column))
    }

    /// The end of a node (cmark's end column is inclusive; column 0 means "before the line").
    private func end(_ event: CandorMarkdownEvent) -> Int {
        let line = Int(event.end_line)
        if event.end_column <= 0 { return lines.lineStart(line) }
        return min(lines.offset(line: line, column: Int(event.end_column)) + 1, source.count)
    }

    private var kind: BlockKind {
        if quoteDepth > 0 { return .blockQuote }
        if headingDepth > 0 { return .heading }
        if itemDepth > 0 { return .listItem }
        return .paragraph
    }

    private mutating func handle(_ event: CandorMarkdownEvent) {
        let entering = event.entering != 0
        let nodeKind = Int(event.kind)
        switch nodeKind {
        case Int(CANDOR_MD_BLOCK_QUOTE):
            quoteDepth += entering ? 1 : -1
        case Int(CANDOR_MD_ITEM):
            itemDepth += entering ? 1 : -1
        case Int(CANDOR_MD_PARAGRAPH), Int(CANDOR_MD_HEADING):
            if nodeKind == Int(CANDOR_MD_HEADING) { headingDepth += entering ? 1 : -1 }
            if entering {
                builder.begin(kind)
                cursor = start(event)
                textEnd = cursor
                blockEnd = max(cursor, end(event))
            } else {
                builder.blankBareURLs()
                builder.end()
            }
        case Int(CANDOR_MD_TABLE):
            columnHeaders = []
        case Int(CANDOR_MD_TABLE_ROW):
            headerRow = entering && event.flags & Int32(CANDOR_MD_FLAG_HEADER) != 0
            column = 0
        case Int(CANDOR_MD_TABLE_CELL):
            inTableCell = entering
            if entering {
                builder.begin(
                    .tableCell,
                    columnHeader: headerRow ? nil : column < columnHeaders.count ? columnHeaders[column] : nil)
                cursor = start(event)
                textEnd = cursor
                blockEnd = max(cursor, end(event))
            } else {
                builder.blankBareURLs()
                if let block = builder.end(), headerRow {
                    let header = builder.foldedText(block.range)
                    builder.setHeaderOfLastBlock(header)
                    columnHeaders.append(header)
                } else if headerRow {
                    columnHeaders.append("")
                }
                column += 1
            }
        case Int(CANDOR_MD_TEXT):
            guard hiddenDepth == 0, builder.isOpen, event.literal_length > 0, let literal = event.literal else {
                return
            }
            text(UnsafeBufferPointer(start: literal, count: Int(event.literal_length)), event)
        case Int(CANDOR_MD_SOFTBREAK), Int(CANDOR_MD_LINEBREAK):
            // A line break inside a paragraph is a space between words; the source span is whatever lies between
            // the text before and the text after, so the run is given no length of its own.
            guard hiddenDepth == 0, builder.isOpen, builder.lastByteInBlock != 0x20 else { return }
            builder.appendMapped(byte: 0x20, source: textEnd..<textEnd)
        case Int(CANDOR_MD_LINK):
            if entering {
                let autolink = event.flags & Int32(CANDOR_MD_FLAG_AUTOLINK) != 0
                linkStack.append(autolink)
                if autolink { hiddenDepth += 1 }
            } else {
                if linkStack.popLast() == true { hiddenDepth -= 1 }
                skip(event)
            }
        case Int(CANDOR_MD_IMAGE):
            if !entering { skip(event) }
        case Int(CANDOR_MD_CODE), Int(CANDOR_MD_HTML_INLINE):
            let literal = event.literal.map { UnsafeBufferPointer(start: $0, count: Int(event.literal_length)) }
            skip(event, verbatim: literal)
            if nodeKind == Int(CANDOR_MD_CODE) {
                let from = inlineStart(event)
                codeRanges.append(from..<max(from, inlineEnd(event)))
            }
        case Int(CANDOR_MD_FOOTNOTE_REFERENCE):
            skip(event)
        case Int(CANDOR_MD_CODE_BLOCK):
            let from = lines.lineStart(Int(event.start_line))
            let to = max(from, end(event))
            codeRanges.append(from..<to)
        default:
            break
        }
    }

    // MARK: Inline positions

    /// cmark's column for an inline node, corrected by what the last node found on the same line taught: on a
    /// lazy continuation line, every inline column is off by the container's indentation.
    private func inlineStart(_ event: CandorMarkdownEvent) -> Int {
        let line = Int(event.start_line)
        let offset = lines.offset(line: line, column: Int(event.start_column))
        return line == shiftLine ? min(max(offset + shift, 0), source.count) : offset
    }

    private func inlineEnd(_ event: CandorMarkdownEvent) -> Int {
        let line = Int(event.end_line)
        let offset = end(event)
        return line == shiftLine ? min(max(offset + shift, 0), source.count) : offset
    }

    /// Notes where a node on `line` really started, against where cmark put it.
    private mutating func learn(line: Int, found: Int, event: CandorMarkdownEvent) {
        guard found >= lines.lineStart(line), found <= lines.lineEnd(line) else { return }
        shiftLine = line
        shift = found - lines.offset(line: line, column: Int(event.start_column))
    }

    /// Moves the cursor past a node that is not prose (code span, inline HTML, a link's destination), so that a
    /// later search never finds text inside it. Where the node's source is known verbatim it is looked for;
    /// otherwise cmark's end is trusted only if it stays on its line.
    private mutating func skip(_ event: CandorMarkdownEvent, verbatim: UnsafeBufferPointer<UInt8>? = nil) {
        guard event.end_line > 0 else { return }
        let line = Int(event.start_line)
        if let verbatim, !verbatim.isEmpty {
            let expected = inlineStart(event)
            let lineEnd = lines.lineEnd(max(line, Int(event.end_line)))
            let found =
                expected >= textEnd && Self.equal(source, at: expected, verbatim)
                ? expected : findVerbatim(verbatim, from: max(textEnd, lines.lineStart(line)), to: lineEnd)
            if let found {
                learn(line: line, found: found, event: event)
                cursor = max(cursor, found + verbatim.count)
            }
            return
        }
        let after = inlineEnd(event)
        if after > cursor && after <= lines.lineEnd(Int(event.end_line)) + 1 {
            cursor = after
        }
    }

    private static func equal(_ source: UnsafeBufferPointer<UInt8>, at offset: Int, _ bytes: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        offset >= 0 && offset + bytes.count <= source.count
            && memcmp(source.baseAddress! + offset, bytes.baseAddress!, bytes.count) == 0
    }

    private func findVerbatim(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to limit: Int) -> Int? {
        let limit = min(limit, source.count)
        var from = from
        let first = bytes[0]
        while from + bytes.count <= limit {
            if source[from] == first && Self.equal(source, at: from, bytes) { return from }
            from += 1
        }
        return nil
    }

    /// Finds `literal` (decoded text) from `from`, before `limit`; on success writes it and returns where it starts.
    private mutating func find(_ literal: UnsafeBufferPointer<UInt8>, from: Int, to limit: Int) -> Int? {
        let first = literal[0]
        var from = from
        let limit = min(limit, source.count)
        while from < limit {
            let byte = source[from]
            if byte == first || byte == 0x26 || byte == 0x5C,
                let after = matcher.match(literal, in: source, at: from, limit: limit)
            {
                matcher.emit(into: &builder, decoded: literal, source: source, spaceLineBreaks: false)
                cursor = after
                textEnd = after
                return from
            }
            from += 1
        }
        return nil
    }

    private mutating func text(_ literal: UnsafeBufferPointer<UInt8>, _ event: CandorMarkdownEvent) {
        let expected = inlineStart(event)
        let line = Int(event.start_line)
        let lineEnd = lines.lineEnd(max(line, Int(event.end_line)))
        // cmark's position is right almost always. A literal with no '&' or backslash that is there verbatim needs
        // no decoding; otherwise the matcher reads references and escapes first ("&amp;" is not "&" then "amp;").
        if expected >= textEnd && Self.equal(source, at: expected, literal)
            && memchr(literal.baseAddress!, 0x26, literal.count) == nil
            && memchr(literal.baseAddress!, 0x5C, literal.count) == nil
        {
            builder.appendIdentity(source, expected..<(expected + literal.count))
            cursor = expected + literal.count
            textEnd = cursor
            return
        }
        if expected >= textEnd, let after = matcher.match(literal, in: source, at: expected, limit: lineEnd) {
            matcher.emit(into: &builder, decoded: literal, source: source, spaceLineBreaks: false)
            cursor = after
            textEnd = after
            return
        }
        // Inline positions drift on lazy continuation lines (by the container's indentation), around links, and
        // after a link reference definition at the top of a paragraph (counted in lines but not in the text):
        // look for the text on its line from where the previous text ended, then further on in the block.
        let lineStart = lines.lineStart(line)
        let starts = cursor == textEnd ? [cursor] : [cursor, textEnd]
        for from in starts where from < lineEnd {
            if let found = find(literal, from: max(from, lineStart), to: lineEnd) {
                learn(line: line, found: found, event: event)
                return
            }
        }
        // cmark's block positions can be early too (a table or footnote after a reference definition): give the
        // last search some slack past the block. Not for a table cell, whose row is its only line.
        for from in starts where !inTableCell {
            if let found = find(literal, from: from, to: max(blockEnd, lineEnd) + 4096) {
                learn(line: line, found: found, event: event)
                return
            }
        }
        // Not found as written (text cmark rewrote): the whole node stands for its whole source span, so a finding
        // in it still points at the right place.
        let spanEnd = min(max(inlineEnd(event), expected), source.count)
        builder.appendMapped(literal, source: expected..<spanEnd)
        if spanEnd > textEnd { textEnd = spanEnd }
        if textEnd > cursor { cursor = textEnd }
    }
}
