import CandorRules
import CandorText
import Foundation

/// Helpers the machine-readable reporters share, so that every format names files, escapes text and
/// words a finding the same way.
enum ReportSupport {
    static let homepage = "https://github.com/candor-lint/candor"

    /// The path as CI tools want it: relative to `base` when inside it, forward slashes, no leading `./`.
    /// Standard input (`-`) becomes `stdin`, since `-` is not a path any tool can open.
    static func reportPath(_ path: String, base: String? = nil) -> String {
        if path == "-" { return "stdin" }
        var result = path
        #if os(Windows)
            result = result.replacingOccurrences(of: "\\", with: "/")
        #endif
        if let base, !base.isEmpty, result.hasPrefix("/") {
            let prefix = base.hasSuffix("/") ? base : base + "/"
            if result.hasPrefix(prefix) { result.removeFirst(prefix.count) }
        }
        while result.contains("//") { result = result.replacingOccurrences(of: "//", with: "/") }
        while result.hasPrefix("./") { result.removeFirst(2) }
        while let range = result.range(of: "/./") { result.replaceSubrange(range, with: "/") }
        return result.isEmpty ? path : result
    }

    /// The finding's message with its suggestions, for formats that have one text field per finding.
    static func fullMessage(_ finding: Finding, separator: String = " ") -> String {
        var text = finding.message
        if let context = finding.context { text += " (\(context.rawValue))" }
        if !finding.suggestions.isEmpty {
            text += separator + "Try: " + finding.suggestions.joined(separator: "; ")
        }
        return text
    }

    /// A link to the lexicon a built-in rule lives in; user rules have no public page.
    static func ruleURL(_ rule: Rule) -> String? {
        guard rule.isBuiltin else { return nil }
        return "\(homepage)/blob/main/\(rule.location.file)"
    }

    /// FNV-1a, 64 bits, as 16 hex digits: stable across runs, platforms and Swift versions, unlike `Hasher`.
    static func fnv1a64(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// `vague.sexual-misconduct` -> `SexualMisconduct`.
    static func camelCaseName(_ id: String) -> String {
        let slug = id.firstIndex(of: ".").map { String(id[id.index(after: $0)...]) } ?? id
        let words = (slug.isEmpty ? id : slug).split { !$0.isLetter && !$0.isNumber }
        let name = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return name.isEmpty ? id : name
    }

    /// Text for an XML attribute value in double or single quotes. Line breaks and tabs become character
    /// references, because a parser would otherwise normalise them to spaces.
    static func xmlAttribute(_ text: String) -> String {
        xmlEscape(text, attribute: true)
    }

    /// Text for XML element content.
    static func xmlText(_ text: String) -> String {
        xmlEscape(text, attribute: false)
    }

    private static func xmlEscape(_ text: String, attribute: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\r": result += "&#13;"
            case "\n": result += attribute ? "&#10;" : "\n"
            case "\t": result += attribute ? "&#9;" : "\t"
            default:
                // XML 1.0 has no way to write these, not even as references: a parser rejects the document.
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
