import CandorRules
import CandorText
import Foundation

/// What the message tests need to know about a whole draft, gathered in the same pass as linting.
public struct TextStatistics: Sendable {
    /// A phrase from a named signal list (lexicons' `signals:`), located in the source.
    public struct SignalHit: Equatable, Sendable {
        public var signal: String
        public var offset: Int
        public var length: Int
        public var match: String = ""
        public var line: Int = 0
        public var column: Int = 0
        /// A document-wide sentence number, to relate hits to each other.
        public var sentence: Int
        public var paragraph: Int
        /// For harm verbs: whether the clause names who did it (active voice, or a passive with "by").
        public var hasAgent: Bool?
    }

    public var signals: [SignalHit] = []
    public var words = 0
    public var sentences = 0
    public var syllables = 0
    public var paragraphs = 0
    /// Word counts of sentences longer than `longSentence` words, with the source offset of their start.
    public var longSentences: [(offset: Int, words: Int, line: Int)] = []
    public static let longSentence = 30

    public init() {}

    public func hits(_ signal: String) -> [SignalHit] { signals.filter { $0.signal == signal } }

    static let auxiliaries: Set<String> = [
        "was", "were", "been", "being", "is", "are", "be", "get", "gets", "got",
        "getting", "am", "'s", "had", "has", "have"
    ]

    mutating func add(
        block: ProseBlock, tokens: [Token], matches: [RawMatch], text: UnsafeBufferPointer<UInt8>,
        ruleSet: RuleSet, map: OffsetMap
    ) {
        paragraphs += 1
        let firstSentence = sentences
        var sentenceWords: [Int32: (count: Int, start: Int)] = [:]
        var lastSentence: Int32 = -1
        for token in tokens where token.kind == .word || token.kind == .number {
            words += 1
            if token.kind == .word { syllables += Self.syllables(text, Int(token.start)..<Int(token.end)) }
            if token.sentence != lastSentence {
                lastSentence = token.sentence
                if sentenceWords[token.sentence] == nil { sentenceWords[token.sentence] = (0, Int(token.start)) }
            }
            sentenceWords[token.sentence]!.count += 1
        }
        sentences += sentenceWords.count
        for (_, value) in sentenceWords where value.count > Self.longSentence {
            longSentences.append((map.sourceStart(value.start), value.count, 0))
        }
        func word(_ index: Int) -> String {
            String(decoding: text[Int(tokens[index].start)..<Int(tokens[index].end)], as: UTF8.self).lowercased()
                .replacingOccurrences(of: "’", with: "'")
        }
        for match in matches {
            guard case .signal(let index) = ruleSet.roles[Int(match.pattern)] else { continue }
            let name = ruleSet.signalNames[index]
            let start = map.sourceStart(Int(tokens[Int(match.first)].start))
            let end = map.sourceEnd(Int(tokens[Int(match.last)].end))
            let sentence = tokens[Int(match.first)].sentence
            var hit = SignalHit(
                signal: name, offset: start, length: end - start,
                sentence: firstSentence + Int(sentence), paragraph: paragraphs - 1)
            if name == "harm-verb" {
                // Passive when an auxiliary stands right before the verb; then only "by" names the agent.
                var previous = Int(match.first) - 1
                while previous >= 0 && (tokens[previous].kind == .space || tokens[previous].kind == .punctuation) {
                    previous -= 1
                }
                if previous >= 0 && tokens[previous].sentence == sentence && Self.auxiliaries.contains(word(previous)) {
                    var next = Int(match.last) + 1
                    var agent = false
                    while next < tokens.count && tokens[next].sentence == sentence {
                        if tokens[next].kind == .word && word(next) == "by" {
                            agent = true
                            break
                        }
                        next += 1
                    }
                    hit.hasAgent = agent
                } else {
                    hit.hasAgent = previous >= 0 && tokens[previous].sentence == sentence
                }
            }
            signals.append(hit)
        }
    }

    mutating func locate(with lines: LineIndex, source: [UInt8]) {
        for index in signals.indices {
            let hit = signals[index]
            (signals[index].line, signals[index].column) = lines.position(of: hit.offset)
            signals[index].match = String(decoding: source[hit.offset..<(hit.offset + hit.length)], as: UTF8.self)
        }
        for index in longSentences.indices {
            longSentences[index].line = lines.position(of: longSentences[index].offset).line
        }
    }

    /// Vowel groups, a standard English estimate (Flesch-Kincaid needs syllables, and ICU has no count).
    static func syllables(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        var previousVowel = false
        var last: UInt8 = 0
        var letters = 0
        for index in range {
            let byte = Folding.lowerASCII(text[index])
            guard byte < 0x80 else { return max(1, count) }
            let vowel = byte == 97 || byte == 101 || byte == 105 || byte == 111 || byte == 117 || byte == 121
            if vowel && !previousVowel { count += 1 }
            previousVowel = vowel
            last = byte
            letters += 1
        }
        if last == 101 && count > 1 && letters > 2 { count -= 1 }  // silent final e
        return max(1, count)
    }
}
