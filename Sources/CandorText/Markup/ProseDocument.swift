/// What a block of prose is, which changes how its findings are read.
public enum BlockKind: String, Sendable {
    case paragraph
    case heading
    case blockQuote
    case listItem
    case tableCell
}

/// A paragraph-sized piece of prose: a range of the prose buffer.
public struct ProseBlock: Equatable, Sendable {
    public var range: Range<Int>
    public var kind: BlockKind
    /// For table cells: the header text of the cell's column, folded ("instead of", "avoid", ...).
    public var columnHeader: String?

    public init(range: Range<Int>, kind: BlockKind, columnHeader: String? = nil) {
        self.range = range
        self.kind = kind
        self.columnHeader = columnHeader
    }
}

/// Maps offsets in a prose buffer back to the source bytes the prose came from.
///
/// The map is a sorted list of runs; within an exact run offsets move together. A run can also stand for a
/// source span spelled another way (an HTML entity, a Markdown escape), in which case every offset inside it
/// maps to the run's start and its end to the source run's end.
public struct OffsetMap: Sendable {
    public struct Run: Equatable, Sendable {
        public var prose: Int
        public var source: Int
        public var proseLength: Int
        public var sourceLength: Int
        /// Whether the prose bytes are the source bytes. Usually the same as equal lengths, but a span that only
        /// happens to have the length of its prose (a text a reader could not place exactly) is not exact.
        public var exact: Bool

        public init(prose: Int, source: Int, proseLength: Int, sourceLength: Int, exact: Bool? = nil) {
            self.prose = prose
            self.source = source
            self.proseLength = proseLength
            self.sourceLength = sourceLength
            self.exact = exact ?? (proseLength == sourceLength)
        }
    }

    /// nil means the prose is the source (plain text).
    public private(set) var runs: [Run]?

    public static let identity = OffsetMap(runs: nil)

    public init(runs: [Run]?) {
        self.runs = runs
    }

    /// The source offset of the prose byte at `offset` (for a range start).
    public func sourceStart(_ offset: Int) -> Int {
        guard let runs else { return offset }
        guard let run = run(containing: offset) else { return runs.first?.source ?? offset }
        if run.exact { return run.source + min(offset - run.prose, run.sourceLength) }
        return run.source
    }

    /// The source offset just after the prose byte before `offset` (for a range end).
    public func sourceEnd(_ offset: Int) -> Int {
        guard let runs else { return offset }
        guard offset > 0, let run = run(containing: offset - 1) else { return runs.first?.source ?? 0 }
        if run.exact { return run.source + min(offset - run.prose, run.sourceLength) }
        return run.source + run.sourceLength
    }

    /// The last run that starts at or before `offset`: bytes between blocks, which no run covers, belong to the
    /// run before them.
    private func run(containing offset: Int) -> Run? {
        guard let runs, !runs.isEmpty else { return nil }
        var low = 0
        var high = runs.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if runs[mid].prose <= offset { low = mid } else { high = mid - 1 }
        }
        return offset >= runs[low].prose ? runs[low] : nil
    }
}

/// The prose of a document: the text to lint, its blocks, and how to find each byte in the source.
public struct ProseDocument: Sendable {
    /// The prose bytes. For plain text these are the source bytes themselves.
    public var text: [UInt8]
    public var blocks: [ProseBlock]
    public var map: OffsetMap
    /// Suppression comments found by the markup stage, as (source line of the comment, directive text).
    public var directives: [SuppressionDirective]

    public init(text: [UInt8], blocks: [ProseBlock], map: OffsetMap, directives: [SuppressionDirective] = []) {
        self.text = text
        self.blocks = blocks
        self.map = map
        self.directives = directives
    }
}

/// Turns a source document into prose. One conformer per markup language.
public protocol MarkupReader {
    func read(_ bytes: [UInt8]) -> ProseDocument
}
