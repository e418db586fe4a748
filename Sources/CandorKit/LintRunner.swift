import Dispatch
import Foundation

/// Lints many inputs in parallel with one rule set, keeping results in a stable order (sorted by path as
/// given). Loading and compiling lexicons happens once per run, never once per file.
public struct LintRunner {
    public var jobs: Int
    /// Files larger than this are reported as errors instead of read (`--max-input-size`).
    public var maximumInputSize: Int

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                maximumInputSize: Int = SourceReader.defaultMaximumSize) {
        self.jobs = max(1, jobs)
        self.maximumInputSize = maximumInputSize
    }

    /// One unit of work: a document to read and lint with a given linter setup.
    public struct Job {
        public var path: String
        public var setup: LinterSetup?
        /// Standard input's bytes, when this job is stdin.
        public var bytes: [UInt8]?
        /// A report decided before linting (a missing file, a broken config), passed through in order.
        public var preset: FileReport?

        public init(path: String, setup: LinterSetup?, bytes: [UInt8]? = nil, preset: FileReport? = nil) {
            self.path = path
            self.setup = setup
            self.bytes = bytes
            self.preset = preset
        }
    }

    /// A rule set plus the options that go with it (one per configuration file in play).
    public struct LinterSetup: @unchecked Sendable {
        public var ruleSet: RuleSet
        public var options: LintOptions

        public init(ruleSet: RuleSet, options: LintOptions) {
            self.ruleSet = ruleSet
            self.options = options
        }
    }

    public func run(_ work: [Job]) -> [FileReport] {
        var results: [FileReport] = []
        results.reserveCapacity(work.count)
        run(work) { _, report in results.append(report) }
        return results
    }

    /// Lints every job on `jobs` threads and hands each report to `emit` in job order, as soon as it and
    /// every report before it are ready. A report is released once emitted, so a caller that writes and
    /// forgets keeps memory flat however many files there are.
    public func run(_ work: [Job], emit: (Int, FileReport) -> Void) {
        var pending = [FileReport?](repeating: nil, count: work.count)
        let lock = NSLock()
        var nextIndex = 0
        var nextToEmit = 0
        let workers = min(jobs, max(work.count, 1))
        withoutActuallyEscaping(emit) { emit in
            pending.withUnsafeMutableBufferPointer { slots in
                let slotsPointer = slots
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    var linters: [ObjectIdentifier: Linter] = [:]
                    while true {
                        lock.lock()
                        let index = nextIndex
                        nextIndex += 1
                        lock.unlock()
                        guard index < work.count else { break }
                        let report = lint(work[index], linters: &linters)
                        lock.lock()
                        slotsPointer[index] = report
                        while nextToEmit < work.count, let ready = slotsPointer[nextToEmit] {
                            slotsPointer[nextToEmit] = nil
                            emit(nextToEmit, ready)
                            nextToEmit += 1
                        }
                        lock.unlock()
                    }
                }
            }
        }
    }

    private func lint(_ job: Job, linters: inout [ObjectIdentifier: Linter]) -> FileReport {
        if let preset = job.preset { return preset }
        guard let setup = job.setup else { return FileReport(path: job.path, error: "no configuration") }
        let key = ObjectIdentifier(setup.ruleSet)
        if let existing = linters[key] { return lint(job, with: existing) }
        guard let made = try? Linter(ruleSet: setup.ruleSet) else { return FileReport(path: job.path, error: "ICU is not available") }
        linters[key] = made
        return lint(job, with: made)
    }

    private func lint(_ job: Job, with linter: Linter) -> FileReport {
        let bytes: [UInt8]
        if let given = job.bytes {
            bytes = given
        } else {
            switch SourceReader.read(path: job.path, maximumSize: maximumInputSize) {
            case .success(let read): bytes = read
            case .failure(let problem): return FileReport(path: job.path, error: problem.description)
            }
        }
        if bytes.isEmpty || bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return FileReport(path: job.path, skipped: "empty input; nothing to lint")
        }
        linter.options = job.setup!.options
        var report = linter.lint(SourceDocument(path: job.path, bytes: bytes))
        if job.setup!.options.keepSource && !job.setup!.options.keepCleanSource && report.findings.isEmpty {
            report.source = nil
        }
        return report
    }
}
