import CandorKit

/// The built-in rules, compiled when Candor was built (the EmbedLexicons plugin runs candor-embed).
///
/// A run that adds no lexicons and accepts no phrases lints with `ruleSet` as it is; anything else compiles
/// `lexicons` plus its own additions, still without reading any YAML for the built-in part.
public enum BuiltinRules {
    /// The embedded snapshot, base64 as the build wrote it (what `load` decodes once per process).
    public static var snapshot: StaticString { EmbeddedSnapshot.base64 }

    /// Decoded once per process, on first use.
    private static let decoded: Result<(lexicons: [Lexicon], ruleSet: RuleSet), Error> = Result {
        try RuleSetSnapshot.decode(base64: EmbeddedSnapshot.base64)
    }

    /// The built-in lexicons and their compiled rule set. Should the snapshot not decode (a build defect, which
    /// the tests rule out), they are compiled from the embedded YAML instead, so a run is slower, never wrong.
    public static func load() throws -> (lexicons: [Lexicon], ruleSet: RuleSet) {
        if case .success(let loaded) = decoded { return loaded }
        let lexicons = try BuiltinLexicons.load()
        return (lexicons, try RuleSet.compile(lexicons))
    }

    /// The snapshot shipped in this build, decoded (for tests; fails where `load` would fall back).
    public static func decodeSnapshot() throws -> (lexicons: [Lexicon], ruleSet: RuleSet) {
        try decoded.get()
    }
}

