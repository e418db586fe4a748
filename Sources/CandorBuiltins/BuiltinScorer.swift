import CandorKit
import Foundation

/// The candidate scorer embedded from `lexicons/scorer.tsv` at build time (`CandidateScorer`), riding on the
/// built-in lexicons so that every rule set compiled from them, user lexicons added or not, carries it.
public enum BuiltinScorer {
    /// Decoded once per process. candor-embed parsed the file at build time, so nil means the build had none.
    public static let scorer: CandidateScorer? = EmbeddedScorer.base64.flatMap { CandidateScorer(base64: $0) }

    /// `lexicons` with the scorer attached to the first, where `RuleSet.compile` looks for it.
    static func attach(_ scorer: CandidateScorer?, to lexicons: [Lexicon]) -> [Lexicon] {
        guard let scorer, !lexicons.isEmpty else { return lexicons }
        var lexicons = lexicons
        lexicons[0].scorer = scorer
        return lexicons
    }
}
