import Foundation

/// A deterministic generator of English prose in the genres Candor's users write, with a realistic
/// density of findings (about one per 150 words), so benchmarks need no committed data.
struct CorpusGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// SplitMix64: small, fast and identical on every platform.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    static let subjects = [
        "The coach", "A senior manager", "The former headteacher", "Our chief executive", "The senator",
        "A youth pastor", "The company", "The board", "The club", "Police", "The university", "A spokesperson"
    ]
    static let plain = [
        "said the review would be published in full next month",
        "met the families of the players on Tuesday evening",
        "has asked an independent barrister to examine every complaint made since 2015",
        "will introduce mandatory bystander training for all staff and volunteers",
        "confirmed that the reporting line now goes directly to the chair",
        "thanked the women who came forward for their courage",
        "said support is available from the helpline at any hour",
        "published the findings of the inquiry on its website",
        "has funded counselling for anyone affected by what happened",
        "raped a 15-year-old player during an away trip in 2019",
        "sexually assaulted two junior employees at the Christmas party",
        "groped a colleague in a taxi after the awards dinner"
    ]
    static let flagged = [
        "resigned after allegations of sexual misconduct",
        "was accused of inappropriate behaviour with several junior staff",
        "described the events as a sex scandal",
        "said it regretted any misunderstanding",
        "denied that he had sex with a 14-year-old girl",
        "said mistakes were made",
        "said she was drunk at the time",
        "asked why didn't she come forward sooner",
        "called the allegations a witch hunt",
        "referred to the girls as child prostitutes"
    ]
    static let filler = [
        "The statement was issued on Monday morning.", "It runs to four pages.",
        "The organisation employs around 300 people.",
        "Several staff members spoke to reporters on condition of anonymity.",
        "The meeting lasted just under two hours.",
        "Parents received a letter the same afternoon.", "Further details are expected later this week.",
        "The investigation began in the spring and took eleven months.",
        "Nobody from the board was available for comment."
    ]

    mutating func sentence() -> String {
        let roll = next() % 100
        if roll < 45 { return pick(Self.filler) }
        let predicate = roll < 88 ? pick(Self.plain) : pick(Self.flagged)
        return "\(pick(Self.subjects)) \(predicate)."
    }

    mutating func paragraph() -> String {
        (0..<(3 + Int(next() % 4))).map { _ in sentence() }.joined(separator: " ")
    }

    /// Plain text of about `bytes` bytes.
    mutating func text(bytes: Int) -> String {
        var out = ""
        out.reserveCapacity(bytes + 1024)
        while out.utf8.count < bytes {
            out += paragraph()
            out += "\n\n"
        }
        return out
    }

    /// The same kind of prose as Markdown: headings, lists, emphasis, links and the odd code span.
    mutating func markdown(bytes: Int) -> String {
        var out = "---\ntitle: Statement\n---\n\n"
        while out.utf8.count < bytes {
            switch next() % 6 {
            case 0: out += "## \(pick(Self.subjects)) \(pick(Self.plain))\n\n"
            case 1: out += "- \(sentence())\n- \(sentence())\n- *\(sentence())*\n\n"
            case 2: out += "> \(sentence())\n\n"
            case 3:
                out += "\(sentence()) See [the full report](https://example.org/report) and `ref-\(next() % 1000)`.\n\n"
            default: out += paragraph() + "\n\n"
            }
        }
        return out
    }
}
