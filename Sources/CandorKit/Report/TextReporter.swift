/// Output for people: `path:line:col: severity: message [rule]`, the line with the match underlined,
/// the suggestions, and a one-line summary. Colour only when asked (the CLI asks on a terminal without NO_COLOR).
public struct TextReporter: StreamingReporter {
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func severityLabel(_ severity: Severity) -> String {
        switch severity {
        case .error: return paint("error", "1;31")
        case .warning: return paint("warning", "1;33")
        case .suggestion: return paint("suggestion", "1;36")
        }
    }

    public func begin(version: String) -> String { "" }

    public func file(_ file: FileReport, index: Int, write: (String) -> Void) {
        if let error = file.error {
            return write("\(paint(file.path, "1")): \(paint("error", "1;31")): \(error)\n")
        }
        if let skipped = file.skipped {
            return write("\(paint(file.path, "1")): note: \(skipped)\n")
        }
        var out = ""
        let lines = file.source.map(LineIndex.init)
        for finding in file.findings {
            let context = finding.context.map { " (\($0))" } ?? ""
            out += "\(paint("\(file.path):\(finding.line):\(finding.column)", "1")): \(severityLabel(finding.severity)): "
            out += "\(finding.message)\(context) \(paint("[\(finding.rule)]", "2"))\n"
            if let lines {
                out += excerpt(finding, lines: lines)
            }
            if !finding.suggestions.isEmpty {
                let gutter = String(repeating: " ", count: String(finding.line).count + 1)
                out += "\(gutter)\(paint("= try:", "1;32")) \(finding.suggestions.joined(separator: "; "))\n"
            }
            if out.utf8.count > 1 << 16 {
                write(out)
                out = ""
            }
        }
        write(out)
    }

    public func end(_ summary: RunSummary) -> String {
        self.summary(summary) + "\n"
    }

    private func excerpt(_ finding: Finding, lines: LineIndex) -> String {
        let text = lines.line(finding.line)
        let number = String(finding.line)
        let gutter = String(repeating: " ", count: number.count + 1)
        // Keep tabs in the underline so the carets line up under the text whatever the tab width.
        var prefix = ""
        var underline = ""
        for (index, character) in text.unicodeScalars.enumerated() {
            let column = index + 1
            if column < finding.column {
                prefix.unicodeScalars.append(character == "\t" ? "\t" : " ")
            } else if column < (finding.endLine == finding.line ? finding.endColumn : Int.max) {
                underline += "^"
            } else {
                break
            }
        }
        if underline.isEmpty { underline = "^" }
        return "\(paint(number, "2")) | \(text)\n\(gutter)| \(prefix)\(paint(underline, "1;35"))\n"
    }

    func summary(_ run: RunSummary) -> String {
        let fileWord = run.files == 1 ? "file" : "files"
        var parts: [String] = []
        if run.findings == 0 {
            parts.append("No findings in \(run.files) \(fileWord)")
        } else {
            let counts = [(run.errors, "error"), (run.warnings, "warning"), (run.suggestions, "suggestion")]
                .filter { $0.0 > 0 }
                .map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }
                .joined(separator: ", ")
            parts.append("\(run.findings) finding\(run.findings == 1 ? "" : "s") (\(counts)) in \(run.filesWithFindings) of \(run.files) \(fileWord)")
        }
        if run.inputErrors > 0 { parts.append("\(run.inputErrors) could not be read") }
        if run.skipped > 0 { parts.append("\(run.skipped) skipped") }
        return paint(parts.joined(separator: "; ") + ".", "1")
    }
}
