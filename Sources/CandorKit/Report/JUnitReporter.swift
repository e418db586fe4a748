import CandorRules
import CandorText

/// JUnit XML for CI test dashboards (GitLab, Jenkins, Azure): each file is a test case that fails with one
/// `<failure>` per finding, and a file that could not be read is an `<error>`.
public struct JUnitReporter: Reporter {
    public var baseDirectory: String?

    public init(baseDirectory: String? = nil) {
        self.baseDirectory = baseDirectory
    }

    public func render(_ run: RunReport) -> String {
        let tests = run.files.count
        // Counted per test case, as the JUnit schema defines them, not per finding.
        let failures = run.files.filter { $0.error == nil && !$0.findings.isEmpty }.count
        let errors = run.inputErrors
        let skipped = run.files.filter { $0.error == nil && $0.skipped != nil && $0.findings.isEmpty }.count
        let counts = "tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\""
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"candor\" \(counts)>\n"
        out += "  <testsuite name=\"candor\" \(counts)>\n"
        for file in run.files {
            let path = ReportSupport.xmlAttribute(ReportSupport.reportPath(file.path, base: baseDirectory))
            out += "    <testcase classname=\"candor\" name=\"\(path)\" file=\"\(path)\">\n"
            if let error = file.error {
                out += "      <error message=\"\(ReportSupport.xmlAttribute(error))\" type=\"candor.input\">"
                out += ReportSupport.xmlText("\(ReportSupport.reportPath(file.path, base: baseDirectory)): \(error)")
                out += "</error>\n"
            } else if file.findings.isEmpty, let reason = file.skipped {
                out += "      <skipped message=\"\(ReportSupport.xmlAttribute(reason))\"/>\n"
            }
            for finding in file.findings {
                let location =
                    "\(ReportSupport.reportPath(file.path, base: baseDirectory)):\(finding.line):\(finding.column)"
                var body = "\(location): \(finding.severity.rawValue): \(finding.message)"
                if let context = finding.context { body += " (\(context.rawValue))" }
                body += " [\(finding.rule)]"
                if !finding.suggestions.isEmpty {
                    body += "\nTry: " + finding.suggestions.joined(separator: "; ")
                }
                let message = "\(finding.severity.rawValue): \(finding.message)"
                out += "      <failure message=\"\(ReportSupport.xmlAttribute(message))\""
                out += " type=\"\(ReportSupport.xmlAttribute(finding.rule))\">"
                out += ReportSupport.xmlText(body) + "</failure>\n"
            }
            out += "    </testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }
}
