/// HTML. Placeholder until the libxml2 reader lands: treats the file as plain text, with directives read
/// from HTML comments.
public struct HTMLReader: MarkupReader {
    public init() {}

    public func read(_ bytes: [UInt8]) -> ProseDocument {
        var document = PlainTextReader().read(bytes)
        document.directives = SuppressionDirective.scanComments(bytes)
        return document
    }
}
