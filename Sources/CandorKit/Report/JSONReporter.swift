/// The `--format json` contract of DESIGN.md: one object with `version`, `files` and `summary`.
public struct JSONReporter: Reporter {
    public var pretty: Bool

    public init(pretty: Bool = true) {
        self.pretty = pretty
    }

    public func render(_ run: RunReport) -> String {
        var json = JSONWriter(pretty: pretty)
        json.beginObject()
        json.field("version", run.version)
        json.key("files")
        json.beginArray()
        for file in run.files {
            json.beginObject()
            json.field("path", file.path)
            json.key("findings")
            json.beginArray()
            for finding in file.findings { Self.write(finding, to: &json) }
            json.endArray()
            json.field("error", file.error)
            if let skipped = file.skipped { json.field("skipped", skipped) }
            json.endObject()
        }
        json.endArray()
        json.key("summary")
        json.beginObject()
        json.field("files", run.files.count)
        json.field("findings", run.findings.count)
        json.field("errors", run.count(.error))
        json.field("warnings", run.count(.warning))
        json.field("suggestions", run.count(.suggestion))
        json.field("inputErrors", run.inputErrors)
        json.endObject()
        json.endObject()
        return json.output + "\n"
    }

    static func write(_ finding: Finding, to json: inout JSONWriter) {
        json.beginObject()
        json.field("rule", finding.rule)
        json.field("category", finding.category)
        json.field("severity", finding.severity.rawValue)
        json.field("line", finding.line)
        json.field("column", finding.column)
        json.field("endLine", finding.endLine)
        json.field("endColumn", finding.endColumn)
        json.field("offset", finding.offset)
        json.field("length", finding.length)
        json.field("match", finding.match)
        json.field("message", finding.message)
        json.field("suggestions", finding.suggestions)
        json.field("context", finding.context)
        if let fix = finding.fix { json.field("fix", fix) }
        json.endObject()
    }
}
