import Foundation

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
    case sarif
    case github
    case checkstyle
    case rdjson
    case junit

    /// Formats that show or measure the source line need the file's bytes kept after linting:
    /// text shows the line, rdjson counts its UTF-8 bytes up to the match.
    public var needsSource: Bool { self == .text || self == .rdjson }

    public func reporter(color: Bool) -> Reporter {
        // CI tools want paths relative to the checkout, which is where they run Candor from.
        let base = FileManager.default.currentDirectoryPath
        switch self {
        case .text: return TextReporter(color: color)
        case .json: return JSONReporter()
        case .sarif: return SARIFReporter(baseDirectory: base)
        case .github: return GitHubReporter(baseDirectory: base)
        case .checkstyle: return CheckstyleReporter(baseDirectory: base)
        case .rdjson: return RDJSONReporter(baseDirectory: base)
        case .junit: return JUnitReporter(baseDirectory: base)
        }
    }
}
