import CandorKit
import Foundation

/// The candidate scorer embedded from `lexicons/scorer.tsv` at build time (`CandidateScorer`), riding on the
/// built-in lexicons so that every rule set compiled from them, user lexicons added or not, carries it.
public enum BuiltinScorer {
    /// Decoded once per process. candor-embed parsed the file at build time, so nil means the build had none.
    public static let scorer: CandidateScorer? = EmbeddedScorer.base64.flatMap { CandidateScorer(base64: $0) }

    /// The sentence models embedded from the other `lexicons/*.tsv` files, by name (`SentenceModel`).
    public static let sentenceModels: [String: SentenceModel] = Dictionary(
        EmbeddedSentenceModels.models.compactMap { entry in SentenceModel(base64: entry.base64).map { (entry.name, $0) }
        },
        uniquingKeysWith: { first, _ in first })

    /// `lexicons` with the scorer and the sentence models attached to the first, where `RuleSet.compile` looks
    /// for them.
    static func attach(_ scorer: CandidateScorer?, to lexicons: [Lexicon]) -> [Lexicon] {
        guard !lexicons.isEmpty else { return lexicons }
        var lexicons = lexicons
        if let scorer { lexicons[0].scorer = scorer }
        // A model a lexicon brought itself (a folder in CANDOR_BUILTIN_LEXICONS, with its own .tsv) wins.
        let own = Set(lexicons.flatMap { $0.sentenceModels.keys })
        lexicons[0].sentenceModels.merge(sentenceModels.filter { !own.contains($0.key) }) { own, _ in own }
        return lexicons
    }
}
