import CandorText

/// Text with spans marked inline by `[[` and `]]`. Rule examples mark what a rule must flag
/// (`It was a [[sex scandal]].`); labelled drafts mark what an editor flagged, with a label
/// (`[[vague:sexual misconduct]]`). One parser for both, so a marker means the same in each.
public struct MarkedText: Sendable, Equatable {
    public struct Marker: Sendable, Equatable {
        /// What comes before the first `:` inside a labelled marker; nil in unlabelled text.
        public var label: String?
        /// The marked words' UTF-8 byte range in `text`.
        public var range: Range<Int>
    }

    /// Why marked text cannot be read; `description` names the marker.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case unclosed(byte: Int)
        case missingLabel(marker: String)
        case emptyLabelOrWords(marker: String)

        public var description: String {
            switch self {
            case .unclosed(let byte): return "'[[' at byte \(byte) is never closed with ']]'"
            case .missingLabel(let marker): return "marker '[[\(marker)]]' needs the form [[category:words]]"
            case .emptyLabelOrWords(let marker): return "marker '[[\(marker)]]' needs a category and words"
            }
        }
    }

    /// The text with every marker removed.
    public var text: String
    public var markers: [Marker]

    /// Reads every marker. With `labelled`, each must be `[[label:words]]` with both parts present.
    public init(parsing marked: String, labelled: Bool) throws(Problem) {
        var text = ""
        var markers: [Marker] = []
        var rest = Substring(marked)
        while let open = rest.range(of: "[[") {
            text += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "]]") else { throw .unclosed(byte: text.utf8.count) }
            let inside = rest[open.upperBound..<close.lowerBound]
            var label: String?
            var words = String(inside)
            if labelled {
                guard let colon = inside.firstIndex(of: ":") else { throw .missingLabel(marker: String(inside)) }
                label = String(inside[..<colon])
                words = String(inside[inside.index(after: colon)...])
                if label!.isEmpty || words.isEmpty { throw .emptyLabelOrWords(marker: String(inside)) }
            }
            let start = text.utf8.count
            text += words
            markers.append(Marker(label: label, range: start..<text.utf8.count))
            rest = rest[close.upperBound...]
        }
        text += rest
        self.text = text
        self.markers = markers
    }
}

/// Flag examples mark the expected spans with [[ ]].
public enum RuleExamples {
    /// The example text without markers, and the spans (UTF-8 byte ranges) it marks. An example whose
    /// brackets do not pair is taken as it is, with no span, so a lexicon can still quote `[[` in prose.
    public static func parse(_ example: String) -> (text: String, spans: [Range<Int>]) {
        guard let marked = try? MarkedText(parsing: example, labelled: false) else { return (example, []) }
        return (marked.text, marked.markers.map(\.range))
    }

    public static func plain(_ example: String) -> String { parse(example).text }
}
