import CandorKit
import Foundation

/// The text edit that puts a `candor-disable-next-line RULE` directive before a line, written the way the
/// document's markup reads directives (docs/configuration.md): an HTML comment in Markdown and HTML, a line
/// of its own in plain text.
enum DisableDirective {
    /// nil when no directive can be put there without changing what the document says (inside an HTML tag).
    static func edit(
        rule: String, line: Int, text: DocumentText, markup: MarkupKind,
        encoding: PositionEncoding
    ) -> [String: Any]? {
        let lineStart = text.lineStarts[line]
        let content = text.text(ofLine: line)
        let indentation = String(content.prefix { $0 == " " || $0 == "\t" })
        let lineBreak =
            line + 1 < text.lineStarts.count
            ? text.lineBreak(ofLine: line) : (line > 0 ? text.lineBreak(ofLine: line - 1) : "\n")
        let newline = lineBreak.isEmpty ? "\n" : lineBreak
        let insertion: (offset: Int, text: String)
        switch markup {
        case .text:
            insertion = (lineStart, "\(indentation)candor-disable-next-line \(rule)\(newline)")
        case .html:
            if isInsideTag(before: lineStart, in: text.bytes) { return nil }
            insertion = (lineStart, "\(indentation)<!-- candor-disable-next-line \(rule) -->\(newline)")
        case .markdown:
            // A comment line inside a paragraph or list would split it; at the end of the line before, as inline
            // HTML, it changes nothing a reader sees. Only where that line cannot take one (none, blank, a code
            // fence, a hard line break) does the comment get a line of its own.
            if line > 0 && acceptsTrailingComment(text.text(ofLine: line - 1)) {
                insertion = (text.contentEnd(ofLine: line - 1), " <!-- candor-disable-next-line \(rule) -->")
            } else {
                insertion = (lineStart, "\(indentation)<!-- candor-disable-next-line \(rule) -->\(newline)")
            }
        }
        let position = text.position(of: insertion.offset, in: encoding).json
        return ["range": ["start": position, "end": position], "newText": insertion.text]
    }

    private static func acceptsTrailingComment(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { return false }
        if line.hasSuffix("  ") || line.hasSuffix("\\") || line.hasSuffix("\t") { return false }
        // A setext underline or thematic break, and an indented code line, read the comment as their own text.
        if trimmed.allSatisfy({ $0 == "=" || $0 == "-" || $0 == "*" || $0 == "_" || $0 == " " }) { return false }
        if line.hasPrefix("    ") || line.hasPrefix("\t") { return false }
        return true
    }

    private static func isInsideTag(before offset: Int, in bytes: [UInt8]) -> Bool {
        var index = offset - 1
        while index >= 0 {
            if bytes[index] == UInt8(ascii: ">") { return false }
            if bytes[index] == UInt8(ascii: "<") { return true }
            index -= 1
        }
        return false
    }
}
