import CandorKit
import Foundation

/// The built-in rules, compiled when Candor was built (the EmbedLexicons plugin runs candor-embed).
///
/// A run that adds no lexicons and accepts no phrases lints with `ruleSet` as it is; anything else compiles
/// `lexicons` plus its own additions, still without reading any YAML for the built-in part.
public enum BuiltinRules {
    /// The embedded snapshot, base64 as the build wrote it (what `load` decodes once per process).
    public static var snapshot: StaticString { EmbeddedSnapshot.base64 }

    /// Decoded once per process, on first use.
    private static let decoded: Result<(lexicons: [Lexicon], ruleSet: RuleSet), Error> = Result {
        let (lexicons, ruleSet) = try RuleSetSnapshot.decode(base64: EmbeddedSnapshot.base64)
        ruleSet.scorer = BuiltinScorer.scorer
        ruleSet.sentenceModels = BuiltinScorer.sentenceModels
        return (BuiltinScorer.attach(BuiltinScorer.scorer, to: lexicons), ruleSet)
    }

    /// The built-in lexicons and their compiled rule set. Should the snapshot not decode (a build defect, which
    /// the tests rule out), they are compiled from the embedded YAML instead, so a run is slower, never wrong.
    public static func load() throws -> (lexicons: [Lexicon], ruleSet: RuleSet) {
        if let folder = ProcessInfo.processInfo.environment[overrideVariable], !folder.isEmpty {
            return try load(folder: folder)
        }
        if case .success(let loaded) = decoded { return loaded }
        let lexicons = try BuiltinLexicons.load()
        return (lexicons, try RuleSet.compile(lexicons))
    }

    /// Names a folder of lexicons to use instead of the built-in ones, for rule authors: edit
    /// `lexicons/*.yml` and measure the change (`candor eval`, `candor lint`) without rebuilding Candor.
    public static let overrideVariable = "CANDOR_BUILTIN_LEXICONS"

    /// Every `.yml` file in `folder`, parsed and compiled as the built-in rules, with the folder's `scorer.tsv`
    /// if it has one (a retrained scorer is measured the same way; without one, the rules alone decide).
    static func load(folder: String) throws -> (lexicons: [Lexicon], ruleSet: RuleSet) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yml") }.sorted()
        } catch {
            throw YAMLFileError(
                "\(overrideVariable): cannot list the folder", at: FileLocation(file: folder, line: 1, column: 1))
        }
        let lexicons = try names.map { name -> Lexicon in
            let path = (folder as NSString).appendingPathComponent(name)
            var lexicon = try LexiconLoader.load(path: path)
            for index in lexicon.rules.indices { lexicon.rules[index].isBuiltin = true }
            return lexicon
        }
        let scorerPath = (folder as NSString).appendingPathComponent("scorer.tsv")
        var scorer: CandidateScorer?
        if FileManager.default.fileExists(atPath: scorerPath) {
            guard let text = try? String(contentsOfFile: scorerPath, encoding: .utf8) else {
                throw YAMLFileError(
                    "\(overrideVariable): cannot read as UTF-8", at: FileLocation(file: scorerPath, line: 1, column: 1))
            }
            scorer = try CandidateScorer(parsing: text, path: scorerPath)
        }
        let withScorer = BuiltinScorer.attach(scorer, to: lexicons)
        return (withScorer, try RuleSet.compile(withScorer))
    }

    /// The snapshot shipped in this build, decoded (for tests; fails where `load` would fall back).
    public static func decodeSnapshot() throws -> (lexicons: [Lexicon], ruleSet: RuleSet) {
        try decoded.get()
    }
}
