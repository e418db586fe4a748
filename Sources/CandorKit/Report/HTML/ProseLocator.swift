import CandorRules
import CandorText

/// The way back from a finding's source bytes to the prose a reader sees: the inverse of `OffsetMap`.
///
/// Findings are located in the original file (a Markdown `**` or an HTML entity is part of the source
/// span); the page shows the prose, so each finding's span is found again there. Offsets that fall on
/// markup between prose runs snap inwards, to the prose the finding covers.
struct ProseLocator {
    /// The runs in source order (markup readers emit them in document order; sorted again in case one does not).
    private let runs: [OffsetMap.Run]?

    init(_ map: OffsetMap) {
        guard let runs = map.runs else {
            self.runs = nil
            return
        }
        let ordered = zip(runs, runs.dropFirst()).allSatisfy { $0.source <= $1.source }
        self.runs = ordered ? runs : runs.sorted { ($0.source, $0.prose) < ($1.source, $1.prose) }
    }

    /// The prose range of the source range `start..<end`, or nil when no prose lies in it (a finding on
    /// a suppression comment, which is markup).
    func proseRange(source start: Int, end: Int) -> Range<Int>? {
        guard let runs else { return start < end ? start..<end : nil }
        let lower = proseStart(start, runs)
        let upper = proseEnd(end, runs)
        return lower < upper ? lower..<upper : nil
    }

    private func proseStart(_ offset: Int, _ runs: [OffsetMap.Run]) -> Int {
        guard let index = lastRun(in: runs, where: { $0.source <= offset }) else { return runs.first?.prose ?? 0 }
        let run = runs[index]
        if offset < run.source + run.sourceLength {
            return run.exact ? run.prose + min(offset - run.source, run.proseLength) : run.prose
        }
        // On markup after this run: the prose starts with the next run.
        return index + 1 < runs.count ? runs[index + 1].prose : run.prose + run.proseLength
    }

    private func proseEnd(_ offset: Int, _ runs: [OffsetMap.Run]) -> Int {
        guard let index = lastRun(in: runs, where: { $0.source < offset }) else { return runs.first?.prose ?? 0 }
        let run = runs[index]
        if offset <= run.source + run.sourceLength && run.exact {
            return run.prose + min(offset - run.source, run.proseLength)
        }
        return run.prose + run.proseLength
    }

    /// The last run satisfying `isBefore`, which holds for a prefix of the runs.
    private func lastRun(in runs: [OffsetMap.Run], where isBefore: (OffsetMap.Run) -> Bool) -> Int? {
        var low = 0
        var high = runs.count
        while low < high {
            let mid = (low + high) / 2
            if isBefore(runs[mid]) { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : low - 1
    }
}
