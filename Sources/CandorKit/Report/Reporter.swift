/// Everything one run produced, for reporters.
public struct RunReport: Sendable {
    public var files: [FileReport]
    public var rules: [Rule]
    public var version: String

    public init(files: [FileReport], rules: [Rule], version: String = Candor.version) {
        self.files = files
        self.rules = rules
        self.version = version
    }

    public var findings: [Finding] { files.flatMap(\.findings) }

    public func count(_ severity: Severity) -> Int {
        files.reduce(0) { $0 + $1.findings.filter { $0.severity == severity }.count }
    }

    public var inputErrors: Int { files.filter { $0.error != nil }.count }
}

/// Turns a run into the bytes of one output format. One small conformer per format.
public protocol Reporter {
    func render(_ run: RunReport) -> String
}

public enum Candor {
    public static let version = "0.1.0"
}

/// The output formats `--format` accepts.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text
    case json

    /// Formats that show or measure the source line need the file's bytes kept after linting.
    public var needsSource: Bool { self == .text }

    public func reporter(color: Bool) -> Reporter {
        switch self {
        case .text: return TextReporter(color: color)
        case .json: return JSONReporter()
        }
    }
}
