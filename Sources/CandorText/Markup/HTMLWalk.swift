import CHTML
import Foundation

/// One pass over libxml2's events, writing prose and the offset map as it goes.
struct HTMLWalk {
    let source: UnsafeBufferPointer<UInt8>
    var builder: ProseBuilder
    /// alt and title values, one block each, placed after the running text: they are not part of its sentences.
    var attributes: ProseBuilder
    var matcher = SourceMatcher(flavor: .html)
    let lines: LineIndex
    var cursor = 0
    var roles: [ElementRole] = []
    /// Open blocks, each with what its text is taken to be given every block around it (`resolved`) and
    /// whether any of them is a block quote, so the current kind is read off the top, never by walking
    /// the stack: 100,000 nested `<div>`s would otherwise cost a walk of the whole stack per element.
    var contexts: [(resolved: (kind: BlockKind, header: String?), quoted: Bool)] = []
    var hiddenDepth = 0
    var rawDepth = 0
    var tables: [(headers: [String], rowHeaders: [String], column: Int, headersDone: Bool, cellStart: Int)] = []
    /// Attribute value spans of the start tag just found: (lower-case name, value range in the source).
    var tagAttributes: [(name: [UInt8], value: Range<Int>)] = []
    /// How far a lost text is looked for before giving up on placing it exactly.
    let searchWindow = 256 * 1024

    init(_ bytes: [UInt8], source: UnsafeBufferPointer<UInt8>) {
        self.source = source
        self.builder = ProseBuilder(capacity: source.count / 2)
        self.attributes = ProseBuilder(capacity: 0)
        self.lines = LineIndex(bytes)
    }

    mutating func run(_ bytes: [UInt8]) -> ProseDocument {
        if !source.isEmpty, let document = candor_html_parse(source.baseAddress, Int64(source.count)) {
            defer { candor_html_free(document) }
            var event = CandorHTMLEvent()
            while candor_html_next(document, &event) != 0 {
                handle(event)
            }
        }
        builder.end()
        builder.append(attributes)
        return builder.finish(directives: SuppressionDirective.scanComments(bytes))
    }

    private var current: (kind: BlockKind, header: String?) {
        contexts.last?.resolved ?? (.paragraph, nil)
    }

    /// The innermost block decides, except that a block quote anywhere around makes its text quoted, and a
    /// table cell counts only when nothing inside it is more specific. A block of no kind of its own
    /// (`<div>`) takes what its parent had.
    private mutating func pushContext(_ kind: BlockKind?, header: String?) {
        let outer = contexts.last
        let quoted = (outer?.quoted ?? false) || kind == .blockQuote
        let resolved: (kind: BlockKind, header: String?)
        switch kind {
        case .tableCell?: resolved = (.tableCell, header)
        case .blockQuote?: resolved = (.blockQuote, nil)
        case let specific?: resolved = (outer?.quoted ?? false) ? (.blockQuote, nil) : (specific, nil)
        case nil: resolved = outer?.resolved ?? (.paragraph, nil)
        }
        contexts.append((resolved, quoted))
    }

    private mutating func handle(_ event: CandorHTMLEvent) {
        switch Int(event.type) {
        case Int(CANDOR_HTML_START):
            let name = String(cString: event.name)
            let role = ElementRole.of(name)
            roles.append(role)
            switch role {
            case .block(let kind): startBlock(name, kind: kind)
            case .hidden: hiddenDepth += 1
            case .raw: rawDepth += 1
            case .lineBreak:
                if hiddenDepth == 0 && builder.isOpen && builder.lastByteInBlock != 0x20 {
                    builder.appendMapped(byte: 0x20, source: cursor..<cursor)
                }
            case .inline: break
            }
            if event.prose_attributes > 0 && hiddenDepth == 0 && rawDepth == 0 {
                findStartTag(Array(name.utf8))
            }
        case Int(CANDOR_HTML_END):
            guard let role = roles.popLast() else { return }
            switch role {
            case .block: endBlock(String(cString: event.name))
            case .hidden: hiddenDepth -= 1
            case .raw: rawDepth -= 1
            default: break
            }
        case Int(CANDOR_HTML_TEXT):
            guard rawDepth == 0, event.length > 0, let text = event.text else { return }
            self.text(UnsafeBufferPointer(start: text, count: Int(event.length)), line: Int(event.line))
        case Int(CANDOR_HTML_ATTRIBUTE):
            guard hiddenDepth == 0, rawDepth == 0, event.length > 0, let text = event.text else { return }
            attribute(
                Array(String(cString: event.name).lowercased().utf8),
                UnsafeBufferPointer(start: text, count: Int(event.length)))
        default:
            break
        }
    }

    // MARK: Blocks and tables

    private mutating func startBlock(_ name: String, kind: BlockKind?) {
        var header: String?
        switch name {
        case "table":
            tables.append((headers: [], rowHeaders: [], column: 0, headersDone: false, cellStart: 0))
        case "tr":
            if !tables.isEmpty {
                tables[tables.count - 1].column = 0
                tables[tables.count - 1].rowHeaders = []
            }
        case "td", "th":
            if let table = tables.last {
                if name == "td" || table.headersDone {
                    header = table.column < table.headers.count ? table.headers[table.column] : nil
                }
                tables[tables.count - 1].column += 1
            }
        default:
            break
        }
        builder.end()
        if (name == "td" || name == "th") && !tables.isEmpty { tables[tables.count - 1].cellStart = builder.text.count }
        pushContext(kind, header: header)
        let now = current
        builder.begin(now.kind, columnHeader: now.header)
    }

    private mutating func endBlock(_ name: String) {
        builder.end()
        switch name {
        case "th":
            if let table = tables.last, !table.headersDone {
                // The whole cell, in case its text sits in blocks of its own (<th><p>Avoid</p></th>).
                let from = min(table.cellStart, builder.text.count)
                let header = builder.foldedText(from..<builder.text.count)
                if let last = builder.blocks.last, last.range.lowerBound >= from {
                    builder.setHeaderOfLastBlock(header)
                }
                var headers = table.rowHeaders
                while headers.count < table.column - 1 { headers.append("") }
                headers.append(header)
                tables[tables.count - 1].rowHeaders = headers
            }
        case "tr":
            if let table = tables.last, !table.headersDone, !table.rowHeaders.isEmpty {
                tables[tables.count - 1].headers = table.rowHeaders
                tables[tables.count - 1].headersDone = true
            }
        case "table":
            _ = tables.popLast()
        default:
            break
        }
        _ = contexts.popLast()
        if !contexts.isEmpty {
            let now = current
            builder.begin(now.kind, columnHeader: now.header)
        }
    }

    // MARK: Finding text in the source

    private mutating func text(_ decoded: UnsafeBufferPointer<UInt8>, line: Int) {
        let emit = hiddenDepth == 0 && builder.isOpen
        if let end = locate(decoded) {
            if emit { matcher.emit(into: &builder, decoded: decoded, source: source, spaceLineBreaks: true) }
            cursor = end
            return
        }
        // Markup this scan reads differently from libxml2 (`<!DOC` at the end of a file is text to libxml2): look
        // for the text as written, markup or not.
        let stop = min(source.count, cursor + searchWindow)
        var j = cursor
        while j < stop {
            if let end = matcher.match(decoded, in: source, at: j, limit: source.count) {
                if emit { matcher.emit(into: &builder, decoded: decoded, source: source, spaceLineBreaks: true) }
                cursor = end
                return
            }
            j += 1
        }
        // Lost: keep the prose, pointing at the rest of its line.
        guard emit else { return }
        let start = max(cursor, min(lines.lineStart(line), source.count))
        let end = max(start, lines.lineEnd(line))
        var spaced = Array(decoded)
        for index in spaced.indices where spaced[index] == 0x0A || spaced[index] == 0x0D { spaced[index] = 0x20 }
        spaced.withUnsafeBufferPointer { builder.appendMapped($0, source: start..<end) }
    }

    /// Finds `decoded` at or after the cursor: first where it should be (after markup and any whitespace libxml2
    /// dropped), then anywhere in the window.
    private mutating func locate(_ decoded: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = source.count
        var j = cursor
        while j < count {
            if source[j] == 0x3C, let end = markupEnd(at: j) {
                j = end
                continue
            }
            if let end = matcher.match(decoded, in: source, at: j, limit: count) { return end }
            guard Self.isSpace(source[j]) else { break }
            j += 1
        }
        let expected = j
        let stop = min(count, j + searchWindow)
        let first = decoded[0]
        while j < stop {
            let byte = source[j]
            if byte == 0x3C, let end = markupEnd(at: j) {
                j = end
                continue
            }
            if byte == first || byte == 0x26 || byte == 0x0D,
                let end = matcher.match(decoded, in: source, at: j, limit: count)
            {
                return end
            }
            j += 1
        }
        // Not there as a whole: libxml2 may have dropped bytes it could not read (`</` before a space).
        if expected < count {
            return matcher.matchSkipping(decoded, in: source, at: expected, limit: count, maximumGap: 64)
        }
        return nil
    }

    /// Moves the cursor past the start tag of the element just started, noting where its attribute values are.
    private mutating func findStartTag(_ name: [UInt8]) {
        tagAttributes.removeAll()
        let count = source.count
        var j = cursor
        let stop = min(count, cursor + searchWindow)
        while j < stop {
            guard source[j] == 0x3C else {
                j += 1
                continue
            }
            if j + 1 < count && Self.isLetter(source[j + 1]) && tagName(at: j + 1) == name {
                cursor = parseStartTagBody(at: j + 1 + name.count, collect: true, into: &tagAttributes)
                return
            }
            j = markupEnd(at: j) ?? j + 1
        }
    }

    private mutating func attribute(_ name: [UInt8], _ decoded: UnsafeBufferPointer<UInt8>) {
        guard let index = tagAttributes.firstIndex(where: { $0.name == name }) else { return }
        let span = tagAttributes.remove(at: index).value
        attributes.begin(.paragraph)
        if matcher.match(decoded, in: source, at: span.lowerBound, limit: span.upperBound) != nil {
            matcher.emit(into: &attributes, decoded: decoded, source: source, spaceLineBreaks: true)
        } else {
            attributes.appendMapped(decoded, source: span)
        }
        attributes.end()
    }
}
