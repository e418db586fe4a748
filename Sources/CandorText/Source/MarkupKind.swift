/// How a document is marked up.
public enum MarkupKind: String, CaseIterable, Sendable {
    case text
    case markdown
    case html

    /// The extensions each language is known by. Folder search lints exactly these files, and detection reads
    /// the same list, so a file found in a folder is always read in the markup its name says.
    public var extensions: [String] {
        switch self {
        case .text: return ["txt"]
        case .markdown: return ["md", "markdown", "mdown", "mkd"]
        case .html: return ["html", "htm", "xhtml"]
        }
    }

    /// Every extension of every language, lower case.
    public static let fileExtensions: Set<String> = Set(allCases.flatMap(\.extensions))

    /// Detection by file extension; anything unknown is plain text.
    public static func detect(path: String) -> MarkupKind {
        let name = path.lowercased()
        for kind in [MarkupKind.markdown, .html] where kind.extensions.contains(where: { name.hasSuffix("." + $0) }) {
            return kind
        }
        return .text
    }
}
