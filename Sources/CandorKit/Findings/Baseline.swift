import Foundation

/// Today's findings, recorded so that a team adopting Candor on existing content sees only new ones.
///
/// An entry is keyed on the rule, the file, the matched text and the text of its line, never on the line
/// number: edits elsewhere in the file do not bring old findings back. Repeats are counted, so a second
/// identical finding on a new line is still reported. The file is pretty, sorted JSON for reviewable diffs.
public struct Baseline: Equatable {
    public struct Key: Hashable, Comparable {
        public var path: String
        public var rule: String
        public var match: String
        public var line: String

        public static func < (a: Key, b: Key) -> Bool {
            (a.path, a.rule, a.match, a.line) < (b.path, b.rule, b.match, b.line)
        }
    }

    public private(set) var counts: [Key: Int] = [:]

    public init(reports: [FileReport]) {
        for report in reports {
            for finding in report.findings { counts[Self.key(finding, path: report.path), default: 0] += 1 }
        }
    }

    static func key(_ finding: Finding, path: String) -> Key {
        Key(path: path, rule: finding.rule, match: finding.match.lowercased(), line: finding.lineText)
    }

    /// The reports with every finding the baseline already knows removed.
    public func filter(_ reports: [FileReport]) -> [FileReport] {
        var remaining = counts
        return reports.map { report in
            var report = report
            report.findings = report.findings.filter { finding in
                let key = Self.key(finding, path: report.path)
                guard let count = remaining[key], count > 0 else { return true }
                remaining[key] = count - 1
                return false
            }
            return report
        }
    }

    public func write(to path: String) throws {
        var json = JSONWriter()
        json.beginObject()
        json.field("version", 1)
        json.key("findings")
        json.beginArray()
        for key in counts.keys.sorted() {
            json.beginObject()
            json.field("path", key.path)
            json.field("rule", key.rule)
            json.field("match", key.match)
            json.field("line", key.line)
            if counts[key]! > 1 { json.field("count", counts[key]!) }
            json.endObject()
        }
        json.endArray()
        json.endObject()
        try (json.output + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    public struct FormatError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func read(from path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FormatError(description: "no such file")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let entries = object["findings"] as? [[String: Any]] else {
            throw FormatError(description: "not a Candor baseline (expected {\"version\": 1, \"findings\": [...]})")
        }
        var baseline = Baseline(reports: [])
        for (index, entry) in entries.enumerated() {
            guard let path = entry["path"] as? String, let rule = entry["rule"] as? String,
                  let match = entry["match"] as? String, let line = entry["line"] as? String else {
                throw FormatError(description: "entry \(index + 1) needs path, rule, match and line")
            }
            let count = entry["count"] as? Int ?? 1
            baseline.counts[Key(path: path, rule: rule, match: match, line: line), default: 0] += count
        }
        return baseline
    }
}
