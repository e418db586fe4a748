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
        weights = try CandidateScorer(parsing: text, path: path, hash: Self.hash)
    }

    init(weights: CandidateScorer) { self.weights = weights }

    /// The words of a sentence that make it the speaker's: the model scores only sentences with one of them.
    static let firstPerson: [UInt64] = [
        "i", "i'm", "i've", "i'd", "me", "my", "myself", "we", "we're", "we've", "our", "us"
    ]
    .map { wordHash(Array($0.utf8)[...]) }

    /// Buffers one caller reuses from sentence to sentence, so scoring allocates nothing in the steady state.
    public struct Scratch {
        var words: [UInt64] = []
        var features: [UInt64] = []
        var seen: [UInt64] = []
        var used: [Int] = []

        public init() {}
    }

    // MARK: Hashing

    /// The hash of a feature's name, `w:WORD`, `b:WORD WORD` or `t:WORD WORD WORD`, built from its words' hashes
    /// as `sentences` builds it from the text: each word's bytes are hashed once however many features it is in.
    public static func hash(_ name: String) -> UInt64 {
        let bytes = Array(name.utf8)
        // A name of another shape is kept, under a hash no sentence's feature has.
        guard bytes.count > 2, bytes[1] == UInt8(ascii: ":") else { return CandidateScorer.hash(name) }
        var hash = begin(bytes[0])
        for word in bytes[2...].split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false) {
            hash = extend(hash, wordHash(word))
        }
        return finish(hash)
    }

    static func wordHash(_ word: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = CandidateScorer.fnv(hash, byte) }
        return hash
    }

    @inline(__always) static func begin(_ kind: UInt8) -> UInt64 { UInt64(kind) &* 0x9E37_79B9_7F4A_7C15 }

    @inline(__always) static func extend(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
        return mixed ^ (mixed >> 31)
    }

    /// SplitMix64's finaliser: lookups take their slot from the middle bits, so every bit must be mixed in.
    @inline(__always) static func finish(_ hash: UInt64) -> UInt64 {
        var hash = hash
        hash ^= hash >> 30
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 27
        hash = hash &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 31)
    }

    // MARK: Scoring

    /// The probability that a careful editor would label the sentence at `range` of `text`, read as one
    /// sentence; nil when it has no first-person word, so the model does not judge it.
    public func probability(text: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Double? {
        var scratch = Scratch()
        var result: Double?
        scan(text: text, range: range, splitting: false, scratch: &scratch) { _, probability in
            result = probability
        }
        return result
    }

    /// Calls `found` with the range of each sentence of the block at `range` that the model chooses (its
    /// probability is at least `threshold`), from its first word to its last.
    ///
    /// Sentences are split as the training script splits them (`train_sentence_model.py`): after `.`, `!` or `?`,
    /// and a closing `"`, `”` or `’` if one follows, where white space follows; and at every line break. That
    /// is coarser than the tokenizer's sentences (it splits after "Mr."), but it is what the model learnt from,
    /// and it needs no sentence boundaries: most blocks a model reads have no match of any rule, and would
    /// otherwise need them for nothing.
    public func sentences(
        text: UnsafeBufferPointer<UInt8>, range: Range<Int>, scratch: inout Scratch, found: (Range<Int>) -> Void
    ) {
        let threshold = weights.threshold
        scan(text: text, range: range, splitting: true, scratch: &scratch) { sentence, probability in
            if probability >= threshold { found(sentence) }
        }
    }

    /// Each byte as a word byte: ASCII letters lower-cased, digits and the apostrophe as they are; 0 for a byte
    /// that is not part of a word.
    /// A pointer, allocated once and never freed, so the loop reading it pays for no array access.
    nonisolated(unsafe) static let wordBytes: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for value in 0..<256 {
            switch UInt8(value) {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"):
                table[value] = UInt8(value)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): table[value] = UInt8(value) + 32
            default: table[value] = 0
            }
        }
        return UnsafePointer(table)
    }()

    /// Reads the words of `range` once: each word's bytes are hashed as they go by (ASCII letters lower-cased,
    /// curly apostrophes read as straight), and at each sentence's end a sentence with a first-person word is
    /// scored.
    private func scan(
        text: UnsafeBufferPointer<UInt8>, range: Range<Int>, splitting: Bool, scratch: inout Scratch,
        scored: (Range<Int>, Double) -> Void
    ) {
        var reader = Reader(scratch: scratch)
        // Taken out of `scratch` (and put back), so the buffers are not shared while the reader appends to them.
        scratch = Scratch()
        defer { scratch = reader.scratch }
        let end = range.upperBound
        let wordBytes = Self.wordBytes
        // 2 just after a sentence's closing `.`, `!` or `?`; 1 after a closing quotation mark too; else 0.
        var closing = 0
        var index = range.lowerBound
        while index < end {
            var byte = wordBytes[Int(text[index])]
            if byte != 0 {
                // The common case: the letters, digits and apostrophes of a word, hashed in a register.
                let first = index
                var hash = reader.wordStart < 0 ? 0xcbf2_9ce4_8422_2325 : reader.hash
                repeat {
                    hash = CandidateScorer.fnv(hash, byte)
                    index += 1
                    if index == end { break }
                    byte = wordBytes[Int(text[index])]
                } while byte != 0
                reader.add(hash: hash, bytes: index - first, from: first)
                closing = 0
                continue
            }
            byte = text[index]
            if byte == 0xE2 && index + 2 < end && text[index + 1] == 0x80 {
                let last = text[index + 2]
                // U+2018 and U+2019, the curly apostrophes, are read as straight ones, except that U+2019 straight
                // after a sentence's end closes a quotation, like U+201D.
                if (last == 0x98 || last == 0x99)
                    && !(splitting && closing == 2 && reader.wordStart < 0 && last == 0x99)
                {
                    reader.add(UInt8(ascii: "'"), at: index)
                    closing = 0
                } else {
                    reader.endWord(at: index)
                    closing = (last == 0x99 || last == 0x9D) && closing == 2 ? 1 : 0
                }
                index += 3
                continue
            }
            reader.endWord(at: index)
            index += 1
            guard splitting else { continue }
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): closing = 2
            case UInt8(ascii: "\""): closing = closing == 2 ? 1 : 0
            case 0x0A:
                reader.endSentence(self, scored)
                closing = 0
            case 0x20, 0x09, 0x0B, 0x0C, 0x0D:
                if closing > 0 { reader.endSentence(self, scored) }
                closing = 0
            default: closing = 0
            }
        }
        reader.endWord(at: end)
        reader.endSentence(self, scored)
    }

    /// The words of the sentence being read, as `scan` finds them.
    private struct Reader {
        var scratch: Scratch
        var sentenceStart = -1
        var sentenceEnd = -1
        var speaker = false
        var wordStart = -1
        var wordLength = 0
        var hash: UInt64 = 0

        init(scratch: Scratch) {
            self.scratch = scratch
            self.scratch.words.removeAll(keepingCapacity: true)
        }

        /// Continues the current word, or starts one at `index`, with bytes already hashed into `hash`.
        @inline(__always) mutating func add(hash: UInt64, bytes: Int, from index: Int) {
            if wordStart < 0 {
                wordStart = index
                wordLength = 0
            }
            self.hash = hash
            wordLength += bytes
        }

        @inline(__always) mutating func add(_ byte: UInt8, at index: Int) {
            if wordStart < 0 {
                wordStart = index
                wordLength = 0
                hash = 0xcbf2_9ce4_8422_2325
            }
            hash = CandidateScorer.fnv(hash, byte)
            wordLength += 1
        }

        @inline(__always) mutating func endWord(at end: Int) {
            guard wordStart >= 0 else { return }
            if wordLength <= 6 && !speaker {
                for word in SentenceModel.firstPerson where word == hash { speaker = true }
            }
            scratch.words.append(hash)
            if sentenceStart < 0 { sentenceStart = wordStart }
            sentenceEnd = end
            wordStart = -1
        }

        mutating func endSentence(_ model: SentenceModel, _ scored: (Range<Int>, Double) -> Void) {
            if speaker && !scratch.words.isEmpty {
                SentenceModel.features(of: scratch.words, into: &scratch.features)
                let probability = model.probability(
                    features: scratch.features, seen: &scratch.seen, used: &scratch.used)
                scored(sentenceStart..<sentenceEnd, probability)
            }
            scratch.words.removeAll(keepingCapacity: true)
            sentenceStart = -1
            speaker = false
        }
    }

    /// A sentence's `w:`, `b:` and `t:` features, from its words' hashes.
    static func features(of words: [UInt64], into features: inout [UInt64]) {
        features.removeAll(keepingCapacity: true)
        let count = words.count
        for index in 0..<count {
            let word = extend(begin(UInt8(ascii: "w")), words[index])
            features.append(finish(word))
            if index + 1 < count {
                let pair = extend(extend(begin(UInt8(ascii: "b")), words[index]), words[index + 1])
                features.append(finish(pair))
            }
            if index + 2 < count {
                let triple = extend(
                    extend(extend(begin(UInt8(ascii: "t")), words[index]), words[index + 1]), words[index + 2])
                features.append(finish(triple))
            }
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
