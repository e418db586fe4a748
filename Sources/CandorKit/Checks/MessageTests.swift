import Foundation

/// The outcome of one message test.
public enum TestStatus: String, Sendable, Codable {
    case pass
    case warn
    case fail
    /// The test does not apply to this draft (no apology, no harm mentioned, a news brief).
    case notApplicable = "n/a"

    /// The share of the test's weight a draft earns.
    var credit: Double? {
        switch self {
        case .pass: return 1
        case .warn: return 0.5
        case .fail: return 0
        case .notApplicable: return nil
        }
    }
}

/// A span of the draft that decided a test, with why.
public struct Evidence: Equatable, Sendable {
    public var line: Int
    public var column: Int
    public var text: String
    public var note: String
}

/// One named check of a whole draft against the messaging guidance (docs/message-tests.md).
public struct TestResult: Sendable {
    public var id: String
    public var title: String
    public var principle: String
    public var status: TestStatus
    public var reason: String
    public var evidence: [Evidence]
    /// Separately reported parts (the apology anatomy's components).
    public var components: [(name: String, status: TestStatus, note: String)]
    public var weight: Double
}

/// A draft's scorecard: every test, and the weighted score out of 100.
public struct Scorecard: Sendable {
    public var path: String
    public var results: [TestResult]
    public var findings: [Finding]
    public var error: String?

    public init(path: String, results: [TestResult], findings: [Finding], error: String? = nil) {
        self.path = path
        self.results = results
        self.findings = findings
        self.error = error
    }

    public var score: Int? {
        let scored = results.compactMap { result in result.status.credit.map { ($0, result.weight) } }
        let total = scored.reduce(0) { $0 + $1.1 }
        if error != nil { return nil }
        guard total > 0 else { return 100 }
        return Int((100 * scored.reduce(0) { $0 + $1.0 * $1.1 } / total).rounded())
    }
}

/// Runs the message tests on a draft. The tests are small functions of the lint findings and the
/// signal phrases the same pass collected; the weights come from the defaults or `.candor.yml`.
public struct MessageTester {
    public static let defaultWeights: [String: Double] = [
        "names-harm": 25, "apology": 20, "agency": 15, "blame": 20, "prevention": 10, "plain-language": 10, "help": 0,
    ]

    /// The tests in report order, with their titles and the guidance principle behind each.
    public static let tests: [(id: String, title: String, principle: String)] = [
        ("names-harm", "Names the harm", "B1"),
        ("apology", "Apology anatomy", "B13"),
        ("agency", "Focus and agency", "B4"),
        ("blame", "No blame", "B6, B7"),
        ("prevention", "Prevention and action", "B12"),
        ("plain-language", "Plain language", "B2"),
        ("help", "Route to help", "B16"),
    ]

    public var weights: [String: Double]
    /// statement | news | advocacy | guide (config `kind:`); nil: inferred.
    public var kind: String?

    public init(weights: [String: Double] = [:], kind: String? = nil) {
        self.weights = Self.defaultWeights.merging(weights) { _, new in new }
        self.kind = kind
    }

    public func scorecard(for document: SourceDocument, linter: Linter) -> Scorecard {
        let (report, statistics) = linter.analyze(document)
        if let error = report.error ?? report.skipped {
            return Scorecard(path: document.path, results: [], findings: [], error: error)
        }
        let findings = report.findings.filter { $0.category != .candor }
        let results = Self.tests.map { test -> TestResult in
            var result = evaluate(test.id, findings: findings, statistics: statistics)
            result.id = test.id
            result.title = test.title
            result.principle = test.principle
            result.weight = weights[test.id] ?? 0
            if result.weight == 0 && test.id == "help" && result.status != .pass { result.status = .notApplicable }
            return result
        }
        return Scorecard(path: document.path, results: results, findings: findings)
    }

    private func evidence(_ finding: Finding, _ note: String) -> Evidence {
        Evidence(line: finding.line, column: finding.column, text: finding.match, note: note)
    }

    private func evidence(_ hit: TextStatistics.SignalHit, _ note: String) -> Evidence {
        Evidence(line: hit.line, column: hit.column, text: hit.match, note: note)
    }

    private func result(_ status: TestStatus, _ reason: String, _ evidence: [Evidence] = [],
                        components: [(String, TestStatus, String)] = []) -> TestResult {
        TestResult(id: "", title: "", principle: "", status: status, reason: reason, evidence: evidence,
                   components: components.map { (name: $0.0, status: $0.1, note: $0.2) }, weight: 0)
    }

    private func evaluate(_ id: String, findings: [Finding], statistics: TextStatistics) -> TestResult {
        let own = findings.filter { $0.context == nil }
        let isApology = !statistics.hits("apology").isEmpty
        switch id {
        case "names-harm":
            let specific = statistics.hits("harm-specific")
            let vague = own.filter { $0.category == .vague }
            if specific.isEmpty && vague.isEmpty {
                return result(.warn, "The draft never says what happened. Name the harm in plain words: rape, sexual assault, sexual harassment.")
            }
            if specific.isEmpty {
                return result(.fail, "The only words for the harm are vague; readers will picture the mildest case.",
                              vague.prefix(5).map { evidence($0, "vague") })
            }
            if !vague.isEmpty {
                return result(.warn, "Names the harm, but vague terms remain beside the specific ones.",
                              specific.prefix(3).map { evidence($0, "specific") } + vague.prefix(3).map { evidence($0, "vague") })
            }
            return result(.pass, "States what happened in specific terms.", specific.prefix(3).map { evidence($0, "specific") })

        case "apology":
            guard isApology else { return result(.notApplicable, "Not an apology.") }
            let responsibility = statistics.hits("responsibility")
            let repair = statistics.hits("repair")
            let specific = statistics.hits("harm-specific")
            let intent = own.filter { $0.category == .intent }
            let blaming = own.filter { $0.category == .blaming }
            let components: [(String, TestStatus, String)] = [
                ("acknowledges the specific harm", specific.isEmpty && responsibility.isEmpty ? .fail : specific.isEmpty ? .warn : .pass,
                 specific.first.map { "names it: \"\($0.match)\"" } ?? "does not say what was done"),
                ("takes responsibility in the active voice", responsibility.isEmpty ? .fail : .pass,
                 responsibility.first.map { "\"\($0.match)\"" } ?? "no \"I/we + what I/we did\""),
                ("no conditional or intent-centred framing", intent.isEmpty ? .pass : .fail,
                 intent.isEmpty ? "none" : intent.prefix(3).map { "\"\($0.match)\"" }.joined(separator: ", ")),
                ("no blame shifting", blaming.isEmpty ? .pass : .fail,
                 blaming.isEmpty ? "none" : blaming.prefix(3).map { "\"\($0.match)\"" }.joined(separator: ", ")),
                ("says what will change", repair.isEmpty ? .warn : .pass,
                 repair.first.map { "\"\($0.match)\"" } ?? "no commitment to repair or change"),
            ]
            let failed = components.filter { $0.1 == .fail }
            let warned = components.filter { $0.1 == .warn }
            let status: TestStatus = failed.isEmpty ? (warned.isEmpty ? .pass : .warn) : .fail
            let reason = failed.isEmpty && warned.isEmpty ? "Acknowledges the harm, owns it, and says what will change."
                : "Missing or undermined: " + (failed + warned).map(\.0).joined(separator: "; ") + "."
            return result(status, reason, intent.prefix(5).map { evidence($0, "intent") } + responsibility.prefix(2).map { evidence($0, "responsibility") },
                          components: components)

        case "agency":
            let clauses = statistics.hits("harm-verb")
            let passives = own.filter { $0.rule == "blaming.agentless-passive" }
            let total = clauses.count
            guard total > 0 || !passives.isEmpty else { return result(.notApplicable, "No harm clauses to check.") }
            let withAgent = clauses.filter { $0.hasAgent == true }.count
            let share = total == 0 ? 0 : Double(withAgent) / Double(total)
            let percent = Int((share * 100).rounded())
            let status: TestStatus = passives.isEmpty && share >= 0.75 ? .pass : share >= 0.5 ? .warn : .fail
            return result(status, "\(withAgent) of \(total) harm clauses name who did it (\(percent)%).",
                          clauses.filter { $0.hasAgent == false }.prefix(5).map { evidence($0, "no agent") }
                              + passives.prefix(3).map { evidence($0, "agentless passive") })

        case "blame":
            let blaming = findings.filter { $0.category == .blaming && $0.rule != "blaming.agentless-passive" }
            let writers = blaming.filter { $0.context == nil }
            if !writers.isEmpty {
                return result(.fail, "Blaming or discrediting framing in the writer's own voice.", writers.prefix(5).map { evidence($0, "blaming") })
            }
            if !blaming.isEmpty {
                return result(.warn, "Blaming framing appears only in quoted or attributed speech; make sure the draft answers it.",
                              blaming.prefix(5).map { evidence($0, $0.context?.rawValue ?? "quoted") })
            }
            return result(.pass, "No survivor-blaming or discrediting framing.")

        case "prevention":
            if kind == "news" { return result(.notApplicable, "News briefs are not held to the prevention test.") }
            let hits = statistics.hits("prevention") + statistics.hits("repair")
            if hits.isEmpty {
                return result(.warn, "Says nothing about what can be done: policy, training, bystander action, support, accountability.")
            }
            let distinct = Set(hits.map { $0.match.lowercased() })
            return result(distinct.count >= 2 ? .pass : .warn,
                          distinct.count >= 2 ? "Says what prevention or change looks like." : "Mentions action only once; make it concrete.",
                          hits.prefix(4).map { evidence($0, "prevention") })

        case "plain-language":
            guard statistics.words > 0, statistics.sentences > 0 else { return result(.notApplicable, "No prose.") }
            let grade = 0.39 * Double(statistics.words) / Double(statistics.sentences)
                + 11.8 * Double(statistics.syllables) / Double(statistics.words) - 15.59
            let vague = own.filter { $0.category == .vague }.count
            let density = Double(vague) * 1000 / Double(statistics.words)
            let long = statistics.longSentences.count
            let summary = String(format: "reading grade %.1f (Flesch-Kincaid), %d long sentence%@, %.1f vague terms per 1,000 words",
                                 grade, long, long == 1 ? "" : "s", density)
            let status: TestStatus = grade <= 10 && density <= 2 && long <= 1 ? .pass : grade <= 14 && density <= 5 ? .warn : .fail
            return result(status, summary.prefix(1).uppercased() + summary.dropFirst() + ".",
                          statistics.longSentences.prefix(3).map { Evidence(line: $0.line, column: 1, text: "", note: "\($0.words)-word sentence") })

        case "help":
            let hits = statistics.hits("help")
            return hits.isEmpty ? result(.warn, "Names no helpline or support service.")
                : result(.pass, "Gives a route to help.", hits.prefix(2).map { evidence($0, "help") })

        default:
            return result(.notApplicable, "Unknown test.")
        }
    }
}
