import CandorRules
import CandorText
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

    /// Keys each finding on its path as given (`baselinePath` nil), or on the path relative to the folder
    /// of the baseline file, so that `candor lint .`, `candor lint x.md` and an absolute path all agree.
    public init(reports: [FileReport], relativeTo baselinePath: String? = nil) {
        for report in reports {
            let path = Self.keyPath(report.path, baselinePath: baselinePath)
            for finding in report.findings { counts[Self.key(finding, path: path), default: 0] += 1 }
        }
    }

    static func keyPath(_ path: String, baselinePath: String?) -> String {
        guard let baselinePath, path != "-" else { return path }
        let directory = (baselinePath as NSString).deletingLastPathComponent
        return SourcePath.relative(path, to: directory)
    }

    static func key(_ finding: Finding, path: String) -> Key {
        Key(path: path, rule: finding.rule, match: finding.match.lowercased(), line: finding.lineText)
    }

    /// The reports with every finding the baseline already knows removed. Give `baselinePath` when the
    /// baseline was written with one, so paths are compared the same way. `splitFrom` maps a rule id to the rule it
    /// was split from (`Rule.splitFrom`): a baseline written before the split knows its findings by the older id.
    public func filter(
        _ reports: [FileReport], relativeTo baselinePath: String? = nil, splitFrom: [String: String] = [:]
    ) -> [FileReport] {
        var remaining = counts
        return reports.map { report in
            var report = report
            let path = Self.keyPath(report.path, baselinePath: baselinePath)
            report.findings = report.findings.filter { finding in
                var key = Self.key(finding, path: path)
                if remaining[key, default: 0] == 0, let older = splitFrom[finding.rule] { key.rule = older }
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
        try OutputFile.write(Array((json.output + "\n").utf8), to: path)
    }

    public struct FormatError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func read(from path: String) throws -> Baseline {
        let data: Data
        switch SourceReader.read(path: path) {
        case .success(let bytes): data = Data(bytes)
        case .failure(.unreadable("is a directory")):
            throw FormatError(description: "it is a folder; name the baseline file")
        case .failure(let problem): throw FormatError(description: problem.description)
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let entries = object["findings"] as? [[String: Any]]
        else {
            throw FormatError(description: "not a Candor baseline (expected {\"version\": 1, \"findings\": [...]})")
        }
        var baseline = Baseline(reports: [])
        for (index, entry) in entries.enumerated() {
            guard let path = entry["path"] as? String, let rule = entry["rule"] as? String,
                let match = entry["match"] as? String, let line = entry["line"] as? String
            else {
                throw FormatError(description: "entry \(index + 1) needs path, rule, match and line")
            }
            let count = entry["count"] as? Int ?? 1
            baseline.counts[Key(path: path, rule: rule, match: match, line: line), default: 0] += count
        }
        return baseline
    }
}

/// Writes a whole file and says so when any part of it failed (a full disk, `/dev/full`), so that nothing
/// reports success for a file that was not written.
public enum OutputFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// A regular file (or a new one) is written beside its destination and renamed over it, so a failed
    /// write leaves the old file whole. Anything else (a device, a FIFO) is written in place: renaming over
    /// it would replace the device itself.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        var info = stat()
        let exists = stat(path, &info) == 0
        if exists && (info.st_mode & S_IFMT) == S_IFDIR { throw WriteError(description: "it is a folder") }
        let inPlace = exists && (info.st_mode & S_IFMT) != S_IFREG
        let target = inPlace ? path : path + ".candor-\(getpid()).tmp"
        let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if descriptor < 0 { throw WriteError(description: String(cString: strerror(errno))) }
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let n = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    failure = n < 0 ? errno : EIO
                    return
                }
                written += n
            }
        }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure == 0 && !inPlace && rename(target, path) != 0 { failure = errno }
        if failure != 0 {
            if !inPlace { unlink(target) }
            throw WriteError(description: String(cString: strerror(failure)))
        }
    }
}
