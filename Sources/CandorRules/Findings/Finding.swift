import CandorText

/// One thing Candor asks the writer to look at, located in the original source bytes.
///
/// Not `Codable`: `JSONReporter` writes the JSON contract field by field, and a second encoding would be one
/// more spelling of it to keep in step.
public struct Finding: Equatable, Sendable {
    public var rule: String
    public var category: FindingCategory
    public var severity: Severity
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// UTF-8 byte offset into the original input.
    public var offset: Int
    /// Length in UTF-8 bytes of the original input.
    public var length: Int
    public var match: String
    public var message: String
    public var suggestions: [String]
    /// nil for plain use; otherwise why the finding was downgraded (`quoted`).
    public var context: MatchContext?
    /// The one always-right replacement, when the rule has one.
    public var fix: String?
    /// The text of the line the match starts on, trimmed: what a baseline keys on instead of the line number.
    public var lineText: String = ""

    public init(
        rule: String, category: FindingCategory, severity: Severity, line: Int, column: Int, endLine: Int,
        endColumn: Int, offset: Int, length: Int, match: String, message: String, suggestions: [String],
        context: MatchContext? = nil, fix: String? = nil
    ) {
        self.rule = rule
        self.category = category
        self.severity = severity
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.offset = offset
        self.length = length
        self.match = match
        self.message = message
        self.suggestions = suggestions
        self.context = context
        self.fix = fix
    }
}

/// The result of linting one input.
public struct FileReport: Equatable, Sendable {
    public var path: String
    public var findings: [Finding]
    /// Why the file could not be linted, or nil.
    public var error: String?
    /// Why the file was passed over without being an error (a binary file), or nil.
    public var skipped: String?
    /// The source text, kept for reporters that show the line (text output); nil when not needed.
    public var source: [UInt8]?
    /// How the source was read, kept with it: a report that shows the prose reads it the same way.
    public var markup: MarkupKind?

    public init(
        path: String, findings: [Finding] = [], error: String? = nil, skipped: String? = nil, source: [UInt8]? = nil,
        markup: MarkupKind? = nil
    ) {
        self.path = path
        self.findings = findings
        self.error = error
        self.skipped = skipped
        self.source = source
        self.markup = markup
    }
}

/// The kind of problem a finding names: its rule's category. Not an enum, because a team lexicon may bring a
/// category of its own (`team.x`); the ones Candor itself knows are spelled once, here.
public struct FindingCategory: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ name: String) {
        self.init(rawValue: name)
    }

    public static let vague = FindingCategory("vague")
    public static let intent = FindingCategory("intent")
    public static let blaming = FindingCategory("blaming")
    /// Candor's own findings about the document, not about its words (a directive that names no rule).
    public static let candor = FindingCategory("candor")

    /// The bare name, so that a category interpolated into text reads as the lexicon wrote it.
    public var description: String { rawValue }
}
