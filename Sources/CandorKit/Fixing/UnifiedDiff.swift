import CandorRules
import CandorText
import Foundation

/// A unified diff of what a set of edits does to a file, built from the edits themselves: the lines they
/// touch are known, so no general diff algorithm is needed and a large file costs one pass.
public enum UnifiedDiff {
    public static let contextLines = 3

    /// The diff, or "" when the edits change nothing. `path` names both sides (apply with `patch -p0`).
    public static func render(path: String, source: [UInt8], edits: [SourceEdit]) -> String {
        let edits = edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
        guard !edits.isEmpty else { return "" }
        let lines = lineRanges(source)
        func lineIndex(of offset: Int) -> Int {
            var low = 0
            var high = lines.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if lines[mid].lowerBound <= offset { low = mid } else { high = mid - 1 }
            }
            return low
        }
        // Changes: runs of old lines touched by edits, with the new text of those lines.
        var changes: [(old: ClosedRange<Int>, edits: [SourceEdit])] = []
        for edit in edits {
            let first = lineIndex(of: edit.range.lowerBound)
            let last = lineIndex(of: max(edit.range.lowerBound, edit.range.upperBound - 1))
            if let previous = changes.last, previous.old.upperBound + 1 >= first {
                changes[changes.count - 1] = (
                    previous.old.lowerBound...max(previous.old.upperBound, last), previous.edits + [edit]
                )
            } else {
                changes.append((first...last, [edit]))
            }
        }
        var out = "--- \(path)\n+++ \(path)\n"
        var index = 0
        var lineDelta = 0
        while index < changes.count {
            // A hunk: changes whose context windows touch.
            var group = [changes[index]]
            while index + 1 < changes.count,
                changes[index + 1].old.lowerBound - group.last!.old.upperBound - 1 <= 2 * contextLines
            {
                index += 1
                group.append(changes[index])
            }
            index += 1
            let start = max(0, group.first!.old.lowerBound - contextLines)
            let end = min(lines.count - 1, group.last!.old.upperBound + contextLines)
            var body = ""
            var oldCount = 0
            var newCount = 0
            var line = start
            for change in group {
                while line < change.old.lowerBound {
                    body += " " + text(source, lines[line]) + noNewlineMarker(source, lines[line])
                    oldCount += 1
                    newCount += 1
                    line += 1
                }
                let oldRange = lines[change.old.lowerBound].lowerBound..<lines[change.old.upperBound].upperBound
                for old in change.old {
                    body += "-" + text(source, lines[old]) + noNewlineMarker(source, lines[old])
                    oldCount += 1
                }
                let shifted = change.edits.map { edit in
                    SourceEdit(
                        range: (edit.range.lowerBound - oldRange.lowerBound)..<(edit.range.upperBound
                            - oldRange.lowerBound),
                        replacement: edit.replacement, rule: edit.rule)
                }
                let replaced = FixPlanner.apply(shifted, to: Array(source[oldRange]))
                for newLine in lineRanges(replaced) where !newLine.isEmpty {
                    body += "+" + text(replaced, newLine) + noNewlineMarker(replaced, newLine)
                    newCount += 1
                }
                line = change.old.upperBound + 1
            }
            while line <= end {
                body += " " + text(source, lines[line]) + noNewlineMarker(source, lines[line])
                oldCount += 1
                newCount += 1
                line += 1
            }
            let oldStart = oldCount == 0 ? start : start + 1
            let newStart = newCount == 0 ? start + lineDelta : start + 1 + lineDelta
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n" + body
            lineDelta += newCount - oldCount
        }
        return out
    }

    /// Each line's bytes with its line break (LF or CRLF); the last may have none.
    static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            ranges.append(start..<(index + 1))
            start = index + 1
        }
        if start < bytes.count || ranges.isEmpty { ranges.append(start..<bytes.count) }
        return ranges
    }

    private static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        let line = LineIndex.decode(bytes, range)
        return line.hasSuffix("\n") ? line : line + "\n"
    }

    private static func noNewlineMarker(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        range.isEmpty || bytes[range.upperBound - 1] == 0x0A ? "" : "\\ No newline at end of file\n"
    }
}
