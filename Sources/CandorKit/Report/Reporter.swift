import CandorRules
import CandorText
import Foundation

/// Everything one run produced, for reporters.
public struct RunReport: Sendable {
    public var files: [FileReport]
    public var rules: [Rule]
    public var version: String

    public init(files: [FileReport], rules: [Rule], version: String = Candor.version) {
        self.files = files
        self.rules = rules
        self.version = version
    }

    public var findings: [Finding] { files.flatMap(\.findings) }

    public var inputErrors: Int { files.filter { $0.error != nil }.count }
}

/// Turns a run into the bytes of one output format. One small conformer per format.
public protocol Reporter {
    func render(_ run: RunReport) -> String
}

/// Counts over a run, kept up to date as reports stream past.
public struct RunSummary: Sendable {
    public var files = 0
    public var filesWithFindings = 0
    public var findings = 0
    public var errors = 0
    public var warnings = 0
    public var suggestions = 0
    public var inputErrors = 0
    public var skipped = 0

    public init() {}

    public init(_ run: RunReport) {
        for file in run.files { add(file) }
    }

    public mutating func add(_ report: FileReport) {
        files += 1
        findings += report.findings.count
        if !report.findings.isEmpty { filesWithFindings += 1 }
        for finding in report.findings {
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .suggestion: suggestions += 1
            }
        }
        if report.error != nil { inputErrors += 1 }
        if report.skipped != nil { skipped += 1 }
    }
}

/// A format that can be written one file at a time, so a run over a whole archive never holds every
/// finding (or the whole output) in memory. `render` is the same three parts joined.
public protocol StreamingReporter: Reporter {
    func begin(version: String) -> String
    /// Writes the part for one file through `write`, in pieces, so one file with a hundred thousand findings
    /// is never held as one string. `index` is the file's position in the run (0 for the first).
    func file(_ report: FileReport, index: Int, write: (String) -> Void)
    /// The same part as UTF-8 bytes. A reporter that builds bytes (JSON) hands them over as they are, without
    /// making a `String` of them only for the caller to write its bytes (2 to 3% of a JSON run on a large archive).
    func file(_ report: FileReport, index: Int, writeBytes: (UnsafeBufferPointer<UInt8>) -> Void)
    func end(_ summary: RunSummary) -> String
}

extension StreamingReporter {
    public func file(_ report: FileReport, index: Int, writeBytes: (UnsafeBufferPointer<UInt8>) -> Void) {
        file(report, index: index) { text in
            var text = text
            text.withUTF8(writeBytes)
        }
    }

    public func render(_ run: RunReport) -> String {
        var out = begin(version: run.version)
        for (index, file) in run.files.enumerated() { self.file(file, index: index) { out += $0 } }
        return out + end(RunSummary(run))
    }
}

/// The output formats `--format` accepts.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text
    case json
    case sarif
    case github
    case checkstyle
    case rdjson
    case junit
    case html

    /// Formats that show or measure the source line need the file's bytes kept after linting:
    /// text shows the line, rdjson counts its UTF-8 bytes up to the match.
    /// html shows the whole draft, so it keeps the bytes of files without findings too.
    public var needsSource: Bool { self == .text || self == .rdjson || self == .html }

    /// `baseDirectory` is the folder file paths are shown relative to; nil shows them as given.
    public func reporter(color: Bool, baseDirectory base: String?) -> Reporter {
        switch self {
        case .text: return TextReporter(color: color)
        case .json: return JSONReporter()
        case .sarif: return SARIFReporter(baseDirectory: base)
        case .github: return GitHubReporter(baseDirectory: base)
        case .checkstyle: return CheckstyleReporter(baseDirectory: base)
        case .rdjson: return RDJSONReporter(baseDirectory: base)
        case .junit: return JUnitReporter(baseDirectory: base)
        case .html: return HTMLReporter(baseDirectory: base)
        }
    }
}
