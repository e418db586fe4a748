import CandorRules
import CandorText

/// One draft as the HTML report shows it: the source to render, and what was found in it.
struct HTMLDraft {
    var path: String
    /// Relative to the run's base directory, as the CI formats name files: shorter, and the same on every machine.
    var shownPath: String
    /// The file's bytes; nil when it could not be read or was skipped.
    var source: [UInt8]?
    var markup: MarkupKind
    var findings: [Finding]
    var error: String?
    var skipped: String?

    init(
        path: String, base: String?, source: [UInt8]?, markup: MarkupKind?, findings: [Finding],
        error: String? = nil, skipped: String? = nil
    ) {
        self.path = path
        self.shownPath = Self.shown(path, base: base)
        self.source = source
        self.markup = markup ?? MarkupKind.detect(path: path)
        self.findings = findings
        self.error = error
        self.skipped = skipped
    }

    init(_ report: FileReport, base: String?) {
        self.init(
            path: report.path, base: base, source: report.source, markup: report.markup,
            findings: report.findings, error: report.error, skipped: report.skipped)
    }

    static func shown(_ path: String, base: String?) -> String {
        ReportSupport.reportPath(path, base: base)
    }
}
