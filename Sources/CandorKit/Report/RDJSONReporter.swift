import CandorRules
import CandorText

/// reviewdog's Diagnostic Result format (`reviewdog -f=rdjson`), whose columns are 1-based UTF-8 byte
/// columns with an exclusive end. A `fix` becomes a suggestion, which reviewdog posts as a suggested change.
public struct RDJSONReporter: Reporter {
    public var baseDirectory: String?
    public var pretty: Bool

    public init(baseDirectory: String? = nil, pretty: Bool = true) {
        self.baseDirectory = baseDirectory
        self.pretty = pretty
    }

    public func render(_ run: RunReport) -> String {
        var urls: [String: String] = [:]
        for rule in run.rules where urls[rule.id] == nil {
            if let url = ReportSupport.ruleURL(rule) { urls[rule.id] = url }
        }

        var json = JSONWriter(pretty: pretty)
        json.beginObject()
        json.key("source")
        json.beginObject()
        json.field("name", "candor")
        json.field("url", ReportSupport.homepage)
        json.endObject()
        json.key("diagnostics")
        json.beginArray()
        for file in run.files {
            let path = ReportSupport.reportPath(file.path, base: baseDirectory)
            if let error = file.error {
                json.beginObject()
                json.field("message", error)
                json.key("location")
                json.beginObject()
                json.field("path", path)
                json.endObject()
                json.field("severity", "ERROR")
                json.key("code")
                json.beginObject()
                json.field("value", "candor.input")
                json.endObject()
                json.endObject()
                continue
            }
            let lines = file.source.map(LineIndex.init)
            for finding in file.findings {
                json.beginObject()
                json.field("message", ReportSupport.fullMessage(finding))
                json.key("location")
                json.beginObject()
                json.field("path", path)
                json.key("range")
                Self.writeRange(finding, lines: lines, to: &json)
                json.endObject()
                json.field("severity", Self.severity(finding.severity))
                json.key("code")
                json.beginObject()
                json.field("value", finding.rule)
                if let url = urls[finding.rule] { json.field("url", url) }
                json.endObject()
                // Without the source the byte columns are only estimates, too loose to rewrite text with.
                if let fix = finding.fix, lines != nil {
                    json.key("suggestions")
                    json.beginArray()
                    json.beginObject()
                    json.key("range")
                    Self.writeRange(finding, lines: lines, to: &json)
                    json.field("text", fix)
                    json.endObject()
                    json.endArray()
                }
                json.endObject()
            }
        }
        json.endArray()
        json.endObject()
        return json.output + "\n"
    }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: return "ERROR"
        case .warning: return "WARNING"
        case .suggestion: return "INFO"
        }
    }

    /// 1-based UTF-8 byte columns of the finding, end exclusive.
    static func byteColumns(_ finding: Finding, lines: LineIndex?) -> (start: Int, end: Int) {
        guard let lines, finding.line >= 1, finding.line <= lines.lineStarts.count,
            finding.endLine >= 1, finding.endLine <= lines.lineStarts.count
        else {
            // Exact when the line is ASCII up to the match, which is all that can be known without the source.
            let start = finding.column
            let end = finding.endLine == finding.line ? start + finding.match.utf8.count : finding.endColumn
            return (start, end)
        }
        let start = finding.offset - lines.lineStarts[finding.line - 1] + 1
        let end = finding.offset + finding.length - lines.lineStarts[finding.endLine - 1] + 1
        return (start, end)
    }

    private static func writeRange(_ finding: Finding, lines: LineIndex?, to json: inout JSONWriter) {
        let columns = byteColumns(finding, lines: lines)
        json.beginObject()
        json.key("start")
        json.beginObject()
        json.field("line", finding.line)
        json.field("column", columns.start)
        json.endObject()
        json.key("end")
        json.beginObject()
        json.field("line", finding.endLine)
        json.field("column", columns.end)
        json.endObject()
        json.endObject()
    }
}
