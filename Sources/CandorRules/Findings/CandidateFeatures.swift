/// The evidence `CandidateScorer` weighs for one candidate: the rule and its category, what the rules decided
/// (`kept`, `attributed` or `excepted`), the words matched, the eight words either side within the paragraph (the
/// two nearest also by position), and any quotation mark within 40 bytes.
///
/// A punctuation mark takes its place among the eight either side but is not a feature itself: a transcript's
/// "MO:" or a hyphen in "dressing-room" said more about the page's layout than the wording, and learning them
/// cost the guidance's own "banter" in fixtures/heldout (docs/accuracy.md, round 35).
///
/// Training (`candor eval --write-candidates`) reads the features as names; linting hashes the same bytes
/// without building a string (`CandidateScorer.hash`), so the model always sees what it was trained on.
public enum CandidateFeatures {
    static let wordsEitherSide = 8
    static let quoteReach = 40
    /// How far either side to look for eight words: most need a fraction of this, so the scan starts near.
    static let nearReach = 64
    static let farReach = 400
    static let quoteMarks: [[UInt8]] = ["\"", "“", "”", "'", "‘", "’"].map { Array($0.utf8) }

    /// The features as names, for training.
    public static func names(
        text: UnsafeBufferPointer<UInt8>, range: Range<Int>, rule: String, category: String, decision: String
    ) -> [String] {
        var names: [String] = []
        var seen = Set<String>()
        visit(text: text, range: range, rule: rule, category: category, decision: decision) { prefix, word in
            let name = prefix.name + String(decoding: word.map(lowercased), as: UTF8.self)
            if seen.insert(name).inserted { names.append(name) }
        }
        return names
    }

    /// The features as `CandidateScorer.hash` values, each once, for linting. `ruleHashes` are
    /// `ruleHashes(rule:category:decision:)`, which a linter works out once per rule and decision.
    public static func hashes(text: UnsafeBufferPointer<UInt8>, range: Range<Int>, ruleHashes: [UInt64]) -> [UInt64] {
        var buffers = Buffers()
        hashes(text: text, range: range, ruleHashes: ruleHashes, buffers: &buffers)
        return buffers.hashes
    }

    /// Buffers a linter reuses from candidate to candidate, so hashing a candidate's features allocates nothing
    /// in the steady state. `hashes` holds the last candidate's features.
    public struct Buffers {
        public internal(set) var hashes: [UInt64] = []
        var words = Words()

        public init() {}
    }

    /// The features as hashes, into `buffers.hashes`.
    public static func hashes(
        text: UnsafeBufferPointer<UInt8>, range: Range<Int>, ruleHashes: [UInt64], buffers: inout Buffers
    ) {
        var hashes = buffers.hashes
        buffers.hashes = []
        hashes.removeAll(keepingCapacity: true)
        hashes.append(contentsOf: ruleHashes)
        // One bit per hash seen, by its low six bits: most features are new, and a clear bit says so without a
        // search of the list.
        var seen: UInt64 = 0
        for hash in ruleHashes { seen |= 1 << (hash & 63) }
        visitText(text: text, range: range, words: &buffers.words) { prefix, word in
            var hash = prefix.hash
            for byte in word { hash = CandidateScorer.fnv(hash, lowercased(byte)) }
            let bit: UInt64 = 1 << (hash & 63)
            if seen & bit != 0 && hashes.contains(hash) { return }
            seen |= bit
            hashes.append(hash)
        }
        buffers.hashes = hashes
    }

    /// The hashes of the features that name the rule and what it decided.
    public static func ruleHashes(rule: String, category: String, decision: String) -> [UInt64] {
        ruleFeatures(rule: rule, category: category, decision: decision).map(CandidateScorer.hash)
    }

    static func ruleFeatures(rule: String, category: String, decision: String) -> [String] {
        ["r=" + rule, "c=" + category, "s=" + decision, category + "|s=" + decision, rule + "|s=" + decision]
    }

    /// A feature name's first part, with the hash of its bytes so far.
    struct Prefix {
        let name: String
        let hash: UInt64
        init(_ name: String) {
            self.name = name
            hash = CandidateScorer.hash(name)
        }
    }

    static let matched = Prefix("m=")
    static let leftWord = Prefix("lw=")
    static let rightWord = Prefix("rw=")
    static let nearLeft = [Prefix("l0="), Prefix("l1=")]
    static let nearRight = [Prefix("r0="), Prefix("r1=")]
    static let quoteNames = ["\"", "“", "”", "'", "‘", "’"].map { Prefix("q=" + $0) }

    @inline(__always) static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte }

    /// Calls `emit` with each feature as a prefix and the bytes of `text` that follow it (ASCII letters not yet
    /// lower-cased), or with the whole name as the prefix and no bytes.
    static func visit(
        text: UnsafeBufferPointer<UInt8>, range: Range<Int>, rule: String, category: String, decision: String,
        emit: (Prefix, Slice<UnsafeBufferPointer<UInt8>>) -> Void
    ) {
        for name in ruleFeatures(rule: rule, category: category, decision: decision) { emit(Prefix(name), text[0..<0]) }
        var words = Words()
        visitText(text: text, range: range, words: &words, emit: emit)
    }

    /// The features that come from the text: the words matched, the words either side, quotation marks.
    /// `words` is a buffer the caller may reuse; it is refilled for each part of the text read.
    static func visitText(
        text: UnsafeBufferPointer<UInt8>, range: Range<Int>, words: inout Words,
        emit: (Prefix, Slice<UnsafeBufferPointer<UInt8>>) -> Void
    ) {
        let (matched, leftWord, rightWord, nearLeft, nearRight) = (
            Self.matched, Self.leftWord, Self.rightWord, Self.nearLeft, Self.nearRight
        )
        words.read(text, range)
        for word in words.ranges { emit(matched, text[word]) }
        let nearStart = max(0, range.lowerBound - nearReach)
        let start = paragraphStart(text, before: range.lowerBound, limit: nearStart)
        words.read(text, start..<range.lowerBound)
        if words.ranges.count < wordsEitherSide && start == nearStart && nearStart > 0 {
            let farStart = paragraphStart(text, before: range.lowerBound, limit: max(0, range.lowerBound - farReach))
            words.read(text, farStart..<range.lowerBound)
        }
        var distance = 0
        for word in words.ranges.suffix(wordsEitherSide).reversed() {
            if !isMark(text, word) {
                emit(leftWord, text[word])
                if distance < 2 { emit(nearLeft[distance], text[word]) }
            }
            distance += 1
        }
        let nearEnd = min(text.count, range.upperBound + nearReach)
        let end = paragraphEnd(text, after: range.upperBound, limit: nearEnd)
        words.read(text, range.upperBound..<end)
        if words.ranges.count < wordsEitherSide && end == nearEnd && nearEnd < text.count {
            let farEnd = paragraphEnd(
                text, after: range.upperBound, limit: min(text.count, range.upperBound + farReach))
            words.read(text, range.upperBound..<farEnd)
        }
        distance = 0
        for word in words.ranges.prefix(wordsEitherSide) {
            if !isMark(text, word) {
                emit(rightWord, text[word])
                if distance < 2 { emit(nearRight[distance], text[word]) }
            }
            distance += 1
        }
        let before = max(0, range.lowerBound - quoteReach)..<range.lowerBound
        let after = range.upperBound..<min(text.count, range.upperBound + quoteReach)
        // Most windows hold no quotation mark: every one starts with '"', '\'' or the lead byte of “ ” ‘ ’.
        func mayQuote(_ window: Range<Int>) -> Bool {
            window.contains { text[$0] == 0x22 || text[$0] == 0x27 || text[$0] == 0xE2 }
        }
        guard mayQuote(before) || mayQuote(after) else { return }
        for (mark, name) in zip(quoteMarks, quoteNames)
        where contains(text, before, mark) || contains(text, after, mark) {
            emit(name, text[0..<0])
        }
    }

    /// Where the paragraph holding `position` starts, looking back no further than `limit`: just after the
    /// nearest blank line before `position`, or `limit` when there is none. A word in the paragraph before says
    /// little about this one, and learning one cost the guidance's "beast" in fixtures/heldout (docs/accuracy.md,
    /// round 95).
    static func paragraphStart(_ text: UnsafeBufferPointer<UInt8>, before position: Int, limit: Int) -> Int {
        var index = position - 1
        while index > limit {
            if text[index] == 0x0A && lineFeed(text, before: index, limit: limit) != nil { return index + 1 }
            index -= 1
        }
        return limit
    }

    /// Where the paragraph holding `position` ends, looking no further than `limit`: at the nearest blank line
    /// after `position`, or `limit` when there is none.
    static func paragraphEnd(_ text: UnsafeBufferPointer<UInt8>, after position: Int, limit: Int) -> Int {
        var index = position
        while index < limit {
            if text[index] == 0x0A, lineFeed(text, before: index, limit: position) != nil { return index }
            index += 1
        }
        return limit
    }

    /// The line feed that ends the line before the one ending at `index`, when that line holds only spaces,
    /// tabs or a carriage return: the two line feeds of a blank line.
    @inline(__always) static func lineFeed(_ text: UnsafeBufferPointer<UInt8>, before index: Int, limit: Int) -> Int? {
        var back = index - 1
        while back >= limit && (text[back] == 0x20 || text[back] == 0x09 || text[back] == 0x0D) { back -= 1 }
        return back >= limit && text[back] == 0x0A ? back : nil
    }

    /// The words of a range of text, lower-cased, as UTF-8 bytes (`Words`).
    static func words(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [[UInt8]] {
        Words(text, range).ranges.map { text[$0].map(lowercased) }
    }

    /// Words (letters, digits, underscores and any other character that is not punctuation or space, with an
    /// apostrophe inside) and single punctuation marks, as ranges of the text. A character cut in two at
    /// either end of the range is skipped.
    struct Words {
        var ranges: [Range<Int>] = []

        init() {}

        init(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) { read(text, range) }

        /// Replaces `ranges` with the words of `range`, keeping the buffer.
        mutating func read(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            ranges.removeAll(keepingCapacity: true)
            var position = range.lowerBound
            while position < range.upperBound && text[position] & 0xC0 == 0x80 { position += 1 }
            ranges.reserveCapacity(24)
            var wordStart = -1
            var apostrophe = -1..<(-1)
            func flush() {
                if wordStart >= 0 { ranges.append(wordStart..<(apostrophe.isEmpty ? position : apostrophe.lowerBound)) }
                if !apostrophe.isEmpty { ranges.append(apostrophe) }
                wordStart = -1
                apostrophe = -1..<(-1)
            }
            while position < range.upperBound {
                let byte = text[position]
                let length = byte < 0x80 ? 1 : sequenceLength(byte)
                if position + length > range.upperBound { break }
                let here = position..<(position + length)
                switch byte < 0x80 ? asciiKind(byte) : kind(text, here) {
                case .space:
                    flush()
                case .apostrophe where wordStart >= 0 && apostrophe.isEmpty:
                    apostrophe = here
                case .word:
                    if wordStart < 0 { wordStart = position }
                    apostrophe = -1..<(-1)
                case .apostrophe, .punctuation:
                    flush()
                    ranges.append(here)
                }
                position += length
            }
            flush()
        }
    }

    enum Kind { case word, space, apostrophe, punctuation }

    /// A punctuation mark or an apostrophe standing alone: `Words` gives each its own range, and a word never
    /// starts with one.
    @inline(__always) static func isMark(_ text: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        let lead = text[word.lowerBound]
        if lead < 0x80 { return asciiKind(lead) != .word }
        let first = word.lowerBound..<min(word.upperBound, word.lowerBound + sequenceLength(lead))
        return kind(text, first) != .word
    }

    @inline(__always) static func asciiKind(_ byte: UInt8) -> Kind {
        switch byte {
        case 0x61...0x7A, 0x41...0x5A, 0x30...0x39, 0x5F: return .word
        case 0x20, 0x09...0x0D: return .space
        case 0x27: return .apostrophe
        default: return .punctuation
        }
    }

    static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0..<0x80: return 1
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        case 0xF0...: return 4
        default: return 1
        }
    }

    /// The kind of a character of two to four bytes.
    static func kind(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Kind {
        var scalar: UInt32 = UInt32(text[range.lowerBound]) & (range.count == 2 ? 0x1F : range.count == 3 ? 0x0F : 0x07)
        for index in (range.lowerBound + 1)..<range.upperBound { scalar = scalar << 6 | UInt32(text[index] & 0x3F) }
        switch scalar {
        case 0x2019: return .apostrophe
        case 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return .space
        case 0xA1...0xBF, 0xD7, 0xF7, 0x2010...0x2027, 0x2030...0x205E, 0x3001...0x3003: return .punctuation
        default: return .word
        }
    }

    static func contains(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ needle: [UInt8]) -> Bool {
        guard range.count >= needle.count else { return false }
        var index = range.lowerBound
        while index + needle.count <= range.upperBound {
            if text[index] == needle[0] {
                var matched = true
                for offset in 1..<needle.count where text[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return true }
            }
            index += 1
        }
        return false
    }
}
