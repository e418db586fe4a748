/// HTML, parsed by libxml2's forgiving HTML parser.
///
/// Prose is text content plus `alt` and `title` attribute values; script, style, code, pre, kbd, samp, template,
/// noscript and comments are not prose. Block-level elements start new blocks; attribute values are blocks of
/// their own after the text. libxml2 gives lines but no columns, so each text is found in the source by scanning
/// forward from the previous one, past markup, decoding character references as it goes.
public struct HTMLReader: MarkupReader {
    public init() {}

    public func read(_ bytes: [UInt8]) -> ProseDocument {
        bytes.withUnsafeBufferPointer { source in
            var walk = HTMLWalk(bytes, source: source)
            return walk.run(bytes)
        }
    }
}
