import CandorRules
import CandorText

/// The `--format json` contract of docs/contracts.md: one object with `version`, `files` and `summary`.
public struct JSONReporter: StreamingReporter {
    public var pretty: Bool

    public init(pretty: Bool = true) {
        self.pretty = pretty
    }

    public func begin(version: String) -> String {
        "{" + newline(1) + "\"version\":" + space + JSONWriter.quote(version) + "," + newline(1) + "\"files\":" + space
            + "["
    }

    public func file(_ file: FileReport, index: Int, write: (String) -> Void) {
        self.file(file, index: index) { write(String(decoding: $0, as: UTF8.self)) }
    }

    public func file(_ file: FileReport, index: Int, writeBytes: (UnsafeBufferPointer<UInt8>) -> Void) {
        // The findings are written in batches; the object around them is spelled out by hand to match.
        var part = JSONWriter(pretty: pretty, depth: 3)
        part.fragment(index == 0 ? "" : ",")
        part.fragment(newline(2) + "{" + newline(3))
        part.field("path", file.path)
        part.fragment("," + newline(3) + "\"findings\":" + space + "[")
        part.bytes.withUnsafeBufferPointer(writeBytes)
        var batch = JSONWriter(pretty: pretty, depth: 4)
        for (number, finding) in file.findings.enumerated() {
            if number % 256 == 0 { batch.fragment((number > 0 ? "," : "") + newline(4)) }
            Self.write(finding, to: &batch)
            if number % 256 == 255 {
                batch.bytes.withUnsafeBufferPointer(writeBytes)
                batch = JSONWriter(pretty: pretty, depth: 4)
            }
        }
        if !batch.isEmpty { batch.bytes.withUnsafeBufferPointer(writeBytes) }
        var tail = JSONWriter(pretty: pretty, depth: 3)
        tail.fragment((file.findings.isEmpty ? "" : newline(3)) + "]," + newline(3))
        tail.field("error", file.error)
        if let skipped = file.skipped { tail.field("skipped", skipped) }
        tail.fragment(newline(2) + "}")
        tail.bytes.withUnsafeBufferPointer(writeBytes)
    }

    public func end(_ summary: RunSummary) -> String {
        var json = JSONWriter(pretty: pretty, depth: 1)
        json.beginObject()
        json.field("files", summary.files)
        json.field("findings", summary.findings)
        json.field("errors", summary.errors)
        json.field("warnings", summary.warnings)
        json.field("suggestions", summary.suggestions)
        json.field("inputErrors", summary.inputErrors)
        json.endObject()
        return (summary.files == 0 ? "" : newline(1)) + "]," + newline(1) + "\"summary\":" + space + json.output
            + newline(0) + "}\n"
    }

    private var space: String { pretty ? " " : "" }

    private func newline(_ depth: Int) -> String {
        pretty ? "\n" + String(repeating: "  ", count: depth) : ""
    }

    static func write(_ finding: Finding, to json: inout JSONWriter) {
        json.beginObject()
        json.field("rule", finding.rule)
        json.field("category", finding.category.rawValue)
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
        json.field("context", finding.context?.rawValue)
        if let fix = finding.fix { json.field("fix", fix) }
        json.endObject()
    }
}
