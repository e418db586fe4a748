import Dispatch
import Foundation

/// Lints many inputs in parallel with one rule set, keeping results in a stable order (sorted by path as
/// given). Loading and compiling lexicons happens once per run, never once per file.
public struct LintRunner {
    public var jobs: Int

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.jobs = max(1, jobs)
    }

    /// One unit of work: a document to read and lint with a given linter setup.
    public struct Job {
        public var path: String
        public var setup: LinterSetup
        /// Standard input's bytes, when this job is stdin.
        public var bytes: [UInt8]?

        public init(path: String, setup: LinterSetup, bytes: [UInt8]? = nil) {
            self.path = path
            self.setup = setup
            self.bytes = bytes
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
        var results = [FileReport?](repeating: nil, count: work.count)
        let lock = NSLock()
        var nextIndex = 0
        let workers = min(jobs, max(work.count, 1))
        results.withUnsafeMutableBufferPointer { slots in
            let slotsPointer = slots
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                var linters: [ObjectIdentifier: Linter] = [:]
                while true {
                    lock.lock()
                    let index = nextIndex
                    nextIndex += 1
                    lock.unlock()
                    guard index < work.count else { break }
                    let job = work[index]
                    let key = ObjectIdentifier(job.setup.ruleSet)
                    let linter: Linter
                    if let existing = linters[key] {
                        linter = existing
                    } else {
                        guard let made = try? Linter(ruleSet: job.setup.ruleSet) else {
                            slotsPointer[index] = FileReport(path: job.path, error: "ICU is not available")
                            continue
                        }
                        linters[key] = made
                        linter = made
                    }
                    slotsPointer[index] = lint(job, with: linter)
                }
            }
        }
        return results.map { $0! }
    }

    private func lint(_ job: Job, with linter: Linter) -> FileReport {
        let bytes: [UInt8]
        if let given = job.bytes {
            bytes = given
        } else {
            switch SourceReader.read(path: job.path) {
            case .success(let read): bytes = read
            case .failure(let problem): return FileReport(path: job.path, error: problem.description)
            }
        }
        if bytes.isEmpty || bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return FileReport(path: job.path, skipped: "empty input; nothing to lint")
        }
        linter.options = job.setup.options
        var report = linter.lint(SourceDocument(path: job.path, bytes: bytes))
        if job.setup.options.keepSource && report.findings.isEmpty { report.source = nil }
        return report
    }
}
