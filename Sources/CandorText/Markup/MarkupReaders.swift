/// The markup reader for each markup language.
public enum MarkupReaders {
    public static func reader(for kind: MarkupKind) -> MarkupReader {
        switch kind {
        case .text: return PlainTextReader()
        case .markdown: return MarkdownReader()
        case .html: return HTMLReader()
        }
    }
}
