import CandorRules
import CandorText

/// A draft's prose as HTML, the way a reader sees it (Markdown and HTML as plain paragraphs, headings,
/// lists and quotations; plain text as written), with every finding marked in place.
///
/// The prose comes from the same markup stage the linter read, so a mark covers exactly the words the
/// finding is about. Overlapping findings nest; where one only partly overlaps another, the inner mark is
/// closed and reopened as a continuation piece (same `data-finding`, no `id`), so each finding's pieces
/// together hold exactly its text.
struct ProseHTMLRenderer {
    /// Prefix of this draft's element ids (`2-` for the third draft: marks `f2-1`, notes `n2-1`), unique on the page.
    var idPrefix: String
    var rules: [String: Rule]

    struct Output {
        var html: String
        /// Numbers (1-based, in `findings` order) of findings with no prose to mark: a problem with a
        /// suppression comment, which is markup, not prose.
        var unplaced: [Int]
    }

    private struct Span {
        var number: Int
        var range: Range<Int>
        var presentation: FindingPresentation
    }

    func render(source: [UInt8], markup: MarkupKind, findings: [Finding]) -> Output {
        let prose = MarkupReaders.reader(for: markup).read(source)
        let locator = ProseLocator(prose.map)
        var spans: [Span] = []
        var unplaced: [Int] = []
        for (index, finding) in findings.enumerated() {
            let presentation = FindingPresentation(finding: finding, rule: rules[finding.rule])
            let range = locator.proseRange(source: finding.offset, end: finding.offset + finding.length)
            if let range, prose.blocks.contains(where: { $0.range.overlaps(range) }) {
                spans.append(Span(number: index + 1, range: range, presentation: presentation))
            } else {
                unplaced.append(index + 1)
            }
        }
        // Longer spans first at one start, so that they enclose the shorter ones.
        spans.sort {
            ($0.range.lowerBound, -$0.range.upperBound, $0.number) < (
                $1.range.lowerBound, -$1.range.upperBound, $1.number
            )
        }

        var html = ""
        var container: BlockKind?
        var nextSpan = 0
        var carried: [Span] = []  // spans that began in an earlier block and run on into later ones
        var started = Set<Int>()  // findings whose first piece (with the id) is written
        for block in prose.blocks {
            if container != block.kind {
                if let container { html += Self.closing(container) }
                html += Self.opening(block.kind)
                container = block.kind
            }
            var inBlock = carried.filter { $0.range.upperBound > block.range.lowerBound }
            carried = []
            while nextSpan < spans.count && spans[nextSpan].range.lowerBound < block.range.upperBound {
                if spans[nextSpan].range.upperBound > block.range.lowerBound { inBlock.append(spans[nextSpan]) }
                nextSpan += 1
            }
            carried = inBlock.filter { $0.range.upperBound > block.range.upperBound }
            html += Self.blockOpening(block.kind, markup: markup)
            renderBlock(prose.text, range: block.range, spans: inBlock, started: &started, into: &html)
            html += Self.blockClosing(block.kind)
        }
        if let container { html += Self.closing(container) }
        return Output(html: html, unplaced: unplaced)
    }

    /// Writes one block's text, opening and closing marks at every span boundary inside it.
    private func renderBlock(
        _ text: [UInt8], range: Range<Int>, spans: [Span], started: inout Set<Int>,
        into html: inout String
    ) {
        guard !spans.isEmpty else {
            html += HTMLText.escape(text[range])
            return
        }
        var boundaries = Set([range.lowerBound, range.upperBound])
        for span in spans {
            boundaries.insert(max(span.range.lowerBound, range.lowerBound))
            boundaries.insert(min(span.range.upperBound, range.upperBound))
        }
        let points = boundaries.sorted()
        var open: [Span] = []
        for (position, point) in points.enumerated() {
            // Close what ends here; anything closed above it that goes on is reopened as a continuation.
            if let deepest = open.firstIndex(where: { $0.range.upperBound <= point }) {
                // `deepest` is the lowest span that ends here, so everything below it goes on.
                let goingOn = open[(deepest + 1)...].filter { $0.range.upperBound > point }
                html += String(repeating: "</mark>", count: open.count - deepest)
                open.removeSubrange(deepest...)
                for span in goingOn {
                    open.append(span)
                    html += opening(span, started: &started)
                }
            }
            guard position + 1 < points.count else { break }
            for span in spans
            where max(span.range.lowerBound, range.lowerBound) == point && span.range.upperBound > point {
                open.append(span)
                html += opening(span, started: &started)
            }
            html += HTMLText.escape(text[point..<points[position + 1]])
        }
        html += String(repeating: "</mark>", count: open.count)
    }

    private func opening(_ span: Span, started: inout Set<Int>) -> String {
        let presentation = span.presentation
        let finding = presentation.finding
        let first = started.insert(span.number).inserted
        var classes = "finding \(presentation.category.cssClass) sev-\(finding.severity.rawValue)"
        if let context = finding.context { classes += " ctx-\(HTMLText.token(context.rawValue))" }
        if !first { classes += " continued" }
        let key = "\(idPrefix)\(span.number)"
        var tag = "<mark class=\"\(classes)\" data-rule=\"\(HTMLText.escape(finding.rule))\" data-finding=\"f\(key)\""
        tag += " data-n=\"\(span.number)\" data-tip=\"\(HTMLText.escape(presentation.tip))\""
        if first {
            tag += " id=\"f\(key)\" tabindex=\"0\" aria-describedby=\"n\(key)\""
        }
        return tag + ">"
    }

    private static func opening(_ kind: BlockKind) -> String {
        switch kind {
        case .blockQuote: return "<blockquote>"
        case .listItem: return "<ul class=\"draft-list\">"
        case .tableCell: return "<ul class=\"draft-cells\" aria-label=\"Table cells\">"
        case .paragraph, .heading: return ""
        }
    }

    private static func closing(_ kind: BlockKind) -> String {
        switch kind {
        case .blockQuote: return "</blockquote>\n"
        case .listItem, .tableCell: return "</ul>\n"
        case .paragraph, .heading: return ""
        }
    }

    private static func blockOpening(_ kind: BlockKind, markup: MarkupKind) -> String {
        switch kind {
        case .heading: return "<h4 class=\"draft-heading\">"
        case .listItem, .tableCell: return "<li>"
        case .paragraph, .blockQuote: return markup == .text ? "<p class=\"plain\">" : "<p>"
        }
    }

    private static func blockClosing(_ kind: BlockKind) -> String {
        switch kind {
        case .heading: return "</h4>\n"
        case .listItem, .tableCell: return "</li>\n"
        case .paragraph, .blockQuote: return "</p>\n"
        }
    }
}
