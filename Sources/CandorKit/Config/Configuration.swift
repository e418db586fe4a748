import Foundation

/// A rule's setting in `.candor.yml`: off, or a severity.
public enum RuleSetting: Equatable, Sendable {
    case off
    case severity(Severity)
}

/// One `.candor.yml` (DESIGN.md, "suppression and config"). Every key is optional.
public struct Configuration: Sendable {
    /// The config file's path and the folder its relative paths and globs are resolved against.
    public var path: String
    public var directory: String
    public var categories: [String: Bool] = [:]
    /// Where each category key was written, to name the line of an unknown category.
    public var categoryLocations: [String: FileLocation] = [:]
    public var rules: [String: RuleSetting] = [:]
    /// Where each rule key was written, to name the line of an unknown rule id.
    public var ruleLocations: [String: FileLocation] = [:]
    /// Lexicon paths, already resolved against `directory`.
    public var lexicons: [String] = []
    public var accept: [PatternSource] = []
    public var ignore: [Glob] = []
    public var quoted: QuotedMode?
    public var failLevel: Severity?
    /// Message-test weights (`candor test`), by test id.
    public var weights: [String: Double] = [:]
    /// What kind of document the files are (statement, news, advocacy, guide), for message tests.
    public var kind: String?

    public init(path: String) {
        self.path = path
        self.directory = (path as NSString).deletingLastPathComponent
    }

    /// Whether `file` (a path as given on the command line) is ignored by this config's globs.
    public func ignores(_ file: String) -> Bool {
        guard !ignore.isEmpty else { return false }
        let relative = Self.relativePath(of: file, to: directory)
        return ignore.contains { $0.matches(relative) }
    }

    static func relativePath(of file: String, to directory: String) -> String {
        let absoluteFile = URL(fileURLWithPath: file).standardizedFileURL.path
        var base = URL(fileURLWithPath: directory.isEmpty ? "." : directory).standardizedFileURL.path
        if !base.hasSuffix("/") { base += "/" }
        return absoluteFile.hasPrefix(base) ? String(absoluteFile.dropFirst(base.count)) : absoluteFile
    }

    /// Applies this config to lint options (command-line choices are applied afterwards and win).
    public func apply(to options: inout LintOptions) {
        for (category, on) in categories where !on { options.disabledCategories.insert(category) }
        for (rule, setting) in rules {
            switch setting {
            case .off: options.disabledRules.insert(rule)
            case .severity(let severity):
                options.severities[rule] = severity
                options.enabledRules.insert(rule)
            }
        }
        if let quoted { options.quoted = quoted }
    }
}

/// A path glob: `*` within a folder, `**` across folders, `?` one character.
public struct Glob: Sendable, CustomStringConvertible {
    public let pattern: String
    private let regex: NSRegularExpression

    public init(_ pattern: String) throws {
        self.pattern = pattern
        var expression = "^"
        let characters = Array(pattern.hasPrefix("./") ? String(pattern.dropFirst(2)) : pattern)
        var index = 0
        while index < characters.count {
            let c = characters[index]
            if c == "*" {
                if index + 1 < characters.count && characters[index + 1] == "*" {
                    let slash = index + 2 < characters.count && characters[index + 2] == "/"
                    expression += slash ? "(?:.*/)?" : ".*"
                    index += slash ? 3 : 2
                    continue
                }
                expression += "[^/]*"
            } else if c == "?" {
                expression += "[^/]"
            } else {
                expression += NSRegularExpression.escapedPattern(for: String(c))
            }
            index += 1
        }
        // A folder pattern ("archive/") or a bare folder name covers everything below it.
        expression += pattern.hasSuffix("/") ? ".*$" : "(?:/.*)?$"
        regex = try NSRegularExpression(pattern: expression)
    }

    public func matches(_ path: String) -> Bool {
        regex.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
    }

    public var description: String { pattern }
}
