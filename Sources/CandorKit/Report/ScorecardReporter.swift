import CandorRules
import CandorText

/// `candor test` and `candor compare` output: a table a person can act on, or JSON (docs/message-tests.md).
public struct ScorecardReporter {
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    private func mark(_ status: TestStatus) -> String {
        switch status {
        case .pass: return paint("pass", "1;32")
        case .warn: return paint("warn", "1;33")
        case .fail: return paint("fail", "1;31")
        case .notApplicable: return paint("n/a ", "2")
        }
    }

    public func text(_ cards: [Scorecard]) -> String {
        var out = ""
        for card in cards {
            if let error = card.error {
                out += "\(paint(card.path, "1")): \(error)\n\n"
                continue
            }
            out += "\(paint(card.path, "1"))  score \(paint("\(card.score ?? 0)/100", "1"))\n"
            for result in card.results {
                let title = result.title.padding(toLength: 22, withPad: " ", startingAt: 0)
                out += "  \(mark(result.status))  \(title) \(result.reason)\n"
                for component in result.components {
                    out += "          \(mark(component.status)) \(component.name): \(component.note)\n"
                }
                for item in result.evidence.prefix(4) where result.status == .fail || result.status == .warn {
                    let text = item.text.isEmpty ? "" : " \"\(item.text)\""
                    out += "          line \(item.line):\(text) (\(item.note))\n"
                }
            }
            out += "\n"
        }
        return out
    }

    public func compare(_ cards: [Scorecard]) -> String {
        let names = cards.map { NSStringLike(value: $0.path).lastComponent }
        let width = max(8, names.map(\.count).max() ?? 8)
        func cell(_ text: String, raw: Int) -> String { text + String(repeating: " ", count: max(0, width - raw) + 2) }
        var out = String(repeating: " ", count: 24) + names.map { cell($0, raw: $0.count) }.joined() + "\n"
        for (index, test) in MessageTester.tests.enumerated() {
            out += test.title.padding(toLength: 24, withPad: " ", startingAt: 0)
            for card in cards {
                let status = card.results.count > index ? card.results[index].status : .notApplicable
                out += cell(mark(status), raw: 4)
            }
            out += "\n"
        }
        out += "score".padding(toLength: 24, withPad: " ", startingAt: 0)
        out +=
            cards.map {
                let text = $0.score.map { "\($0)/100" } ?? "error"
                return cell(paint(text, "1"), raw: text.count)
            }.joined() + "\n"
        if let best = cards.filter({ $0.score != nil }).max(by: { $0.score! < $1.score! }), cards.count > 1 {
            out += "\nFollows the guidance best: \(paint(best.path, "1"))\n"
        }
        // The spans that differ: findings one variant has and another lacks, by rule and wording.
        if cards.count > 1 {
            var lines: [String] = []
            for (index, card) in cards.enumerated() {
                let others = cards.enumerated().filter { $0.offset != index }.map {
                    Set($0.element.findings.map { "\($0.rule)|\($0.match.lowercased())" })
                }
                for finding in card.findings
                where others.contains(where: { !$0.contains("\(finding.rule)|\(finding.match.lowercased())") }) {
                    lines.append(
                        "  only in \(names[index]): line \(finding.line) \"\(finding.match)\" [\(finding.rule)]")
                }
            }
            if !lines.isEmpty { out += "\nDifferences:\n" + lines.joined(separator: "\n") + "\n" }
        }
        return out
    }

    public func json(_ cards: [Scorecard]) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.field("version", Candor.version)
        json.key("drafts")
        json.beginArray()
        for card in cards {
            json.beginObject()
            json.field("path", card.path)
            if let score = card.score {
                json.field("score", score)
            } else {
                json.key("score")
                json.null()
            }
            json.field("error", card.error)
            json.key("tests")
            json.beginArray()
            for result in card.results {
                json.beginObject()
                json.field("id", result.id)
                json.field("title", result.title)
                json.field("principle", result.principle)
                json.field("status", result.status.rawValue)
                json.field("weight", result.weight)
                json.field("reason", result.reason)
                json.key("components")
                json.beginArray()
                for component in result.components {
                    json.beginObject()
                    json.field("name", component.name)
                    json.field("status", component.status.rawValue)
                    json.field("note", component.note)
                    json.endObject()
                }
                json.endArray()
                json.key("evidence")
                json.beginArray()
                for item in result.evidence {
                    json.beginObject()
                    json.field("line", item.line)
                    json.field("column", item.column)
                    json.field("text", item.text)
                    json.field("note", item.note)
                    json.endObject()
                }
                json.endArray()
                json.endObject()
            }
            json.endArray()
            json.key("findings")
            json.beginArray()
            for finding in card.findings { JSONReporter.write(finding, to: &json) }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.output + "\n"
    }
}

/// The last path component without Foundation in this file.
private struct NSStringLike {
    let value: String
    var lastComponent: String { value.split(separator: "/").last.map(String.init) ?? value }
}
