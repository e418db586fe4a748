import CandorRules
import CandorText

/// One input as the user named it: a file to read, or standard input already read.
public struct LintInput: Sendable {
    /// The name reports use (for standard input, `--stdin-filename` or "-").
    public var path: String
    /// Standard input's bytes (or, after `--fix -`, the fixed bytes); nil for a file read when its turn comes.
    public var standardInput: [UInt8]?

    public init(path: String, standardInput: [UInt8]? = nil) {
        self.path = path
        self.standardInput = standardInput
    }

    public var isStandardInput: Bool { standardInput != nil }

    /// The input's bytes: read now for a file, so that only the files being linted at once are in memory.
    public func read(maximumSize: Int) -> Result<[UInt8], InputProblem> {
        if let standardInput { return .success(standardInput) }
        return SourceReader.read(path: path, maximumSize: maximumSize)
    }
}

/// One unit of work for the runner: an input with its settings, or a report decided while planning (a missing
/// file, a broken configuration, a FIFO met in a folder), passed through in order.
public enum LintJob: Sendable {
    case lint(LintInput, InputSettings)
    case decided(FileReport)

    public var path: String {
        switch self {
        case .lint(let input, _): return input.path
        case .decided(let report): return report.path
        }
    }

    public var settings: InputSettings? {
        if case .lint(_, let settings) = self { return settings }
        return nil
    }
}
