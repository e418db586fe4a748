import CandorRules
import CandorText
import Foundation

/// One replacement of source bytes.
public struct SourceEdit: Equatable, Sendable {
    /// UTF-8 byte range of the original source.
    public var range: Range<Int>
    public var replacement: String
    /// The rule whose fix this is.
    public var rule: String

    public init(range: Range<Int>, replacement: String, rule: String) {
        self.range = range
        self.replacement = replacement
        self.rule = rule
    }
}

/// Decides which findings `candor lint --fix` may rewrite, and rewrites them.
///
/// Only a finding that carries its rule's `fix` and is the writer's own words is fixed: quoted and attributed
/// speech keeps its wording (mentions, legal names and suppressed spans are never findings at all). A match
/// must also be the same bytes in the source as in the prose that was linted, so a span that markup runs
/// through (emphasis around one of its words, an entity, a line's indentation inside a block quote) is left
/// for the writer: replacing it whole would drop the markup.
public enum FixPlanner {
    public static func edits(for findings: [Finding], source: [UInt8], markup: MarkupKind) -> [SourceEdit] {
        let candidates = findings.filter { $0.fix != nil && $0.context == nil && $0.length > 0 }
        guard !candidates.isEmpty else { return [] }
        let map = markup == .text ? OffsetMap.identity : MarkupReaders.reader(for: markup).read(source).map
        var edits: [SourceEdit] = []
        for finding in candidates.sorted(by: { ($0.offset, $0.length) < ($1.offset, $1.length) }) {
            let range = finding.offset..<(finding.offset + finding.length)
            guard range.upperBound <= source.count, isVerbatim(range, in: map) else { continue }
            // Overlapping findings: the first (then shorter) one wins; the other is left for the writer.
            if let last = edits.last, last.range.overlaps(range) { continue }
            let replacement = matchingCase(of: finding.match, in: finding.fix!)
            if replacement == finding.match { continue }
            edits.append(SourceEdit(range: range, replacement: replacement, rule: finding.rule))
        }
        return edits
    }

    /// The source with the edits made. Edits must not overlap (as `edits(for:)` returns them).
    public static func apply(_ edits: [SourceEdit], to source: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(source.count)
        var position = 0
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            guard edit.range.lowerBound >= position else { continue }
            result.append(contentsOf: source[position..<edit.range.lowerBound])
            result.append(contentsOf: Array(edit.replacement.utf8))
            position = edit.range.upperBound
        }
        result.append(contentsOf: source[position...])
        return result
    }

    /// Whether every source byte of `range` is a prose byte, in order, with nothing of the markup between.
    static func isVerbatim(_ range: Range<Int>, in map: OffsetMap) -> Bool {
        guard let runs = map.runs else { return true }
        var covered = range.lowerBound
        var expectedProse: Int?
        for run in runs where run.source < range.upperBound && run.source + run.sourceLength > range.lowerBound {
            guard run.exact, run.source <= covered else { return false }
            let prose = run.prose + (covered - run.source)
            if let expectedProse, expectedProse != prose { return false }
            let end = min(run.source + run.sourceLength, range.upperBound)
            expectedProse = prose + (end - covered)
            covered = max(covered, end)
            if covered >= range.upperBound { return true }
        }
        return covered >= range.upperBound
    }

    /// The fix in the match's capitalisation: "Child pornography" becomes "Child sexual abuse material", and
    /// a match in capitals is replaced in capitals.
    public static func matchingCase(of match: String, in fix: String) -> String {
        let letters = match.unicodeScalars.filter { CharacterSet.letters.contains($0) }
        guard let first = letters.first else { return fix }
        let isUpper = { (scalar: Unicode.Scalar) in CharacterSet.uppercaseLetters.contains(scalar) }
        if letters.count > 1 && letters.allSatisfy(isUpper) { return fix.uppercased() }
        if isUpper(first), let head = fix.first, head.isLowercase {
            return head.uppercased() + fix.dropFirst()
        }
        return fix
    }
}
