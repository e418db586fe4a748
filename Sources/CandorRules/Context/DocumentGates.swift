import CandorText

/// Where in a document each context gate's phrases were seen, for the gates that look beyond one
/// paragraph (`window:` and `document:`). Filled block by block as the document is read, and asked only once
/// the whole document has been read, because a draft may name the harm after the phrase it excuses.
package struct DocumentGates {
    /// How many paragraphs either side of a match a `window:` gate looks.
    static let windowRadius: Int32 = 3
    /// A draft up to this many bytes of prose (about 1,500 words: a statement, a letter, a news story) is one
    /// context, so a `window:` gate looks at all of it; beyond that (a book, a collection, an archive page),
    /// only at the paragraphs around the match.
    static let shortDocumentBytes = 10_000

    private var blocks: [[Int32]]
    /// Paragraphs the next paragraph rejects at its start ("Wrong question, folks.", "This may not be true").
    private var rejectedBlocks: Set<Int32> = []
    /// Bytes of prose read so far.
    package var proseBytes = 0

    package init(count: Int) {
        blocks = [[Int32]](repeating: [], count: count)
    }

    package mutating func record(_ gate: Int, block: Int32) {
        if blocks[gate].last != block { blocks[gate].append(block) }
    }

    package func seenAnywhere(_ gate: Int) -> Bool { !blocks[gate].isEmpty }

    /// Whether something seen in paragraph `seen` still holds in paragraph `block`: anywhere in a short draft,
    /// within `windowRadius` paragraphs in a long one (a book, an archive page), the reach of a `window:` gate.
    package func reaches(from seen: Int32, to block: Int32) -> Bool {
        proseBytes <= Self.shortDocumentBytes || abs(block - seen) <= Self.windowRadius
    }

    /// The paragraph `block` opens by rejecting what the paragraph before it said.
    package mutating func recordRejection(by block: Int32) {
        if block > 0 { rejectedBlocks.insert(block - 1) }
    }

    package func isRejectedByTheNextParagraph(_ block: Int32) -> Bool { rejectedBlocks.contains(block) }

    /// Whether the gate was seen in the paragraph `block` or within `windowRadius` paragraphs of it (anywhere,
    /// in a short draft).
    package func seen(_ gate: Int, near block: Int32) -> Bool {
        if proseBytes <= Self.shortDocumentBytes { return seenAnywhere(gate) }
        // Blocks were recorded in reading order, so the list is sorted.
        let list = blocks[gate]
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < block - Self.windowRadius { low = middle + 1 } else { high = middle }
        }
        return low < list.count && list[low] <= block + Self.windowRadius
    }
}
