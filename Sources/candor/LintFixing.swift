import CandorKit
import Foundation

/// `candor lint --fix` and `--diff`: rewrites the findings whose rule has one always-right replacement
/// (FixPlanner decides which), before the ordinary run reports what remains.
struct LintFixing {
    var diffOnly: Bool
    var maximumInputSize: Int
    private var linters: [ObjectIdentifier: Linter] = [:]

    init(diffOnly: Bool, maximumInputSize: Int) {
        self.diffOnly = diffOnly
        self.maximumInputSize = maximumInputSize
    }

    struct Outcome {
        /// Whether --diff found something to change.
        var changes = false
        /// Whether a file could not be rewritten (already said on stderr).
        var failed = false
    }

    /// Fixes (or, with `diffOnly`, shows the diff for) every job. A fixed standard input is written to stdout
    /// and its job then carries the fixed bytes, so the report that follows shows what remains.
    mutating func run(_ jobs: inout [LintRunner.Job]) -> Outcome {
        var outcome = Outcome()
        for index in jobs.indices {
            guard let setup = jobs[index].setup else { continue }
            let job = jobs[index]
            let bytes: [UInt8]
            if let given = job.bytes {
                bytes = given
            } else {
                guard case .success(let read) = SourceReader.read(path: job.path, maximumSize: maximumInputSize) else {
                    continue // the run that follows reports why it cannot be read
                }
                bytes = read
            }
            let edits = self.edits(for: bytes, path: job.path, setup: setup)
            if diffOnly {
                let diff = UnifiedDiff.render(path: job.path == "-" ? "stdin" : job.path, source: bytes, edits: edits)
                if !diff.isEmpty {
                    outcome.changes = true
                    writeOut(diff)
                }
                continue
            }
            let fixed = FixPlanner.apply(edits, to: bytes)
            if job.bytes != nil {
                writeOut(String(decoding: fixed, as: UTF8.self))
                jobs[index].bytes = fixed
            } else if !edits.isEmpty {
                do {
                    try AtomicFileWriter.replaceContents(of: job.path, with: fixed)
                    writeError("candor: \(job.path): fixed \(edits.count) finding\(edits.count == 1 ? "" : "s")")
                } catch {
                    writeError("candor: \(error)")
                    outcome.failed = true
                }
            }
        }
        return outcome
    }

    private mutating func edits(for bytes: [UInt8], path: String, setup: LintRunner.LinterSetup) -> [SourceEdit] {
        let key = ObjectIdentifier(setup.ruleSet)
        if linters[key] == nil { linters[key] = try? Linter(ruleSet: setup.ruleSet) }
        guard let linter = linters[key] else { return [] }
        var options = setup.options
        let markup = options.markup ?? MarkupKind.detect(path: path)
        options.markup = markup
        linter.options = options
        let report = linter.lint(SourceDocument(path: path, bytes: bytes))
        guard report.error == nil, report.skipped == nil else { return [] }
        return FixPlanner.edits(for: report.findings, source: bytes, markup: markup)
    }
}
