import CandorRules
import CandorText
import Dispatch
import Foundation

/// Lints many jobs in parallel, handing reports back in job order. Loading and compiling lexicons happened
/// once, in planning; here each worker thread makes one `Linter` per rule set it meets.
public struct LintRunner: Sendable {
    public var jobs: Int
    /// Files larger than this are reported as errors instead of read (`--max-input-size`).
    public var maximumInputSize: Int

    public init(
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        maximumInputSize: Int = SourceReader.defaultMaximumSize
    ) {
        self.jobs = max(1, jobs)
        self.maximumInputSize = maximumInputSize
    }

    public func run(_ work: [LintJob]) -> [FileReport] {
        var results: [FileReport] = []
        results.reserveCapacity(work.count)
        run(work) { _, report in results.append(report) }
        return results
    }

    /// Lints every job on `jobs` worker threads and hands each report to `emit`, on the calling thread and in
    /// job order, as soon as it and every report before it are ready. A report is released once emitted, so a
    /// caller that writes and forgets keeps memory flat however many files there are.
    public func run(_ work: [LintJob], emit: (Int, FileReport) -> Void) {
        if work.isEmpty { return }
        let board = ReportBoard(count: work.count)
        let workers = DispatchGroup()
        for _ in 0..<min(jobs, work.count) {
            DispatchQueue.global().async(group: workers) { [self] in
                var linters: [ObjectIdentifier: Linter] = [:]
                while let index = board.claim() {
                    board.post(lint(work[index], linters: &linters), at: index)
                }
            }
        }
        for index in work.indices { emit(index, board.take(index)) }
        workers.wait()
    }

    private func lint(_ job: LintJob, linters: inout [ObjectIdentifier: Linter]) -> FileReport {
        let input: LintInput
        let settings: InputSettings
        switch job {
        case .decided(let report): return report
        case .lint(let named, let resolved): (input, settings) = (named, resolved)
        }
        let bytes: [UInt8]
        switch input.read(maximumSize: maximumInputSize) {
        case .success(let read): bytes = read
        case .failure(let problem): return FileReport(path: input.path, error: problem.description)
        }
        if bytes.isEmpty || bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return FileReport(path: input.path, skipped: "empty input; nothing to lint")
        }
        let key = ObjectIdentifier(settings.ruleSet)
        let linter: Linter
        if let existing = linters[key] {
            linter = existing
        } else {
            guard let made = try? Linter(ruleSet: settings.ruleSet) else {
                return FileReport(path: input.path, error: "ICU is not available")
            }
            linters[key] = made
            linter = made
        }
        let options = settings.options
        var report = linter.lint(SourceDocument(path: input.path, bytes: bytes), options: options)
        if options.keepSource && !options.keepCleanSource && report.findings.isEmpty { report.source = nil }
        return report
    }
}

/// The reports of one run, shared by the workers that post them and the thread that takes them in order.
/// Every field is read and written only while holding `condition`, which is what makes it safe to share.
private final class ReportBoard: @unchecked Sendable {
    private let condition = NSCondition()
    private var reports: [FileReport?]
    private var nextToClaim = 0

    init(count: Int) {
        reports = [FileReport?](repeating: nil, count: count)
    }

    /// The next job for a worker, or nil when every job has been claimed.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        guard nextToClaim < reports.count else { return nil }
        nextToClaim += 1
        return nextToClaim - 1
    }

    func post(_ report: FileReport, at index: Int) {
        condition.lock()
        reports[index] = report
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for the report at `index`, and forgets it.
    func take(_ index: Int) -> FileReport {
        condition.lock()
        defer { condition.unlock() }
        while reports[index] == nil { condition.wait() }
        let report = reports[index]!
        reports[index] = nil
        return report
    }
}
