/// A `candor-disable`, `candor-enable` or `candor-disable-next-line` comment (DESIGN.md, "suppression").
public struct SuppressionDirective: Equatable, Sendable {
    public enum Kind: String, Sendable {
        case disable = "candor-disable"
        case enable = "candor-enable"
        case disableNextLine = "candor-disable-next-line"
    }

    public var kind: Kind
    /// Rule ids or category names; empty means every rule.
    public var rules: [String]
    /// 1-based source line of the comment.
    public var line: Int
    /// 1-based column where the directive word starts.
    public var column: Int
    public var offset: Int

    public init(kind: Kind, rules: [String], line: Int, column: Int, offset: Int) {
        self.kind = kind
        self.rules = rules
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// Finds directives on any line, in whatever comment form surrounds them (`#`, `//`, `<!-- -->`).
    public static func scanPlainText(_ bytes: [UInt8]) -> [SuppressionDirective] {
        scan(bytes, lineFilter: { _ in true })
    }

    /// Finds directives inside HTML comments only (Markdown and HTML).
    public static func scanComments(_ bytes: [UInt8]) -> [SuppressionDirective] {
        scan(bytes) { line in line.contains("<!--") }
    }

    static func scan(_ bytes: [UInt8], lineFilter: (String) -> Bool) -> [SuppressionDirective] {
        // Cheap pre-check: most files have no directive at all.
        let needle = Array("candor-".utf8)
        guard bytes.withUnsafeBufferPointer({ contains($0, needle) }) else { return [] }
        var directives: [SuppressionDirective] = []
        var lineNumber = 0
        var offset = 0
        for lineBytes in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            defer { offset += lineBytes.count + 1 }
            guard lineBytes.count < 4096 else { continue }
            let line = String(decoding: lineBytes, as: UTF8.self)
            guard line.contains("candor-"), lineFilter(line) else { continue }
            var rest = Substring(line)
            while let range = rest.range(of: "candor-") {
                let tail = rest[range.lowerBound...]
                let word = tail.prefix { $0.isLetter || $0 == "-" }
                guard let kind = Kind(rawValue: String(word)) else {
                    rest = rest[range.upperBound...]
                    continue
                }
                let prefixBytes = line[..<range.lowerBound].utf8.count
                let column = line[..<range.lowerBound].unicodeScalars.count + 1
                var ids: [String] = []
                var remainder = tail.dropFirst(word.count)
                if let end = remainder.range(of: "-->") { remainder = remainder[..<end.lowerBound] }
                for item in remainder.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\r" }) {
                    let name = item.trimmingCharacters(in: "*/#;")
                    if name.isEmpty { continue }
                    ids.append(name)
                }
                directives.append(SuppressionDirective(kind: kind, rules: ids, line: lineNumber, column: column,
                                                       offset: offset + prefixBytes))
                break
            }
        }
        return directives
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == needle[0] {
                var k = 1
                while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    func covers(ruleID: String, category: String) -> Bool {
        rules.isEmpty || rules.contains(ruleID) || rules.contains(category)
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var result = self
        while let first = result.first, set.contains(first) { result = result.dropFirst() }
        while let last = result.last, set.contains(last) { result = result.dropLast() }
        return String(result)
    }
}
