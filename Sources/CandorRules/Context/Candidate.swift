import CandorText

/// A rule match that survived (or was classified by) the context stage, still in token coordinates.
package struct Candidate {
    package var rule: Int
    package var first: Int32
    package var last: Int32
    package var context: MatchContext?
    /// For a match a rule's exception or sentence gate dropped (`context == .excepted`), the context it would
    /// otherwise have had: the scorer may keep it only when that is plain or attributed speech.
    package var contextBehindException: MatchContext?
    /// Dropped by a sentence, nearby or paragraph gate (`requires:` found none of its phrases, or `unless:` found
    /// one): the text around it is not about harm, so the scorer may not keep it.
    package var exceptedByGate: GateFailure?
    /// Document-scope gates still to check once the whole document has been read.
    package var documentRequires: [Int]?
    package var documentUnless: [Int]?
    /// Gates to check within `DocumentGates.windowRadius` paragraphs of this block, once the document is read.
    package var windowRequires: [Int]?
    package var windowUnless: [Int]?
    package var block: Int32 = 0
    /// The match names the term in order to discuss it (quoted after a cue, after "phrases like", before
    /// "defence"), not only sits inside a proposition under discussion: later uses of the same words in the
    /// document are mentions too.
    package var namesTheTerm = false
}

/// Which half of a rule's gates dropped a match.
package enum GateFailure: String, Sendable {
    /// A `requires:` scope found none of its phrases.
    case requires
    /// An `unless:` scope found one of its phrases.
    case unless
}
