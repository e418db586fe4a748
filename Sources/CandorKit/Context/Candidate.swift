/// A rule match that survived (or was classified by) the context stage, still in token coordinates.
struct Candidate {
    var rule: Int
    var first: Int32
    var last: Int32
    var context: MatchContext?
    /// Document-scope gates still to check once the whole document has been read.
    var documentRequires: [Int]?
    var documentUnless: [Int]?
    /// Gates to check within `DocumentGates.windowRadius` paragraphs of this block, once the document is read.
    var windowRequires: [Int]?
    var windowUnless: [Int]?
    var block: Int32 = 0
}
