/// One thing Candor asks the writer to look at, located in the original source bytes.
///
/// Encodes exactly as the JSON contract in docs/contracts.md (`rule`, `category`, ..., `context`).
public struct Finding: Codable, Equatable, Sendable {
    public var rule: String
    public var category: String
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
    public var context: String?
    /// The one always-right replacement, when the rule has one.
    public var fix: String?
    /// The text of the line the match starts on, trimmed: what a baseline keys on instead of the line number.
    public var lineText: String = ""

    public init(rule: String, category: String, severity: Severity, line: Int, column: Int, endLine: Int,
                endColumn: Int, offset: Int, length: Int, match: String, message: String, suggestions: [String],
                context: String? = nil, fix: String? = nil) {
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

    enum CodingKeys: String, CodingKey {
        case rule, category, severity, line, column, endLine, endColumn, offset, length, match, message, suggestions,
             context, fix
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(category, forKey: .category)
        try container.encode(severity, forKey: .severity)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(endLine, forKey: .endLine)
        try container.encode(endColumn, forKey: .endColumn)
        try container.encode(offset, forKey: .offset)
        try container.encode(length, forKey: .length)
        try container.encode(match, forKey: .match)
        try container.encode(message, forKey: .message)
        try container.encode(suggestions, forKey: .suggestions)
        try container.encode(context, forKey: .context) // always present: null for plain use
        try container.encodeIfPresent(fix, forKey: .fix)
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

    public init(path: String, findings: [Finding] = [], error: String? = nil, skipped: String? = nil, source: [UInt8]? = nil,
                markup: MarkupKind? = nil) {
        self.path = path
        self.findings = findings
        self.error = error
        self.skipped = skipped
        self.source = source
        self.markup = markup
    }
}
