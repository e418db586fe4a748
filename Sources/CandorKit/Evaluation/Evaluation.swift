import CandorRules
import CandorText
import Foundation

/// A text with the spans a careful editor would flag, for measuring precision and recall.
public struct LabelledDocument: Sendable {
    public struct Span: Equatable, Sendable {
        public var range: Range<Int>
        public var category: String
    }

    public var id: String
    public var text: String
    public var spans: [Span]

    public init(id: String, text: String, spans: [Span]) {
        self.id = id
        self.text = text
        self.spans = spans
    }

    /// Parses inline markers: `He resigned over [[vague:sexual misconduct]].` A marker may name a rule id
    /// instead of a category (`[[vague.sexual-misconduct:...]]`); the category is the part before the dot.
    public static func parseMarked(_ marked: String, id: String) throws -> LabelledDocument {
        let parsed: MarkedText
        do {
            parsed = try MarkedText(parsing: marked, labelled: true)
        } catch {
            throw EvaluationError("\(id): \(error)")
        }
        // A label may be a rule id (`vague.sexual-misconduct`): its category is the part before the dot.
        var spans: [Span] = []
        for marker in parsed.markers {
            let category = String(marker.label!.split(separator: ".").first ?? "")
            if category.isEmpty { throw EvaluationError("\(id): marker label '\(marker.label!)' names no category") }
            spans.append(Span(range: marker.range, category: category))
        }
        return LabelledDocument(id: id, text: parsed.text, spans: spans)
    }

    /// A labelled file read as `lint` reads a draft: regular files only (a FIFO would block), within the input
    /// size limit, and valid UTF-8, with an error that names the file and what is wrong.
    public static func readText(path: String) throws -> String {
        switch SourceReader.read(path: path) {
        case .failure(let problem): throw EvaluationError("\(path): \(problem)")
        case .success(let bytes):
            if let problem = SourceValidator.validate(bytes) { throw EvaluationError("\(path): \(problem)") }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Reads a JSON Lines file: one object per line, either `{"id", "text", "spans": [{"start", "end",
    /// "category"}]}` with UTF-8 byte offsets, or `{"id", "marked": "text with [[category:words]]"}`.
    public static func readJSONLines(path: String) throws -> [LabelledDocument] {
        let text = try readText(path: path)
        var documents: [LabelledDocument] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let location = "\(path):\(index + 1)"
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
                throw EvaluationError("\(location): not a JSON object")
            }
            let id = object["id"] as? String ?? "line \(index + 1)"
            if let marked = object["marked"] as? String {
                documents.append(try parseMarked(marked, id: id))
                continue
            }
            guard let text = object["text"] as? String else {
                throw EvaluationError("\(location): needs \"text\" (with \"spans\") or \"marked\"")
            }
            var spans: [Span] = []
            for (n, item) in (object["spans"] as? [[String: Any]] ?? []).enumerated() {
                guard let start = item["start"] as? Int, let end = item["end"] as? Int,
                    let category = item["category"] as? String,
                    start >= 0, end > start, end <= text.utf8.count
                else {
                    throw EvaluationError(
                        "\(location): span \(n + 1) needs start < end within the text (UTF-8 bytes) and a category")
                }
                spans.append(Span(range: start..<end, category: category))
            }
            documents.append(LabelledDocument(id: id, text: text, spans: spans))
        }
        return documents
    }
}

public struct EvaluationError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Precision and recall per category: a finding counts when its byte range overlaps a labelled span of its
/// category; any other finding is a false positive; a span no finding overlaps is a miss. Findings in
/// quotation marks are not the writer's words and are not scored.
public struct Evaluation: Sendable {
    public struct Score: Equatable, Sendable {
        /// Findings that overlap a labelled span of their category (precision counts findings).
        public var truePositives = 0
        public var falsePositives = 0
        /// Labelled spans no finding of their category overlaps.
        public var falseNegatives = 0
        /// Labelled spans some finding of their category overlaps (recall counts spans, so two findings on
        /// one span do not count twice).
        public var recalledSpans = 0

        public var precision: Double {
            truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        public var recall: Double {
            recalledSpans + falseNegatives == 0 ? 1 : Double(recalledSpans) / Double(recalledSpans + falseNegatives)
        }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    public struct Miss: Sendable {
        public var document: String
        public var category: String
        public var text: String
        /// The rule (for a false positive) or nil (for a missed span).
        public var rule: String?
    }

    /// One rule's findings, scored as `Score` scores a category's: which rules cost precision.
    public struct RuleScore: Equatable, Sendable {
        public var hits = 0
        public var falsePositives = 0
        /// Findings on spans labelled acceptable, not required: neither right nor wrong.
        public var neutral = 0
        public var precision: Double { hits + falsePositives == 0 ? 1 : Double(hits) / Double(hits + falsePositives) }
    }

    public var scores: [String: Score] = [:]
    public var ruleScores: [String: RuleScore] = [:]
    public var falsePositives: [Miss] = []
    public var falseNegatives: [Miss] = []
    public var documents = 0
    public var spans = 0

    /// The label of a span a careful editor may flag but need not: scored neither way.
    public static let neutral = "neutral"

    public init(documents: [LabelledDocument], linter: Linter) {
        self.documents = documents.count
        for document in documents {
            spans += document.spans.filter { $0.category != Self.neutral }.count
            let bytes = Array(document.text.utf8)
            let findings = linter.lint(text: document.text, path: document.id)
                .filter { $0.category != .candor && $0.context != .quoted }
            // Labels stay plain names: a label may be `neutral`, which no rule's category is.
            for category in Set(document.spans.map(\.category)).union(findings.map(\.category.rawValue))
            where category != Self.neutral {
                if scores[category] == nil { scores[category] = Score() }
            }
            for finding in findings {
                let range = finding.offset..<(finding.offset + finding.length)
                let category = finding.category.rawValue
                // "Acceptable, not required" (labelling standard): a flag there is neither right nor wrong.
                if document.spans.contains(where: { $0.category == Self.neutral && $0.range.overlaps(range) }) {
                    ruleScores[finding.rule, default: RuleScore()].neutral += 1
                    continue
                }
                if document.spans.contains(where: { $0.category == category && $0.range.overlaps(range) }) {
                    scores[category]!.truePositives += 1
                    ruleScores[finding.rule, default: RuleScore()].hits += 1
                } else {
                    scores[category]!.falsePositives += 1
                    ruleScores[finding.rule, default: RuleScore()].falsePositives += 1
                    falsePositives.append(
                        Miss(document: document.id, category: category, text: finding.match, rule: finding.rule))
                }
            }
            for span in document.spans where span.category != Self.neutral {
                let recalled = findings.contains { finding in
                    finding.category.rawValue == span.category
                        && span.range.overlaps(finding.offset..<(finding.offset + finding.length))
                }
                if recalled {
                    scores[span.category]!.recalledSpans += 1
                } else {
                    scores[span.category]!.falseNegatives += 1
                    falseNegatives.append(
                        Miss(
                            document: document.id, category: span.category,
                            text: String(decoding: bytes[span.range], as: UTF8.self), rule: nil))
                }
            }
        }
    }

    /// A plain table of the scores, one row per category plus the total.
    public func table() -> String {
        func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
        func format(_ value: Double) -> String { String(format: "%.3f", value) }
        // TP and FP count findings (precision); found and FN count labelled spans (recall).
        var out = "\(pad("category", 10)) \(pad("TP", 5)) \(pad("FP", 5)) \(pad("found", 6)) \(pad("FN", 5)) "
        out += "\(pad("precision", 10)) \(pad("recall", 8)) F1\n"
        var total = Score()
        for (category, score) in scores.sorted(by: { $0.key < $1.key }) {
            total.truePositives += score.truePositives
            total.recalledSpans += score.recalledSpans
            total.falsePositives += score.falsePositives
            total.falseNegatives += score.falseNegatives
            out +=
                "\(pad(category, 10)) \(pad(String(score.truePositives), 5)) \(pad(String(score.falsePositives), 5)) "
            out += "\(pad(String(score.recalledSpans), 6)) "
            out +=
                "\(pad(String(score.falseNegatives), 5)) \(pad(format(score.precision), 10)) \(pad(format(score.recall), 8)) \(format(score.f1))\n"
        }
        out += "\(pad("all", 10)) \(pad(String(total.truePositives), 5)) \(pad(String(total.falsePositives), 5)) "
        out += "\(pad(String(total.recalledSpans), 6)) "
        out +=
            "\(pad(String(total.falseNegatives), 5)) \(pad(format(total.precision), 10)) \(pad(format(total.recall), 8)) \(format(total.f1))\n"
        out += "\(documents) documents, \(spans) labelled spans.\n"
        return out
    }

    /// Each rule that found anything, the one with most false positives first: where a rule author should look
    /// before adding patterns.
    public func ruleTable() -> String {
        func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
        let width = max(4, ruleScores.keys.map(\.count).max() ?? 0)
        var out = "\(pad("rule", width)) \(pad("hits", 5)) \(pad("FP", 5)) \(pad("neutral", 8)) precision\n"
        let sorted = ruleScores.sorted { a, b in
            a.value.falsePositives != b.value.falsePositives
                ? a.value.falsePositives > b.value.falsePositives : a.key < b.key
        }
        for (rule, score) in sorted {
            out += "\(pad(rule, width)) \(pad(String(score.hits), 5)) \(pad(String(score.falsePositives), 5)) "
            out += "\(pad(String(score.neutral), 8)) \(String(format: "%.3f", score.precision))\n"
        }
        return out
    }
}
