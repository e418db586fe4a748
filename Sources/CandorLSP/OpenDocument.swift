import CandorKit
import Foundation

/// A document the client has open, as the client last described it.
struct OpenDocument {
    var uri: String
    var languageId: String
    var version: Int
    var text: DocumentText
    /// Findings for `lintedVersion`, what hovers and quick fixes read when they are current.
    var findings: [Finding] = []
    var lintedVersion: Int?
    /// Bumped by each change, so a debounced lint that a later change overtook does not start.
    var generation = 0

    /// The file path of a `file:` URI, or nil (an unsaved buffer).
    var path: String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.path
    }

    /// Markup by language id, or by the file's extension as `candor lint` detects it.
    var markup: MarkupKind {
        switch languageId.lowercased() {
        case "markdown", "mdx", "quarto", "rmd": return .markdown
        case "html", "xhtml": return .html
        case "plaintext", "text": return .text
        default: return MarkupKind.detect(path: path ?? uri)
        }
    }

    /// Applies `contentChanges` from a `didChange`: each a whole new text, or a range and its replacement.
    mutating func apply(_ changes: [[String: Any]], encoding: PositionEncoding) throws {
        for change in changes {
            guard let newText = change["text"] as? String else {
                throw LintProblem(message: "a content change has no text")
            }
            if let range = change["range"] {
                guard let bytes = text.byteRange(range, in: encoding) else {
                    throw LintProblem(message: "a content change has an invalid range")
                }
                text.replace(bytes, with: newText)
            } else {
                text = DocumentText(newText)
            }
        }
    }
}

/// Reads nested JSON: `json(params, "context", "only")`.
func json(_ value: Any?, _ path: String...) -> Any? {
    var current = value
    for key in path { current = (current as? [String: Any])?[key] }
    return current
}
