import CandorRules
import CandorText

/// Checkstyle XML, the de facto format of reviewdog's `-f=checkstyle`, Jenkins and most CI dashboards.
/// `source` follows the `tool.rules.<id>` convention so that consumers can group by rule.
public struct CheckstyleReporter: Reporter {
    public var baseDirectory: String?

    public init(baseDirectory: String? = nil) {
        self.baseDirectory = baseDirectory
    }

    public func render(_ run: RunReport) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<checkstyle version=\"4.3\">\n"
        for file in run.files {
            let path = ReportSupport.reportPath(file.path, base: baseDirectory)
            out += "  <file name=\"\(ReportSupport.xmlAttribute(path))\">\n"
            if let error = file.error {
                out +=
                    "    <error severity=\"error\" message=\"\(ReportSupport.xmlAttribute(error))\" source=\"candor.input\"/>\n"
            }
            for finding in file.findings {
                out += "    <error line=\"\(finding.line)\" column=\"\(finding.column)\""
                out += " severity=\"\(Self.severity(finding.severity))\""
                out += " message=\"\(ReportSupport.xmlAttribute(ReportSupport.fullMessage(finding)))\""
                out += " source=\"candor.rules.\(ReportSupport.xmlAttribute(finding.rule))\"/>\n"
            }
            out += "  </file>\n"
        }
        return out + "</checkstyle>\n"
    }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .suggestion: return "info"
        }
    }
}
