/// Output for people: `path:line:col: severity: message [rule]`, the line with the match underlined,
/// the suggestions, and a one-line summary. Colour only when asked (the CLI asks on a terminal without NO_COLOR).
public struct TextReporter: Reporter {
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

    public func render(_ run: RunReport) -> String {
        var out = ""
        for file in run.files {
            if let error = file.error {
                out += "\(paint(file.path, "1")): \(paint("error", "1;31")): \(error)\n"
                continue
            }
            if let skipped = file.skipped {
                out += "\(paint(file.path, "1")): note: \(skipped)\n"
                continue
            }
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
            }
        }
        out += summary(run) + "\n"
        return out
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

    func summary(_ run: RunReport) -> String {
        let total = run.findings.count
        let withFindings = run.files.filter { !$0.findings.isEmpty }.count
        let fileWord = run.files.count == 1 ? "file" : "files"
        var parts: [String] = []
        if total == 0 {
            parts.append("No findings in \(run.files.count) \(fileWord)")
        } else {
            let counts = [(run.count(.error), "error"), (run.count(.warning), "warning"), (run.count(.suggestion), "suggestion")]
                .filter { $0.0 > 0 }
                .map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }
                .joined(separator: ", ")
            parts.append("\(total) finding\(total == 1 ? "" : "s") (\(counts)) in \(withFindings) of \(run.files.count) \(fileWord)")
        }
        if run.inputErrors > 0 { parts.append("\(run.inputErrors) could not be read") }
        let skipped = run.files.filter { $0.skipped != nil }.count
        if skipped > 0 { parts.append("\(skipped) skipped") }
        return paint(parts.joined(separator: "; ") + ".", "1")
    }
}
