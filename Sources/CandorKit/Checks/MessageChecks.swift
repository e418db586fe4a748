import CandorRules
import CandorText
import Foundation

/// B1: says what happened in specific words, rather than only the vague ones.
struct NamesHarmCheck: MessageCheck {
    let id = "names-harm"
    let title = "Names the harm"
    let principle = "B1"
    let defaultWeight = 25.0

    func evaluate(_ draft: MessageDraft) -> Verdict {
        let specific = draft.statistics.hits("harm-specific")
        let vague = draft.own.filter { $0.category == .vague }
        if specific.isEmpty && vague.isEmpty {
            return Verdict(
                .warn,
                "The draft never says what happened. "
                    + "Name the harm in plain words: rape, sexual assault, sexual harassment.")
        }
        if specific.isEmpty {
            return Verdict(
                .fail, "The only words for the harm are vague; readers will picture the mildest case.",
                vague.prefix(5).map { Evidence($0, "vague") })
        }
        if !vague.isEmpty {
            return Verdict(
                .warn, "Names the harm, but vague terms remain beside the specific ones.",
                specific.prefix(3).map { Evidence($0, "specific") }
                    + vague.prefix(3).map { Evidence($0, "vague") })
        }
        return Verdict(
            .pass, "States what happened in specific terms.",
            specific.prefix(3).map { Evidence($0, "specific") })
    }
}

/// B13: an apology names the harm, owns it in the active voice, makes no excuses and says what will change.
struct ApologyCheck: MessageCheck {
    let id = "apology"
    let title = "Apology anatomy"
    let principle = "B13"
    let defaultWeight = 20.0

    func evaluate(_ draft: MessageDraft) -> Verdict {
        let statistics = draft.statistics
        guard !statistics.hits("apology").isEmpty else { return Verdict(.notApplicable, "Not an apology.") }
        let responsibility = statistics.hits("responsibility")
        let repair = statistics.hits("repair")
        let specific = statistics.hits("harm-specific")
        let intent = draft.own.filter { $0.category == .intent }
        let blaming = draft.own.filter { $0.category == .blaming }
        let acknowledged: TestStatus =
            specific.isEmpty && responsibility.isEmpty
            ? .fail
            : specific.isEmpty ? .warn : .pass
        let components: [(String, TestStatus, String)] = [
            (
                "acknowledges the specific harm", acknowledged,
                specific.first.map { "names it: \"\($0.match)\"" } ?? "does not say what was done"
            ),
            (
                "takes responsibility in the active voice", responsibility.isEmpty ? .fail : .pass,
                responsibility.first.map { "\"\($0.match)\"" } ?? "no \"I/we + what I/we did\""
            ),
            ("no conditional or intent-centred framing", intent.isEmpty ? .pass : .fail, Self.quoted(intent)),
            ("no blame shifting", blaming.isEmpty ? .pass : .fail, Self.quoted(blaming)),
            (
                "says what will change", repair.isEmpty ? .warn : .pass,
                repair.first.map { "\"\($0.match)\"" } ?? "no commitment to repair or change"
            )
        ]
        let failed = components.filter { $0.1 == .fail }
        let warned = components.filter { $0.1 == .warn }
        let status: TestStatus = failed.isEmpty ? (warned.isEmpty ? .pass : .warn) : .fail
        let reason =
            failed.isEmpty && warned.isEmpty
            ? "Acknowledges the harm, owns it, and says what will change."
            : "Missing or undermined: " + (failed + warned).map(\.0).joined(separator: "; ") + "."
        return Verdict(
            status, reason,
            intent.prefix(5).map { Evidence($0, "intent") }
                + responsibility.prefix(2).map { Evidence($0, "responsibility") },
            components: components)
    }

    /// The first few of the findings that undermine a component, or "none".
    private static func quoted(_ findings: [Finding]) -> String {
        findings.isEmpty ? "none" : findings.prefix(3).map { "\"\($0.match)\"" }.joined(separator: ", ")
    }
}

/// B4: keeps the focus on who did it: harm clauses name their agent, and no agentless passive hides one.
struct AgencyCheck: MessageCheck {
    let id = "agency"
    let title = "Focus and agency"
    let principle = "B4"
    let defaultWeight = 15.0

    func evaluate(_ draft: MessageDraft) -> Verdict {
        let clauses = draft.statistics.hits("harm-verb")
        let passives = draft.own.filter { $0.rule == "blaming.agentless-passive" }
        let total = clauses.count
        guard total > 0 || !passives.isEmpty else { return Verdict(.notApplicable, "No harm clauses to check.") }
        let withAgent = clauses.filter { $0.hasAgent == true }.count
        let share = total == 0 ? 0 : Double(withAgent) / Double(total)
        let percent = Int((share * 100).rounded())
        let status: TestStatus = passives.isEmpty && share >= 0.75 ? .pass : share >= 0.5 ? .warn : .fail
        return Verdict(
            status, "\(withAgent) of \(total) harm clauses name who did it (\(percent)%).",
            clauses.filter { $0.hasAgent == false }.prefix(5).map { Evidence($0, "no agent") }
                + passives.prefix(3).map { Evidence($0, "agentless passive") })
    }
}

/// B6, B7: no survivor-blaming or discrediting framing; in someone else's words it is a warning, since the
/// draft should answer it.
struct BlameCheck: MessageCheck {
    let id = "blame"
    let title = "No blame"
    let principle = "B6, B7"
    let defaultWeight = 20.0

    func evaluate(_ draft: MessageDraft) -> Verdict {
        // The agentless passive is the agency test's: counting it here too would mark a draft down twice.
        let blaming = draft.findings.filter { $0.category == .blaming && $0.rule != "blaming.agentless-passive" }
        let writers = blaming.filter { $0.context == nil }
        if !writers.isEmpty {
            return Verdict(
                .fail, "Blaming or discrediting framing in the writer's own voice.",
                writers.prefix(5).map { Evidence($0, "blaming") })
        }
        if !blaming.isEmpty {
            return Verdict(
                .warn,
                "Blaming framing appears only in quoted or attributed speech; "
                    + "make sure the draft answers it.",
                blaming.prefix(5).map { Evidence($0, $0.context?.rawValue ?? "quoted") })
        }
        return Verdict(.pass, "No survivor-blaming or discrediting framing.")
    }
}

/// B12: says what prevention or change looks like, in more than one concrete way.
struct PreventionCheck: MessageCheck {
    let id = "prevention"
    let title = "Prevention and action"
    let principle = "B12"
    let defaultWeight = 10.0

    func evaluate(_ draft: MessageDraft) -> Verdict {
        if draft.kind == "news" { return Verdict(.notApplicable, "News briefs are not held to the prevention test.") }
        let hits = draft.statistics.hits("prevention") + draft.statistics.hits("repair")
        if hits.isEmpty {
            return Verdict(
                .warn,
                "Says nothing about what can be done: "
                    + "policy, training, bystander action, support, accountability.")
        }
        let distinct = Set(hits.map { $0.match.lowercased() })
        return Verdict(
            distinct.count >= 2 ? .pass : .warn,
            distinct.count >= 2
                ? "Says what prevention or change looks like."
                : "Mentions action only once; make it concrete.",
            hits.prefix(4).map { Evidence($0, "prevention") })
    }
}

/// B2: readable by anyone: a modest reading grade, few vague terms, few long sentences.
struct PlainLanguageCheck: MessageCheck {
    let id = "plain-language"
    let title = "Plain language"
    let principle = "B2"
    let defaultWeight = 10.0

    func evaluate(_ draft: MessageDraft) -> Verdict {
        let statistics = draft.statistics
        guard statistics.words > 0, statistics.sentences > 0 else { return Verdict(.notApplicable, "No prose.") }
        let grade =
            0.39 * Double(statistics.words) / Double(statistics.sentences)
            + 11.8 * Double(statistics.syllables) / Double(statistics.words) - 15.59
        let vague = draft.own.filter { $0.category == .vague }.count
        let density = Double(vague) * 1000 / Double(statistics.words)
        let long = statistics.longSentences.count
        let summary = String(
            format: "reading grade %.1f (Flesch-Kincaid), %d long sentence%@, "
                + "%.1f vague terms per 1,000 words", grade, long, long == 1 ? "" : "s", density)
        let status: TestStatus =
            grade <= 10 && density <= 2 && long <= 1
            ? .pass
            : grade <= 14 && density <= 5 ? .warn : .fail
        return Verdict(
            status, summary.prefix(1).uppercased() + summary.dropFirst() + ".",
            statistics.longSentences.prefix(3).map {
                Evidence(line: $0.line, column: 1, text: "", note: "\($0.words)-word sentence")
            })
    }
}

/// B16: gives the reader a route to help. Off by default (weight 0), since not every draft needs one.
struct HelpCheck: MessageCheck {
    let id = "help"
    let title = "Route to help"
    let principle = "B16"
    let defaultWeight = 0.0
    let isOptionalWhenUnweighted = true

    func evaluate(_ draft: MessageDraft) -> Verdict {
        let hits = draft.statistics.hits("help")
        return hits.isEmpty
            ? Verdict(.warn, "Names no helpline or support service.")
            : Verdict(.pass, "Gives a route to help.", hits.prefix(2).map { Evidence($0, "help") })
    }
}
