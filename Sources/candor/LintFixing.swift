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
    mutating func run(_ jobs: inout [LintJob]) -> Outcome {
        var outcome = Outcome()
        for index in jobs.indices {
            guard case .lint(var input, let settings) = jobs[index],
                case .success(let bytes) = input.read(maximumSize: maximumInputSize)
            else {
                continue  // the run that follows reports why it cannot be read
            }
            let edits = self.edits(for: bytes, path: input.path, settings: settings)
            if diffOnly {
                let diff = UnifiedDiff.render(
                    path: input.path == "-" ? "stdin" : input.path, source: bytes, edits: edits)
                if !diff.isEmpty {
                    outcome.changes = true
                    writeOut(diff)
                }
                continue
            }
            let fixed = FixPlanner.apply(edits, to: bytes)
            if input.isStandardInput {
                writeOut(String(decoding: fixed, as: UTF8.self))
                input.standardInput = fixed
                jobs[index] = .lint(input, settings)
            } else if !edits.isEmpty {
                do {
                    try AtomicFileWriter.replaceContents(of: input.path, with: fixed)
                    writeError("candor: \(input.path): fixed \(edits.count) finding\(edits.count == 1 ? "" : "s")")
                } catch {
                    writeError("candor: \(error)")
                    outcome.failed = true
                }
            }
        }
        return outcome
    }

    private mutating func edits(for bytes: [UInt8], path: String, settings: InputSettings) -> [SourceEdit] {
        let key = ObjectIdentifier(settings.ruleSet)
        if linters[key] == nil { linters[key] = try? Linter(ruleSet: settings.ruleSet) }
        guard let linter = linters[key], let markup = settings.options.markup else { return [] }
        let report = linter.lint(SourceDocument(path: path, bytes: bytes), options: settings.options)
        guard report.error == nil, report.skipped == nil else { return [] }
        return FixPlanner.edits(for: report.findings, source: bytes, markup: markup)
    }
}
