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
            Directories are searched for .md, .markdown, .txt, .html and .htm files.
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

    @Option(help: "Markup of the input instead of detecting it from the name: text, markdown or html.")
    var markup: MarkupKind?

    @Option(help: "Files to lint at once (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Report only findings that are not in this baseline file.")
    var baseline: String?

    @Option(help: "Write every current finding to this baseline file, then exit 0 (2 if an input could not be read).")
    var writeBaseline: String?

    @Flag(help: "Rewrite findings that have one always-right replacement, in place ('--fix -': stdin to stdout), then report the rest.")
    var fix = false

    @Flag(help: "Print a unified diff of what --fix would change, and change nothing (exit 1 when there is something to change).")
    var diff = false

    @Flag(inversion: .prefixedNo,
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
        let builtin = try withLexiconErrors { try BuiltinRules.load() }
        var overrides = configOptions.overrides(lexicons: lexiconOptions.lexicons)
        overrides.quoted = quoted
        overrides.markup = markup
        overrides.keepSource = format.needsSource
        overrides.keepCleanSource = format == .html
        overrides.keepLineText = baseline != nil || writeBaseline != nil
        let resolver = ConfigResolver(builtin: builtin.lexicons, precompiled: builtin.ruleSet, overrides: overrides)
        let stdinFilename = configOptions.stdinFilename
        // A broken --lexicon or --config is a usage error: nothing could be linted as asked. The .candor.yml of
        // the current folder is not checked here: it governs only standard input, and is read if stdin is.
        _ = try withLexiconErrors { try resolver.setup(for: configOptions.noConfig ? nil : configOptions.config) }
        let maximumInputSize = configOptions.maxInputSize.bytes

        var jobs: [LintRunner.Job] = []
        var failedEarly: [FileReport] = []
        var failLevels: [String: Severity] = [:]

        /// Queues one input. `path` names it in reports; config is looked up from it too (for stdin, from
        /// `--stdin-filename`, or the current folder when that is not given).
        func plan(_ path: String, bytes: [UInt8]? = nil, markup: MarkupKind? = nil) {
            let configPath = resolver.configPath(for: path)
            do {
                var setup = try resolver.setup(for: configPath)
                if setup.options.markup == nil { setup.options.markup = markup }
                if let configPath, let level = try resolver.configuration(at: configPath).failLevel {
                    failLevels[path] = level
                }
                jobs.append(.init(path: path, setup: setup, bytes: bytes))
            } catch let error as YAMLFileError {
                failedEarly.append(FileReport(path: path, error: "configuration error: \(error.description)"))
            } catch {
                failedEarly.append(FileReport(path: path, error: "configuration error: \(error)"))
            }
        }

        if paths.isEmpty && isatty(STDIN_FILENO) != 0 {
            throw UserError("no input. Pass files or directories, or pipe text in: pbpaste | candor lint -")
        }
        if paths.isEmpty || paths.contains("-") {
            let name = stdinFilename ?? "-"
            switch SourceReader.readStandardInput(maximumSize: maximumInputSize) {
            case .success(let bytes): plan(name, bytes: bytes, markup: stdinFilename.map(MarkupKind.detect(path:)))
            case .failure(let problem): failedEarly.append(FileReport(path: name, error: problem.description))
            }
        }
        let expanded = SourceReader.expand(paths.filter { $0 != "-" }, filterNamed: forceExclude) { path in
            guard let configPath = resolver.configPath(for: path), let config = try? resolver.configuration(at: configPath) else {
                return false
            }
            return config.ignores(path)
        }
        for path in expanded.missing { failedEarly.append(FileReport(path: path, error: InputProblem.notFound.description)) }
        for (path, reason) in expanded.skipped { failedEarly.append(FileReport(path: path, skipped: reason)) }
        for path in expanded.files { plan(path) }

        var fixFailed = false
        // A fixed standard input goes to stdout, so the report of what remains goes to stderr.
        let reportToStandardError = fix && jobs.contains { $0.bytes != nil }
        if fix || diff {
            jobs.sort { $0.path < $1.path }
            var fixing = LintFixing(diffOnly: diff, maximumInputSize: maximumInputSize)
            let outcome = fixing.run(&jobs)
            if diff {
                for report in failedEarly where report.error != nil { writeError("candor: \(report.path): \(report.error!)") }
                if !failedEarly.filter({ $0.error != nil }).isEmpty { throw ExitCode(2) }
                if outcome.changes { throw ExitCode(1) }
                return
            }
            fixFailed = outcome.failed
        }
        let writeOut: (String) -> Void = reportToStandardError ? { fputs($0, stderr) } : { candor.writeOut($0) }

        // One ordered list (sorted by path, whatever the scheduling), with early failures passed through.
        var work = jobs + failedEarly.map { LintRunner.Job(path: $0.path, setup: nil, preset: $0) }
        work.sort { $0.path < $1.path }
        let runner = LintRunner(jobs: self.jobs, maximumInputSize: maximumInputSize)
        // CI tools want paths relative to the checkout, which is where they run Candor from.
        let reporter = format.reporter(color: useColor(configOptions.color),
                                       baseDirectory: FileManager.default.currentDirectoryPath)
        var failing = false
        var anyError = false

        // Errors also go to stderr, so they are seen when stdout is a machine format or a file; a text report
        // on a terminal already shows them once.
        let errorsShownOnTerminal = format == .text && isatty(STDOUT_FILENO) != 0
        func account(_ report: FileReport) {
            if let error = report.error {
                if !errorsShownOnTerminal { writeError("candor: \(report.path): \(error)") }
                anyError = true
            }
            if let skipped = report.skipped, format != .text { writeError("candor: \(report.path): \(skipped)") }
            let threshold = failLevel ?? failLevels[report.path] ?? .warning
            if report.findings.contains(where: { $0.severity >= threshold }) { failing = true }
        }

        if let streaming = reporter as? StreamingReporter, writeBaseline == nil, baseline == nil {
            // Each file is written as soon as it and every file before it are done, then forgotten:
            // memory stays flat over an archive, and writing overlaps linting.
            var summary = RunSummary()
            writeOut(streaming.begin(version: Candor.version))
            runner.run(work) { index, report in
                streaming.file(report, index: index, write: writeOut)
                summary.add(report)
                account(report)
            }
            writeOut(streaming.end(summary))
        } else {
            var reports = runner.run(work)
            if let writeBaseline {
                // A baseline written over unreadable inputs would silently lack their findings: say so, exit 2.
                for report in reports where report.error != nil {
                    writeError("candor: \(report.path): \(report.error!)")
                }
                do {
                    try Baseline(reports: reports, relativeTo: writeBaseline).write(to: writeBaseline)
                } catch {
                    throw UserError("cannot write baseline \(writeBaseline): \(error)")
                }
                let count = reports.reduce(0) { $0 + $1.findings.count }
                let failed = reports.filter { $0.error != nil }.count
                if failed > 0 {
                    writeError("candor: wrote \(count) findings to \(writeBaseline), but \(failed) input\(failed == 1 ? "" : "s") could not be linted")
                    throw ExitCode(2)
                }
                writeError("candor: wrote \(count) findings to \(writeBaseline)")
                return
            }
            if let baseline {
                let known: Baseline
                do { known = try Baseline.read(from: baseline) } catch {
                    throw UserError("cannot read baseline \(baseline): \(error)")
                }
                reports = known.filter(reports, relativeTo: baseline)
            }
            let rules = jobs.first?.setup?.ruleSet.rules ?? []
            writeOut(reporter.render(RunReport(files: reports, rules: rules)))
            reports.forEach(account)
        }
        if anyError || fixFailed { throw ExitCode(2) }
        if failing { throw ExitCode(1) }
    }
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter .candor.yml in the current folder."
    )

    @Flag(help: "Replace an existing .candor.yml.")
    var force = false

    func run() throws {
        let path = ConfigLoader.fileName
        if FileManager.default.fileExists(atPath: path) && !force {
            throw UserError("\(path) already exists; use --force to replace it")
        }
        do {
            try ConfigLoader.starter.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw UserError("cannot write \(path): \(error.localizedDescription)")
        }
        writeOut("Wrote \(path). Edit it, then run: candor lint .\n")
    }
}
