import CandorKit

/// The lexicons shipped inside the binary (embedded from `lexicons/` at build time).
public enum BuiltinLexicons {
    /// Names and texts of the embedded lexicon files.
    public static var files: [(name: String, text: String)] { EmbeddedLexicons.files }

    /// Parses the embedded lexicons. They are tested, so a failure here is a build defect.
    ///
    /// `candor` itself starts from `BuiltinRules`, the same lexicons already parsed and compiled.
    public static func load() throws -> [Lexicon] {
        try files.map { try parse($0.text, name: $0.name) }
    }

    /// A built-in lexicon file, with its rules marked as built in.
    public static func parse(_ text: String, name: String) throws -> Lexicon {
        var lexicon = try LexiconLoader.parse(text, path: name)
        for index in lexicon.rules.indices { lexicon.rules[index].isBuiltin = true }
        return lexicon
    }
}
