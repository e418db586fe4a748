import CandorText

/// Why a match is not plain use of the writer's own words.
public enum MatchContext: String, Sendable, Codable {
    /// Inside quotation marks or a block quote: reported, downgraded by default.
    case quoted
    /// Reported speech without quotation marks ("the senator said the claims were a witch hunt"):
    /// reported and downgraded like quoted speech, but still the writer's choice of words to relay.
    case attributed
    /// Named in order to discuss it ("the word 'accuser'"): dropped.
    case mention
    /// Inside the scope of a negation ("not a sex scandal"): dropped.
    case negated
    /// Part of an offence, statute or official name: dropped.
    case legal
    /// Cancelled by the rule's own exception or a context gate: dropped.
    case excepted
    /// A phrase the user accepts in `.candor.yml`: dropped.
    case accepted

    /// Whether findings in this context are reported at all.
    public var isReported: Bool { self == .quoted || self == .attributed }
}
