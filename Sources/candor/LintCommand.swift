import ArgumentParser
import CandorKit
import Foundation

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Lint files, directories or standard input.",
        discussion: """
            With no path, or with '-', reads standard input: pbpaste | candor lint -
            Directories are searched for .md, .markdown, .txt, .html and .htm files.
            """
    )

    @Argument(help: "Files or directories to lint; '-' for standard input.")
    var paths: [String] = []

    @OptionGroup var lexiconOptions: LexiconOptions

    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .text

    @Option(help: "Exit 1 when a finding is at or above this severity: error, warning or suggestion.")
    var failLevel: Severity?

    @Option(help: "Name for standard input, used in reports and to find .candor.yml and the markup.")
    var stdinFilename: String?

    @Option(help: "Findings in quoted speech: downgrade (default), ignore or keep.")
    var quoted: QuotedMode?

    @Option(help: "Markup of the input instead of detecting it from the name: text, markdown or html.")
    var markup: MarkupKind?

    @Option(help: "Files to lint at once (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Colour: auto (on a terminal without NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let lexicons = try withLexiconErrors { try lexiconOptions.loadLexicons() }
        let ruleSet = try withLexiconErrors { try RuleSet.compile(lexicons) }

        var options = LintOptions()
        if let quoted { options.quoted = quoted }
        options.markup = markup
        options.keepSource = format == .text
        let setup = LintRunner.LinterSetup(ruleSet: ruleSet, options: options)

        var jobs: [LintRunner.Job] = []
        var inputProblems: [FileReport] = []
        let readStdin = paths.isEmpty || paths.contains("-")
        if paths.isEmpty && isatty(STDIN_FILENO) != 0 {
            throw UserError("no input. Pass files or directories, or pipe text in: pbpaste | candor lint -")
        }
        if readStdin {
            let name = stdinFilename ?? "-"
            var stdinOptions = options
            if stdinOptions.markup == nil, let stdinFilename { stdinOptions.markup = MarkupKind.detect(path: stdinFilename) }
            switch SourceReader.readStandardInput() {
            case .success(let bytes):
                jobs.append(.init(path: name, setup: .init(ruleSet: ruleSet, options: stdinOptions), bytes: bytes))
            case .failure(let problem):
                inputProblems.append(FileReport(path: name, error: problem.description))
            }
        }
        let expanded = SourceReader.expand(paths.filter { $0 != "-" })
        for path in expanded.missing { inputProblems.append(FileReport(path: path, error: InputProblem.notFound.description)) }
        jobs += expanded.files.map { LintRunner.Job(path: $0, setup: setup) }

        let reports = inputProblems + LintRunner(jobs: self.jobs).run(jobs)
        let run = RunReport(files: reports, rules: ruleSet.rules)
        writeOut(format.reporter(color: useColor(color)).render(run))

        // Errors and notes also go to stderr, so they are seen even when stdout is a machine format.
        for report in reports {
            if let error = report.error { writeError("candor: \(report.path): \(error)") }
            if let skipped = report.skipped, format != .text { writeError("candor: \(report.path): \(skipped)") }
        }
        if reports.contains(where: { $0.error != nil }) { throw ExitCode(2) }
        let threshold = failLevel ?? .warning
        if run.findings.contains(where: { $0.severity >= threshold }) { throw ExitCode(1) }
    }
}
