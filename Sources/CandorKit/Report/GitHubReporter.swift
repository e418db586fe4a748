import CandorRules
import CandorText

/// GitHub Actions workflow commands (`::warning file=...::message`), escaped as actions/toolkit escapes them.
///
/// GitHub keeps only 10 annotations of each level per step and drops the rest without a word, so this
/// emits at most that many, prints the others as plain log lines (with command processing stopped around
/// them), and ends with a notice giving the count.
public struct GitHubReporter: Reporter {
    /// Annotations GitHub shows per level and step (actions/toolkit docs/problem-matchers.md).
    public static let annotationsPerLevel = 10

    public var baseDirectory: String?

    public init(baseDirectory: String? = nil) {
        self.baseDirectory = baseDirectory
    }

    private struct Annotation {
        var level: String
        var properties: [(String, String)]
        var message: String
        /// The same finding as a plain log line, for when it cannot be annotated.
        var plain: String
    }

    public func render(_ run: RunReport) -> String {
        var annotations: [Annotation] = []
        for file in run.files {
            let path = ReportSupport.reportPath(file.path, base: baseDirectory)
            // Standard input has no file to attach to; the annotation then shows on the run itself.
            let fileProperty: [(String, String)] = file.path == "-" ? [] : [("file", path)]
            if let error = file.error {
                annotations.append(
                    Annotation(
                        level: "error", properties: fileProperty + [("title", "Candor")],
                        message: "\(path): \(error)", plain: "\(path): error: \(error)"))
                continue
            }
            for finding in file.findings {
                var properties = fileProperty
                properties.append(("line", String(finding.line)))
                properties.append(("endLine", String(finding.endLine)))
                // The toolkit refuses columns on an annotation that spans lines.
                if finding.endLine == finding.line {
                    properties.append(("col", String(finding.column)))
                    properties.append(("endColumn", String(finding.endColumn)))
                }
                properties.append(("title", "Candor [\(finding.rule)]"))
                let plain =
                    "\(path):\(finding.line):\(finding.column): \(finding.severity.rawValue): "
                    + "\(ReportSupport.fullMessage(finding)) [\(finding.rule)]"
                annotations.append(
                    Annotation(
                        level: Self.level(finding.severity), properties: properties,
                        message: ReportSupport.fullMessage(finding, separator: "\n"),
                        plain: plain))
            }
        }

        var limits = [
            "error": Self.annotationsPerLevel, "warning": Self.annotationsPerLevel,
            "notice": Self.annotationsPerLevel
        ]
        let totals = Dictionary(grouping: annotations, by: \.level).mapValues(\.count)
        let overflows = totals.contains { $0.value > Self.annotationsPerLevel }
        // The closing notice is itself a notice annotation and needs one of the ten places.
        if overflows { limits["notice", default: 0] -= 1 }

        var out = ""
        var shown: [String: Int] = [:]
        var omitted: [Annotation] = []
        for annotation in annotations {
            if shown[annotation.level, default: 0] < limits[annotation.level, default: 0] {
                shown[annotation.level, default: 0] += 1
                out += Self.command(annotation.level, properties: annotation.properties, message: annotation.message)
            } else {
                omitted.append(annotation)
            }
        }
        if !omitted.isEmpty {
            // A file name or message may hold `::error ...` or `##[...]`, which the runner would obey as a
            // command: the plain lines go between stop-commands markers, so it reads none of them.
            let plain = omitted.map { $0.plain.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n" }
                .joined()
            var token = "candor-" + ReportSupport.fnv1a64(plain)
            while plain.contains(token) { token += "-" + ReportSupport.fnv1a64(token) }
            out += "::stop-commands::\(token)\n" + plain + "::\(token)::\n"
            let count = omitted.count
            let message =
                "Candor: \(count) more finding\(count == 1 ? " was" : "s were") not annotated, because GitHub "
                + "shows at most \(Self.annotationsPerLevel) annotations of each level per step; they are listed in "
                + "the log above. Use --format sarif and upload the file to code scanning to see every finding."
            out += Self.command("notice", properties: [("title", "Candor")], message: message)
        }
        return out
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .suggestion: return "notice"
        }
    }

    static func command(_ name: String, properties: [(String, String)], message: String) -> String {
        var line = "::" + name
        if !properties.isEmpty {
            line += " " + properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        }
        return line + "::" + escapeData(message) + "\n"
    }

    /// actions/toolkit `escapeData`: `%`, CR and LF.
    static func escapeData(_ text: String) -> String {
        escape(text, property: false)
    }

    /// actions/toolkit `escapeProperty`: as `escapeData`, plus `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escape(text, property: true)
    }

    // Scalar by scalar, because Swift compares "\r\n" as one Character and would miss either half.
    private static func escape(_ text: String, property: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            case ":" where property: result += "%3A"
            case "," where property: result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
