import ArgumentParser
import CandorBuiltins
import CandorKit
import Foundation

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Lint files, directories or standard input.",
        discussion: """
            With no path, or with '-', reads standard input: pbpaste | candor lint -
            Directories are searched for files named .txt, .md, .markdown, .mdown, .mkd, .html, .htm or .xhtml.
            Settings come from the nearest .candor.yml above each file (docs/configuration.md).
            """
    )

    @Argument(help: "Files or directories to lint; '-' for standard input.")
    var paths: [String] = []

    @OptionGroup var lexiconOptions: LexiconOptions

    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .text

    @Option(help: "Exit 1 when a finding is at or above this severity: error, warning (default) or suggestion.")
    var failLevel: Severity?

    @OptionGroup var configOptions: ConfigOptions

    @Option(help: "Findings in quoted speech: downgrade (default), ignore or keep.")
    var quoted: QuotedMode?

    @Flag(help: "Lint with the rules alone, without the candidate scorer (config: scorer: off).")
    var noScorer = false

    @Option(help: "Markup of the input instead of detecting it from the name: text, markdown or html.")
    var markup: MarkupKind?

    @Option(help: "Files to lint at once (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Report only findings that are not in this baseline file.")
    var baseline: String?

    @Option(help: "Write every current finding to this baseline file, then exit 0 (2 if an input could not be read).")
    var writeBaseline: String?

    @Flag(
        help:
            "Rewrite findings that have one always-right replacement, in place ('--fix -': stdin to stdout), then report the rest."
    )
    var fix = false

    @Flag(
        help:
            "Print a unified diff of what --fix would change, and change nothing (exit 1 when there is something to change)."
    )
    var diff = false

    @Flag(
        inversion: .prefixedNo,
        help: "Apply the config's ignore: globs to files named on the command line too, as pre-commit passes them.")
    var forceExclude = true

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if fix && diff { throw ValidationError("--fix and --diff cannot be used together") }
        if (fix || diff) && (baseline != nil || writeBaseline != nil) {
            throw ValidationError("--fix and --diff cannot be used with a baseline")
        }
    }

    func run() throws {
        if paths.isEmpty && isatty(STDIN_FILENO) != 0 {
            throw UserError("no input. Pass files or directories, or pipe text in: pbpaste | candor lint -")
        }
        let planner = try configOptions.planner(lexicons: lexiconOptions.lexicons, ignoresNamedFiles: forceExclude) {
            $0.quoted = quoted
            $0.noScorer = noScorer
            $0.markup = markup
            $0.keepSource = format.needsSource
            $0.keepCleanSource = format == .html
            $0.keepLineText = baseline != nil || writeBaseline != nil
        }
        var work = planner.plan(paths) { SourceReader.readStandardInput(maximumSize: planner.maximumInputSize) }

        var fixFailed = false
        if fix || diff {
            var fixing = LintFixing(diffOnly: diff, maximumInputSize: planner.maximumInputSize)
            let outcome = fixing.run(&work)
            if diff {
                let errors = work.compactMap { job -> FileReport? in
                    if case .decided(let report) = job, report.error != nil { return report }
                    return nil
                }
                for report in errors { writeError("candor: \(report.path): \(report.error!)") }
                if !errors.isEmpty { throw ExitCode(2) }
                if outcome.changes { throw ExitCode(1) }
                return
            }
            fixFailed = outcome.failed
        }
        // A fixed standard input goes to stdout, so the report of what remains goes to stderr.
        let reportToStandardError =
            fix && work.contains { if case .lint(let input, _) = $0 { input.isStandardInput } else { false } }
        let writeOut: (String) -> Void = reportToStandardError ? { fputs($0, standardError) } : { candor.writeOut($0) }
        let writeOutBytes: (UnsafeBufferPointer<UInt8>) -> Void =
            reportToStandardError
            ? { _ = fwrite($0.baseAddress, 1, $0.count, standardError) } : { candor.writeOutBytes($0) }
        let runner = LintRunner(jobs: jobs, maximumInputSize: planner.maximumInputSize)
        var outcome = RunOutcome(format: format, failLevel: failLevel)

        if let writeBaseline {
            try write(baseline: writeBaseline, reports: runner.run(work))
            return
        }
        // CI tools want paths relative to the checkout, which is where they run Candor from.
        let reporter = format.reporter(
            color: useColor(configOptions.color),
            baseDirectory: FileManager.default.currentDirectoryPath)
        if let streaming = reporter as? StreamingReporter, baseline == nil {
            // Each file is written as soon as it and every file before it are done, then forgotten:
            // memory stays flat over an archive, and writing overlaps linting.
            var summary = RunSummary()
            writeOut(streaming.begin(version: Candor.version))
            runner.run(work) { index, report in
                streaming.file(report, index: index, writeBytes: writeOutBytes)
                summary.add(report)
                outcome.account(report, settings: work[index].settings)
            }
            writeOut(streaming.end(summary))
        } else {
            var reports = runner.run(work)
            if let baseline {
                let known: Baseline
                do { known = try Baseline.read(from: baseline) } catch {
                    throw UserError("cannot read baseline \(baseline): \(error)")
                }
                let rules = Self.rulesInPlay(work)
                let splitFrom = Dictionary(
                    rules.compactMap { rule in rule.splitFrom.map { (rule.id, $0) } }, uniquingKeysWith: { a, _ in a })
                reports = known.filter(reports, relativeTo: baseline, splitFrom: splitFrom)
            }
            writeOut(reporter.render(RunReport(files: reports, rules: Self.rulesInPlay(work))))
            for (index, report) in reports.enumerated() { outcome.account(report, settings: work[index].settings) }
        }
        if outcome.anyError || fixFailed { throw ExitCode(2) }
        if outcome.failing { throw ExitCode(1) }
    }

    /// Every rule of every rule set in play, each id once, in the order the jobs first bring them.
    static func rulesInPlay(_ work: [LintJob]) -> [Rule] {
        var seenRuleSets = Set<ObjectIdentifier>()
        var seenIDs = Set<String>()
        var rules: [Rule] = []
        for case .lint(_, let settings) in work where seenRuleSets.insert(ObjectIdentifier(settings.ruleSet)).inserted {
            for rule in settings.ruleSet.rules where seenIDs.insert(rule.id).inserted { rules.append(rule) }
        }
        return rules
    }

    /// `--write-baseline`: every current finding, and exit 2 when an input could not be linted, since a
    /// baseline written over unreadable inputs would silently lack their findings.
    private func write(baseline path: String, reports: [FileReport]) throws {
        for report in reports where report.error != nil { writeError("candor: \(report.path): \(report.error!)") }
        do {
            try Baseline(reports: reports, relativeTo: path).write(to: path)
        } catch {
            throw UserError("cannot write baseline \(path): \(error)")
        }
        let count = reports.reduce(0) { $0 + $1.findings.count }
        let failed = reports.filter { $0.error != nil }.count
        if failed > 0 {
            writeError(
                "candor: wrote \(count) findings to \(path), but \(failed) input\(failed == 1 ? "" : "s") could not be linted"
            )
            throw ExitCode(2)
        }
        writeError("candor: wrote \(count) findings to \(path)")
    }
}

/// What a run's reports add up to for the exit code, and the errors and skips that must reach stderr.
struct RunOutcome {
    let format: OutputFormat
    /// `--fail-level`, which wins over each input's config.
    let failLevel: Severity?
    // A text report on a terminal already shows errors once; otherwise they go to stderr too, so they are seen
    // when stdout is a machine format or a file.
    let errorsShownOnTerminal: Bool
    var failing = false
    var anyError = false

    init(format: OutputFormat, failLevel: Severity?) {
        self.format = format
        self.failLevel = failLevel
        errorsShownOnTerminal = format == .text && isatty(STDOUT_FILENO) != 0
    }

    mutating func account(_ report: FileReport, settings: InputSettings?) {
        if let error = report.error {
            if !errorsShownOnTerminal { writeError("candor: \(report.path): \(error)") }
            anyError = true
        }
        if let skipped = report.skipped, format != .text { writeError("candor: \(report.path): \(skipped)") }
        let threshold = failLevel ?? settings?.failLevel ?? .warning
        if report.findings.contains(where: { $0.severity >= threshold }) { failing = true }
    }
}
