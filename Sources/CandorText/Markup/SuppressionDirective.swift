import Foundation

/// A `candor-disable`, `candor-enable` or `candor-disable-next-line` comment (docs/contracts.md, "Suppression").
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
        // Only the lines that hold "candor-" are decoded: a corpus that mentions the tool once costs one search.
        let needle = Array("candor-".utf8)
        var directives: [SuppressionDirective] = []
        bytes.withUnsafeBufferPointer { buffer in
            // Indexed at the first hit, so that a document that never mentions the tool costs no more.
            var index: LineIndex?
            var from = 0
            while let hit = firstIndex(of: needle, in: buffer, from: from) {
                let lines = index ?? LineIndex(bytes)
                index = lines
                let lineNumber = lines.lineNumber(at: hit)
                let lineStart = lines.lineStart(lineNumber)
                // Up to the LF or lone CR that ends the line: CRLF's CR stays in the text and counts towards the
                // length limit, as it always has.
                let lineEnd = lineNumber < lines.lineStarts.count ? lines.lineStarts[lineNumber] - 1 : buffer.count
                from = lineEnd
                guard lineEnd - lineStart < 4096 else { continue }
                let line = String(decoding: UnsafeBufferPointer(rebasing: buffer[lineStart..<lineEnd]), as: UTF8.self)
                if lineFilter(line), let directive = parse(line, lineNumber: lineNumber, lineOffset: lineStart) {
                    directives.append(directive)
                }
            }
        }
        return directives
    }

    /// The first directive on a line, if any ("candor-" alone, as in a URL, is not one).
    private static func parse(_ line: String, lineNumber: Int, lineOffset: Int) -> SuppressionDirective? {
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
            return SuppressionDirective(
                kind: kind, rules: ids, line: lineNumber, column: column,
                offset: lineOffset + prefixBytes)
        }
        return nil
    }

    private static func firstIndex(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard haystack.count >= needle.count, let base = haystack.baseAddress else { return nil }
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            // memchr for the first byte is vectorised; the rest is compared in place.
            guard let found = memchr(base + i, Int32(needle[0]), last - i + 1) else { return nil }
            i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var k = 1
            while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
            if k == needle.count { return i }
            i += 1
        }
        return nil
    }

    package func covers(ruleID: String, category: String) -> Bool {
        rules.isEmpty || rules.contains(ruleID) || rules.contains(category)
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var result = self
        while let first = result.first, set.contains(first) { result = result.dropFirst() }
        while let last = result.last, set.contains(last) { result = result.dropLast() }
        return String(result)
    }
}
