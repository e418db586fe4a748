import CandorText
import Foundation

/// A rule whose matches are whole sentences chosen by a trained model instead of phrase patterns: a logistic
/// regression over a sentence's words, word pairs and word triples (`lexicons/intent-sentences.tsv`, trained on
/// the labelled real-text corpus by `fixtures/real/tools/train_sentence_model.py`).
///
/// Phrase patterns catch the wording they were written for; a fresh gathering of real statements brings its own
/// ("I would never want anyone to feel that way", "we were madly in love"), and rounds of new patterns found
/// almost none of it (docs/accuracy.md, round 29). A model over words generalises to wording it has not seen, so
/// it proposes the sentences the patterns miss. Its finding goes when a pattern rule of the same category flags
/// words in the same sentence: the pattern's finding is the more precise.
///
/// The file has the candidate scorer's format (`CandidateScorer`): `threshold`, `intercept` and one feature per
/// line. A sentence's features are `w:WORD`, `b:WORD WORD` and `t:WORD WORD WORD`, each counted once, and the
/// score is the intercept plus the sum of their weights divided by the square root of how many distinct features
/// the sentence has (known to the model or not). A word is a run of ASCII letters, digits and apostrophes
/// (curly ones read as straight), lower-cased; any other character separates words. Only sentences with a
/// first-person word are scored: intent language is the speaker's own, and it keeps the model off most text.
public struct SentenceModel: Sendable {
    let weights: CandidateScorer

    /// A sentence is a match when its probability is at least this.
    public var threshold: Double { weights.threshold }

    public init(parsing text: String, path: String) throws {
        weights = try CandidateScorer(parsing: text, path: path)
    }

    init(weights: CandidateScorer) { self.weights = weights }

    /// The words of a sentence that make it the speaker's: the model scores only sentences with one of them.
    static let firstPerson: [[UInt8]] =
        ["i", "i'm", "i've", "i'd", "me", "my", "myself", "we", "we're", "we've", "our", "us"].map { Array($0.utf8) }

    /// Buffers one caller reuses from sentence to sentence, so scoring allocates nothing in the steady state.
    public struct Scratch {
        var lowered: [UInt8] = []
        var wordStarts: [Int] = []
        var features: [UInt64] = []
        var seen: [UInt64] = []
        var used: [Int] = []

        public init() {}
    }

    /// The probability that a careful editor would label the sentence at `range` of `text`; nil when it has no
    /// first-person word, so the model does not judge it.
    public func probability(text: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Double? {
        var scratch = Scratch()
        return probability(text: text, range: range, scratch: &scratch)
    }

    public func probability(text: UnsafeBufferPointer<UInt8>, range: Range<Int>, scratch: inout Scratch) -> Double? {
        // The buffers are moved out of `scratch` and back, so that the loops below work on plain locals.
        var lowered = scratch.lowered
        var starts = scratch.wordStarts
        var features = scratch.features
        scratch = Scratch()
        defer {
            scratch.lowered = lowered
            scratch.wordStarts = starts
            scratch.features = features
        }
        // The words, lower-cased, one after another in `lowered`; `starts` holds where each begins and, last,
        // where the last one ends.
        lowered.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        var inWord = false
        var index = range.lowerBound
        while index < range.upperBound {
            var byte = text[index]
            var isWordByte = true
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"): break
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte += 32
            case 0xE2
            where index + 2 < range.upperBound && text[index + 1] == 0x80
                && (text[index + 2] == 0x98 || text[index + 2] == 0x99):
                // U+2018 and U+2019, the curly apostrophes
                byte = UInt8(ascii: "'")
                index += 2
            default: isWordByte = false
            }
            if isWordByte {
                if !inWord { starts.append(lowered.count) }
                lowered.append(byte)
            }
            inWord = isWordByte
            index += 1
        }
        let count = starts.count
        starts.append(lowered.count)
        features.removeAll(keepingCapacity: true)
        let speaker = lowered.withUnsafeBufferPointer { lowered in
            starts.withUnsafeBufferPointer { starts in
                Self.hasFirstPerson(lowered, starts, count)
                    && {
                        Self.hashFeatures(lowered, starts, count, into: &features)
                        return true
                    }()
            }
        }
        guard speaker else { return nil }
        return probability(features: features, seen: &scratch.seen, used: &scratch.used)
    }

    private static func hasFirstPerson(
        _ lowered: UnsafeBufferPointer<UInt8>, _ starts: UnsafeBufferPointer<Int>, _ count: Int
    ) -> Bool {
        for index in 0..<count {
            let word = UnsafeBufferPointer(rebasing: lowered[starts[index]..<starts[index + 1]])
            if word.count <= 6 && firstPerson.contains(where: { $0.elementsEqual(word) }) { return true }
        }
        return false
    }

    /// `w:`, `b:` and `t:` features, each hashed as its name would be (`CandidateScorer.hash`).
    private static func hashFeatures(
        _ lowered: UnsafeBufferPointer<UInt8>, _ starts: UnsafeBufferPointer<Int>, _ count: Int,
        into features: inout [UInt64]
    ) {
        @inline(__always) func hash(_ prefix: UInt8, _ first: Int, _ length: Int) -> UInt64 {
            var hash = CandidateScorer.fnv(CandidateScorer.fnv(0xcbf2_9ce4_8422_2325, prefix), UInt8(ascii: ":"))
            for word in first..<first + length {
                if word > first { hash = CandidateScorer.fnv(hash, UInt8(ascii: " ")) }
                for position in starts[word]..<starts[word + 1] { hash = CandidateScorer.fnv(hash, lowered[position]) }
            }
            return hash
        }
        for index in 0..<count {
            features.append(hash(UInt8(ascii: "w"), index, 1))
            if index + 1 < count { features.append(hash(UInt8(ascii: "b"), index, 2)) }
            if index + 2 < count { features.append(hash(UInt8(ascii: "t"), index, 3)) }
        }
    }

    /// The probability of a sentence with these feature hashes, each counted once however often it occurs.
    /// `seen` is an open-addressing set, emptied again after use, so that counting each once allocates and sorts
    /// nothing in the steady state.
    func probability(features: [UInt64], seen: inout [UInt64], used: inout [Int]) -> Double {
        if features.isEmpty { return 0 }
        var size = max(seen.count, 256)
        while size < features.count * 2 { size *= 2 }
        if seen.count != size { seen = [UInt64](repeating: 0, count: size) }
        let mask = size - 1
        var sum = 0.0
        used.removeAll(keepingCapacity: true)
        seen.withUnsafeMutableBufferPointer { slots in
            for feature in features {
                // 0 marks an empty slot; a feature whose hash is 0 (never, in practice) is stored as 1.
                let key = feature == 0 ? 1 : feature
                var slot = Int(truncatingIfNeeded: key >> 7) & mask
                while slots[slot] != 0 && slots[slot] != key { slot = (slot + 1) & mask }
                if slots[slot] == key { continue }
                slots[slot] = key
                used.append(slot)
                sum += weights.weight(feature)
            }
            for slot in used { slots[slot] = 0 }
        }
        let score = weights.intercept + sum / Double(used.count).squareRoot()
        return 1 / (1 + exp(-score))
    }

    // MARK: Embedding

    public func encoded() -> [UInt8] { weights.encoded() }

    public init?(encoded bytes: [UInt8]) {
        guard let weights = CandidateScorer(encoded: bytes) else { return nil }
        self.weights = weights
    }

    public init?(base64 text: StaticString) {
        guard let weights = CandidateScorer(base64: text) else { return nil }
        self.weights = weights
    }
}
