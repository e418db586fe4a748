import CandorRules
import CandorText
import Foundation

/// SARIF 2.1.0 with everything GitHub code scanning requires or uses: rules with help, levels,
/// end positions, `columnKind`, and `partialFingerprints` so alerts follow a finding when lines move.
public struct SARIFReporter: Reporter {
    /// Absolute paths under this directory are reported relative to it (code scanning wants repo-relative URIs).
    public var baseDirectory: String?
    public var pretty: Bool

    public init(baseDirectory: String? = nil, pretty: Bool = true) {
        self.baseDirectory = baseDirectory
        self.pretty = pretty
    }

    public func render(_ run: RunReport) -> String {
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in run.rules.enumerated() where ruleIndex[rule.id] == nil { ruleIndex[rule.id] = index }

        var json = JSONWriter(pretty: pretty)
        json.beginObject()
        json.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        json.field("version", "2.1.0")
        json.key("runs")
        json.beginArray()
        json.beginObject()

        json.key("tool")
        json.beginObject()
        json.key("driver")
        json.beginObject()
        json.field("name", "candor")
        json.field("version", run.version)
        json.field("semanticVersion", run.version)
        json.field("informationUri", ReportSupport.homepage)
        json.key("rules")
        json.beginArray()
        for rule in run.rules { writeRule(rule, to: &json) }
        json.endArray()
        json.endObject()
        json.endObject()

        writeInvocation(run, to: &json)
        json.field("columnKind", "unicodeCodePoints")

        json.key("results")
        json.beginArray()
        for file in run.files where file.error == nil {
            let path = ReportSupport.reportPath(file.path, base: baseDirectory)
            var occurrences: [String: Int] = [:]
            for finding in file.findings {
                // Keyed on what was flagged rather than where, so an edit above the finding keeps its alert.
                let matchKey = finding.match.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                let key = finding.rule + "\u{0}" + matchKey
                let occurrence = occurrences[key, default: 0]
                occurrences[key] = occurrence + 1
                let fingerprint = ReportSupport.fnv1a64(key + "\u{0}" + path + "\u{0}" + String(occurrence))
                writeResult(
                    finding, path: path, ruleIndex: ruleIndex[finding.rule], fingerprint: fingerprint, to: &json)
            }
        }
        json.endArray()

        json.endObject()
        json.endArray()
        json.endObject()
        return json.output + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .suggestion: return "note"
        }
    }

    private func writeRule(_ rule: Rule, to json: inout JSONWriter) {
        // Rule.summary starts with "this phrase" when the message starts with the match.
        let summary = nonEmpty(rule.summary.prefix(1).uppercased() + rule.summary.dropFirst(), or: rule.id)
        let why = nonEmpty(rule.why, or: summary)
        var helpText = why
        var helpMarkdown = why
        if !rule.suggestions.isEmpty {
            helpText += "\n\nTry instead:\n" + rule.suggestions.map { "- \($0)\n" }.joined()
            helpMarkdown += "\n\n**Try instead:**\n\n" + rule.suggestions.map { "- \($0)\n" }.joined()
        } else {
            helpText += "\n"
            helpMarkdown += "\n"
        }
        let principles = rule.principles.isEmpty ? "" : " (principles \(rule.principles.joined(separator: ", ")))"
        if !rule.guidance.isEmpty {
            helpText += "\nGuidance: \(rule.guidance)\(principles)"
            helpMarkdown += "\nGuidance: `\(rule.guidance)`\(principles)"
        }
        helpText += "\nRun `candor explain \(rule.id)` for patterns and examples."
        helpMarkdown += "\n\nRun `candor explain \(rule.id)` for patterns and examples."

        json.beginObject()
        json.field("id", rule.id)
        json.field("name", ReportSupport.camelCaseName(rule.id))
        json.key("shortDescription")
        json.beginObject()
        json.field("text", String(summary.prefix(1024)))
        json.endObject()
        json.key("fullDescription")
        json.beginObject()
        json.field("text", why)
        json.endObject()
        if let url = ReportSupport.ruleURL(rule) { json.field("helpUri", url) }
        json.key("help")
        json.beginObject()
        json.field("text", helpText)
        json.field("markdown", helpMarkdown)
        json.endObject()
        json.key("defaultConfiguration")
        json.beginObject()
        json.field("level", Self.level(rule.severity))
        if !rule.enabled { json.field("enabled", false) }
        json.endObject()
        json.key("properties")
        json.beginObject()
        var tags: [String] = []
        for tag in [rule.category, rule.guidance] + rule.principles where !tag.isEmpty && !tags.contains(tag) {
            tags.append(tag)
        }
        json.field("tags", Array(tags.prefix(20)))
        json.field("precision", Self.precision(rule.severity))
        json.field("problem.severity", Self.problemSeverity(rule.severity))
        json.endObject()
        json.endObject()
    }

    private func writeInvocation(_ run: RunReport, to json: inout JSONWriter) {
        json.key("invocations")
        json.beginArray()
        json.beginObject()
        json.field("executionSuccessful", run.inputErrors == 0)
        let notes = run.files.compactMap { file -> (FileReport, String, String)? in
            if let error = file.error { return (file, "error", error) }
            if let skipped = file.skipped { return (file, "note", skipped) }
            return nil
        }
        if !notes.isEmpty {
            json.key("toolExecutionNotifications")
            json.beginArray()
            for (file, level, text) in notes {
                json.beginObject()
                json.key("descriptor")
                json.beginObject()
                json.field("id", level == "error" ? "candor.input" : "candor.skipped")
                json.endObject()
                json.field("level", level)
                json.key("message")
                json.beginObject()
                json.field("text", nonEmpty(text, or: level == "error" ? "could not be linted" : "skipped"))
                json.endObject()
                json.key("locations")
                json.beginArray()
                json.beginObject()
                json.key("physicalLocation")
                json.beginObject()
                writeArtifact(ReportSupport.reportPath(file.path, base: baseDirectory), to: &json)
                json.endObject()
                json.endObject()
                json.endArray()
                json.endObject()
            }
            json.endArray()
        }
        json.endObject()
        json.endArray()
    }

    private func writeResult(
        _ finding: Finding, path: String, ruleIndex: Int?, fingerprint: String,
        to json: inout JSONWriter
    ) {
        json.beginObject()
        json.field("ruleId", finding.rule)
        if let ruleIndex { json.field("ruleIndex", ruleIndex) }
        json.field("level", Self.level(finding.severity))
        json.key("message")
        json.beginObject()
        json.field("text", nonEmpty(ReportSupport.fullMessage(finding), or: finding.rule))
        json.endObject()
        json.key("locations")
        json.beginArray()
        json.beginObject()
        json.key("physicalLocation")
        json.beginObject()
        writeArtifact(path, to: &json)
        writeRegion(finding, snippet: true, to: &json)
        json.endObject()
        json.endObject()
        json.endArray()
        json.key("partialFingerprints")
        json.beginObject()
        json.field("primaryLocationLineHash", fingerprint)
        json.endObject()
        if let fix = finding.fix {
            json.key("fixes")
            json.beginArray()
            json.beginObject()
            json.key("description")
            json.beginObject()
            json.field("text", "Replace with \u{201C}\(fix)\u{201D}")
            json.endObject()
            json.key("artifactChanges")
            json.beginArray()
            json.beginObject()
            writeArtifact(path, to: &json)
            json.key("replacements")
            json.beginArray()
            json.beginObject()
            json.key("deletedRegion")
            writeRegionObject(finding, snippet: false, to: &json)
            json.key("insertedContent")
            json.beginObject()
            json.field("text", fix)
            json.endObject()
            json.endObject()
            json.endArray()
            json.endObject()
            json.endArray()
            json.endObject()
            json.endArray()
        }
        if let context = finding.context {
            json.key("properties")
            json.beginObject()
            json.field("context", context.rawValue)
            json.endObject()
        }
        json.endObject()
    }

    private func writeArtifact(_ path: String, to json: inout JSONWriter) {
        json.key("artifactLocation")
        json.beginObject()
        json.field("uri", Self.uri(for: path))
        json.endObject()
    }

    private func writeRegion(_ finding: Finding, snippet: Bool, to json: inout JSONWriter) {
        json.key("region")
        writeRegionObject(finding, snippet: snippet, to: &json)
    }

    private func writeRegionObject(_ finding: Finding, snippet: Bool, to json: inout JSONWriter) {
        let startLine = max(1, finding.line)
        let startColumn = max(1, finding.column)
        let endLine = max(startLine, finding.endLine)
        let endColumn = endLine == startLine ? max(startColumn, finding.endColumn) : max(1, finding.endColumn)
        json.beginObject()
        json.field("startLine", startLine)
        json.field("startColumn", startColumn)
        json.field("endLine", endLine)
        json.field("endColumn", endColumn)
        json.field("byteOffset", max(0, finding.offset))
        json.field("byteLength", max(0, finding.length))
        if snippet && !finding.match.isEmpty {
            json.key("snippet")
            json.beginObject()
            json.field("text", finding.match)
            json.endObject()
        }
        json.endObject()
    }

    /// A URI reference for a path: percent-encoded, with `:` encoded too so that a relative path
    /// such as `c:notes.md` is not read as a scheme. Paths that stayed absolute become `file://` URIs.
    static func uri(for path: String) -> String {
        var allowed = CharacterSet()
        allowed.insert(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=@/")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }

    private static func precision(_ severity: Severity) -> String {
        switch severity {
        case .error: return "high"
        case .warning: return "medium"
        case .suggestion: return "low"
        }
    }

    private static func problemSeverity(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .suggestion: return "recommendation"
        }
    }

    private func nonEmpty(_ text: String, or fallback: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? fallback : text
    }
}
