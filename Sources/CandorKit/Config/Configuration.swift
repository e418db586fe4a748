import CandorRules
import CandorText
import Foundation

/// A rule's setting in `.candor.yml`: off, or a severity.
public enum RuleSetting: Equatable, Sendable {
    case off
    /// Switched on at the rule's own severity (a rule that ships off, `enabled: false`, included).
    case on
    case severity(Severity)
}

/// One `.candor.yml` (docs/contracts.md and docs/configuration.md). Every key is optional.
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
    /// `scorer: off` lints with the rules alone (`LintOptions.usesScorer`).
    public var scorer: Bool?
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
        let relative = SourcePath.relative(file, to: directory)
        return ignore.contains { $0.matches(relative) }
    }

    /// Applies this config to lint options (command-line choices are applied afterwards and win).
    public func apply(to options: inout LintOptions) {
        for (category, on) in categories where !on { options.disabledCategories.insert(category) }
        for (rule, setting) in rules {
            switch setting {
            case .off: options.disabledRules.insert(rule)
            case .on: options.enabledRules.insert(rule)
            case .severity(let severity):
                options.severities[rule] = severity
                options.enabledRules.insert(rule)
            }
        }
        if let quoted { options.quoted = quoted }
        if let scorer { options.usesScorer = scorer }
    }
}

/// A path glob: `*` within a folder, `**` across folders, `?` one character. A pattern ending in `/`, or
/// naming a folder, covers everything below it.
///
/// Matched segment by segment, never through a regular expression: a backtracking engine took exponential
/// time on nested `**/` patterns, while this takes at most (pattern segments × path segments) comparisons of
/// one segment each. A `**` inside a segment (`a**b`) means the same as `*`.
public struct Glob: Sendable, CustomStringConvertible {
    public let pattern: String
    private let segments: [Segment]
    /// `archive/`: matches only paths below the folder, not the name itself.
    private let folderOnly: Bool

    private enum Segment: Sendable, Equatable {
        /// `**`: any number of whole segments, including none.
        case anySegments
        case wildcard([Unicode.Scalar])
    }

    public init(_ pattern: String) throws {
        self.pattern = pattern
        var text = pattern
        while text.hasPrefix("./") { text.removeFirst(2) }
        folderOnly = text.hasSuffix("/")
        var parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if folderOnly { parts.removeLast() }
        var segments: [Segment] = []
        for part in parts {
            let segment: Segment = part == "**" ? .anySegments : .wildcard(Array(part.unicodeScalars))
            // Consecutive `**` mean no more than one, and would only multiply the work.
            if segment == .anySegments && segments.last == .anySegments { continue }
            segments.append(segment)
        }
        self.segments = segments
    }

    public func matches(_ path: String) -> Bool {
        let names = path.split(separator: "/", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        // reachable[j]: the pattern so far matches the first j segments of the path.
        var reachable = [Bool](repeating: false, count: names.count + 1)
        reachable[0] = true
        for segment in segments {
            var next = [Bool](repeating: false, count: names.count + 1)
            switch segment {
            case .anySegments:
                var any = false
                for j in 0...names.count {
                    any = any || reachable[j]
                    next[j] = any
                }
            case .wildcard(let pattern):
                for j in 0..<names.count where reachable[j] && Self.matchSegment(pattern, names[j]) {
                    next[j + 1] = true
                }
            }
            reachable = next
        }
        // The pattern names the path itself or a folder above it (a folder pattern only a folder above it).
        let last = folderOnly ? names.count - 1 : names.count
        return last >= 0 && reachable[0...last].contains(true)
    }

    /// `*` and `?` within one segment, by the two-pointer method: a mismatch resumes after the last `*`, so
    /// the time is bounded by the product of the lengths and in practice linear.
    static func matchSegment(_ pattern: [Unicode.Scalar], _ name: [Unicode.Scalar]) -> Bool {
        var p = 0
        var n = 0
        var star = -1
        var resume = 0
        while n < name.count {
            if p < pattern.count && pattern[p] == "*" {
                while p < pattern.count && pattern[p] == "*" { p += 1 }
                star = p
                resume = n
            } else if p < pattern.count && (pattern[p] == "?" || pattern[p] == name[n]) {
                p += 1
                n += 1
            } else if star >= 0 {
                resume += 1
                n = resume
                p = star
            } else {
                return false
            }
        }
        while p < pattern.count && pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }

    public var description: String { pattern }
}
