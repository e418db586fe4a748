import CandorKit

/// The lexicons shipped inside the binary (embedded from `lexicons/` at build time).
public enum BuiltinLexicons {
    /// Names and texts of the embedded lexicon files.
    public static var files: [(name: String, text: String)] { EmbeddedLexicons.files }

    /// Parses the embedded lexicons. They are tested, so a failure here is a build defect.
    ///
    /// `candor` itself starts from `BuiltinRules`, the same lexicons already parsed and compiled.
    /// The candidate scorer (`lexicons/scorer.tsv`) rides on the first, so a rule set compiled from them has it.
    public static func load() throws -> [Lexicon] {
        BuiltinScorer.attach(
            BuiltinScorer.scorer, to: try files.map { try LexiconLoader.parseBuiltin($0.text, path: $0.name) })
    }
}
