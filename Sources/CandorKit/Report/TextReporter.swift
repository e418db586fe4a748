import CandorRules
import CandorText

/// Output for people: `path:line:col: severity: message [rule]`, the line with the match underlined,
/// the suggestions, and a one-line summary. Colour only when asked (the CLI asks on a terminal without NO_COLOR).
public struct TextReporter: StreamingReporter {
    public var color: Bool

    public init(color: Bool) {
        self.color = color
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
        let path = Self.visible(file.path)
        if let error = file.error {
            return write("\(paint(path, "1")): \(paint("error", "1;31")): \(Self.visible(error))\n")
        }
        if let skipped = file.skipped {
            return write("\(paint(path, "1")): note: \(Self.visible(skipped))\n")
        }
        var out = ""
        let lines = file.source.map(LineIndex.init)
        for finding in file.findings {
            let context = finding.context.map { " (\($0.rawValue))" } ?? ""
            out += "\(paint("\(path):\(finding.line):\(finding.column)", "1")): \(severityLabel(finding.severity)): "
            out += "\(Self.visible(finding.message))\(context) \(paint("[\(finding.rule)]", "2"))\n"
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

    /// Widest piece of a source line shown: a finding on a 4 MB line shows this much around the match, as
    /// compilers do, instead of writing the whole line once per finding.
    static let excerptWidth = 120

    private func excerpt(_ finding: Finding, lines: LineIndex) -> String {
        let match = finding.offset..<(finding.offset + finding.length)
        let (text, firstColumn, continues) = lines.window(line: finding.line, around: match, width: Self.excerptWidth)
        let number = String(finding.line)
        let gutter = String(repeating: " ", count: number.count + 1)
        let lead = firstColumn > 1 ? "..." : ""
        // Keep tabs in the underline so the carets line up under the text whatever the tab width.
        var shown = ""
        var prefix = lead.isEmpty ? "" : "   "
        var underline = ""
        let endColumn = finding.endLine == finding.line ? finding.endColumn : Int.max
        for (index, character) in text.unicodeScalars.enumerated() {
            let column = firstColumn + index
            let visible = Self.visible(character)
            shown.unicodeScalars.append(visible)
            if column < finding.column {
                prefix.unicodeScalars.append(visible == "\t" ? "\t" : " ")
            } else if column < endColumn {
                underline += "^"
            }
        }
        if underline.isEmpty { underline = "^" }
        let trail = continues ? "..." : ""
        return "\(paint(number, "2")) | \(lead)\(shown)\(trail)\n\(gutter)| \(prefix)\(paint(underline, "1;35"))\n"
    }

    /// Text from a draft or a file name, with control characters shown as symbols (U+2400 and on): echoed
    /// raw, an escape sequence in a draft would drive the reader's terminal. Each stays one column wide.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && $0 != "\t" }) else { return text }
        var result = ""
        result.unicodeScalars.append(contentsOf: text.unicodeScalars.map { $0 == "\t" ? $0 : visible($0) })
        return result
    }

    static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard isControl(scalar), scalar != "\t" else { return scalar }
        if scalar.value < 0x20 { return Unicode.Scalar(0x2400 + scalar.value)! }
        if scalar.value == 0x7F { return "\u{2421}" }
        return "\u{FFFD}"
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
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
            parts.append(
                "\(run.findings) finding\(run.findings == 1 ? "" : "s") (\(counts)) in \(run.filesWithFindings) of \(run.files) \(fileWord)"
            )
        }
        if run.inputErrors > 0 { parts.append("\(run.inputErrors) could not be read") }
        if run.skipped > 0 { parts.append("\(run.skipped) skipped") }
        return paint(parts.joined(separator: "; ") + ".", "1")
    }
}
