import CandorRules
import CandorText

/// Text from drafts, file names and rules made safe for an HTML page: every character that could open
/// markup is escaped, in element content and in quoted attribute values alike, so a draft containing
/// `<script>` or `"><img onerror=…>` shows as the words it is.
enum HTMLText {
    /// Escapes `text` for element content or a double- or single-quoted attribute value. Carriage returns
    /// are dropped (a CRLF draft shows one line break, not two), other control characters are shown as
    /// the symbols the text report uses, and a lone surrogate cannot occur in a Swift string.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\r": continue
            case "\n", "\t": result.unicodeScalars.append(scalar)
            default:
                result.unicodeScalars.append(TextReporter.visible(scalar))
            }
        }
        return result
    }

    /// Escapes UTF-8 bytes of a draft (a slice of its prose) for element content.
    static func escape(_ bytes: ArraySlice<UInt8>) -> String {
        escape(String(decoding: bytes, as: UTF8.self))
    }

    /// A string usable inside a `class` or `id`: lowercase letters, digits and hyphens only.
    static func token(_ text: String) -> String {
        let kept = text.lowercased().unicodeScalars.map { scalar -> Character in
            (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)) ? Character(scalar) : "-"
        }
        return String(kept)
    }
}
