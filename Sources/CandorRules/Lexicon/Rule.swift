import CandorText
import Foundation

/// How strongly a finding asks for a change. Ordered: `suggestion < warning < error`.
public enum Severity: String, Codable, CaseIterable, Comparable, Sendable {
    case suggestion
    case warning
    case error

    private var rank: Int {
        switch self {
        case .suggestion: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// Where in a document a context gate looks.
public enum GateScope: String, CaseIterable, Sendable {
    /// The sentence that holds the match.
    case sentence
    /// That sentence, the one before it or the one after it, in the same paragraph: "a 14-year-old ... He
    /// had sex with her" puts the child one sentence before the euphemism.
    case nearby
    case paragraph
    /// The paragraph, or one of the three before or after it: for words that are innocent in most writing
    /// ("beast", "in a rage") but not beside a harm, without letting one mention of harm in a long document
    /// open the gate for every paragraph of it.
    case window
    case document
}

/// A place in a lexicon or config file, for error messages.
public struct FileLocation: Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// A pattern as written, with where it was written.
public struct PatternSource: Sendable {
    public var text: String
    public var location: FileLocation

    public init(_ text: String, at location: FileLocation) {
        self.text = text
        self.location = location
    }
}

/// One rule, exactly as a lexicon file describes it.
public struct Rule: Sendable {
    public var id: String
    public var category: String
    public var severity: Severity
    public var enabled: Bool
    public var guidance: String
    public var principles: [String]
    public var patterns: [PatternSource]
    /// The name of a sentence model (`SentenceModel`, the file `NAME.tsv` beside the lexicon) whose chosen
    /// sentences are this rule's matches, in place of patterns.
    public var model: String?
    public var exceptions: [PatternSource]
    public var requires: [GateScope: [PatternSource]]
    public var unless: [GateScope: [PatternSource]]
    public var negation: Bool
    /// May quote the match as `{match}`.
    public var message: String { didSet { messagePieces = Self.pieces(of: message) } }
    public var suggestions: [String]
    public var fix: String?
    public var why: String
    public var flagExamples: [String]
    public var passExamples: [String]
    public var location: FileLocation
    /// Shipped with Candor (so reports can link to its lexicon), rather than a user's own.
    public var isBuiltin = false
    /// The rule this one was split from: it reports matches that rule used to report, so a setting, a suppression
    /// comment or a baseline entry that names the older id still governs them (lexicon field `split-from`).
    public var splitFrom: String?
    /// The severity a match is reported at when its `window` gate finds no context, instead of being dropped
    /// (lexicon field `without-context`). For constructions that name their own subject often enough to be
    /// worth a quiet note ("I never meant to hurt anyone" in a statement that never says what it answers), but
    /// not often enough to warn about in ordinary prose.
    public var withoutContext: Severity?
    /// Quotation marks around the match alone, with no speaker in the sentence, are the writer's own use of a
    /// stock phrase rather than someone else's words (lexicon field `scare-quotes: use`). A frame such as
    /// "a “he said, she said” case" is set by whoever writes it; most terms in scare quotes are held at a
    /// distance instead, so this is off unless a rule asks for it.
    public var scareQuotesAreUse = false
    /// The message split at each "{match}", so that a finding's message is one join, not a search.
    private var messagePieces: [String]

    public init(
        id: String, category: String, severity: Severity, enabled: Bool = true, guidance: String,
        principles: [String], patterns: [PatternSource], model: String? = nil, exceptions: [PatternSource] = [],
        requires: [GateScope: [PatternSource]] = [:], unless: [GateScope: [PatternSource]] = [:],
        negation: Bool = true, message: String, suggestions: [String], fix: String? = nil, why: String,
        flagExamples: [String], passExamples: [String], location: FileLocation, splitFrom: String? = nil,
        withoutContext: Severity? = nil, scareQuotesAreUse: Bool = false
    ) {
        self.id = id
        self.category = category
        self.severity = severity
        self.enabled = enabled
        self.guidance = guidance
        self.principles = principles
        self.patterns = patterns
        self.model = model
        self.exceptions = exceptions
        self.requires = requires
        self.unless = unless
        self.negation = negation
        self.message = message
        self.suggestions = suggestions
        self.fix = fix
        self.why = why
        self.flagExamples = flagExamples
        self.passExamples = passExamples
        self.location = location
        self.splitFrom = splitFrom
        self.withoutContext = withoutContext
        self.scareQuotesAreUse = scareQuotesAreUse
        self.messagePieces = Self.pieces(of: message)
    }

    /// The first sentence of the message, for listings.
    public var summary: String {
        let text = message.replacingOccurrences(of: "\"{match}\"", with: "this phrase")
            .replacingOccurrences(of: "{match}", with: "this phrase")
        if let end = text.range(of: ". ") { return String(text[..<end.lowerBound]) + "." }
        return text
    }

    /// The message with the matched text put in.
    public func message(for match: String) -> String {
        messagePieces.count == 1 ? messagePieces[0] : messagePieces.joined(separator: match)
    }

    static func pieces(of message: String) -> [String] {
        message.components(separatedBy: "{match}")
    }
}

/// The rules and classes of one lexicon file.
public struct Lexicon: Sendable {
    public var path: String
    public var rules: [Rule]
    public var classes: [String: [PatternSource]]
    /// Named phrase lists the message tests look for ("prevention", "responsibility", ...).
    public var signals: [String: [PatternSource]]
    /// The candidate scorer that comes with the built-in lexicons (`lexicons/scorer.tsv`); nil for any other.
    public var scorer: CandidateScorer?
    /// The sentence models its rules name (`model:`), by name.
    public var sentenceModels: [String: SentenceModel] = [:]

    public init(
        path: String, rules: [Rule], classes: [String: [PatternSource]], signals: [String: [PatternSource]] = [:]
    ) {
        self.path = path
        self.rules = rules
        self.classes = classes
        self.signals = signals
    }
}
