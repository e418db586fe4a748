import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

@Suite struct TokenizerTests {
    let tokenizer = try! Tokenizer()

    func tokens(_ text: String, vocabulary: Vocabulary = Vocabulary()) -> [(String, TokenKind, Int32)] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var tokens = tokenizer.tokenize(buffer, range: 0..<buffer.count, vocabulary: vocabulary)
            tokenizer.assignSentences(&tokens, text: buffer, range: 0..<buffer.count)
            return tokens.map {
                (String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self), $0.kind, $0.sentence)
            }
        }
    }

    @Test func wordsNumbersPunctuationAndSpaces() {
        let result = tokens("She didn't report it in 2019, he said.")
        #expect(
            result.map(\.0) == [
                "She", " ", "didn't", " ", "report", " ", "it", " ", "in", " ", "2019", ",", " ", "he", " ", "said", "."
            ])
        #expect(result[10].1 == .number)
        #expect(result[11].1 == .punctuation)
        #expect(result[1].1 == .space)
        #expect(result[2].1 == .word)
    }

    @Test func curlyApostropheStaysInsideTheWord() {
        #expect(tokens("didn’t").map(\.0) == ["didn’t"])
    }

    /// The masked word becomes one token with the listed word's symbol; everything else is untouched.
    func unmasked(_ text: String) -> [(String, String?)] {
        var vocabulary = Vocabulary()
        for word in ["sex", "sexual", "sexually", "rape", "scandal"] { vocabulary.intern(word) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            tokenizer.tokenize(buffer, range: 0..<buffer.count, vocabulary: vocabulary)
                .filter { $0.kind != .space }
                .map {
                    (
                        String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self),
                        $0.symbol >= 0 ? vocabulary.word($0.symbol) : nil
                    )
                }
        }
    }

    @Test(arguments: [
        ("S*x scandal", "S*x", "sex"),
        ("a s-ex storm", "s-ex", "sex"),
        ("in s-exual relationships", "s-exual", "sexual"),
        ("was s*xually assaulted", "s*xually", "sexually"),
        ("School Hit by S E X Scandal", "S E X", "sex"),
        ("charged with r*pe", "r*pe", "rape"),
        ("a s** scandal", "s**", "sex")
    ])
    func maskedWordsReadAsTheWordTheyHide(text: String, masked: String, word: String) {
        let result = unmasked(text)
        #expect(result.contains { $0.0 == masked && $0.1 == word }, "\(result)")
    }

    @Test(arguments: [
        "Sexual activity* and the sex* figures",  // footnote stars after whole words
        "ex-sex workers",  // a hyphen inside a longer word
        "S E C rules",  // spaced capitals that spell no listed word
        "r-value and s-curve",
        "S. E. Xavier"
    ])
    func wordsThatMaskNothingAreLeftAlone(text: String) {
        let plain = text.utf8.split(whereSeparator: { $0 == 0x20 }).count
        let result = unmasked(text)
        #expect(result.allSatisfy { $0.1 == nil || ["sex", "sexual", "sexually", "rape"].contains($0.0.lowercased()) })
        #expect(result.count >= plain, "\(result)")
    }

    @Test func hyphenatedWordsSplitAtTheHyphen() {
        #expect(tokens("14-year-old").map(\.0) == ["14", "-", "year", "-", "old"])
    }

    @Test func sentencesDoNotBreakAfterTitles() {
        let result = tokens("Mr. Smith resigned. Dr. Jones stayed.")
        let sentenceOfJones = result.first { $0.0 == "Jones" }!.2
        let sentenceOfSmith = result.first { $0.0 == "Smith" }!.2
        #expect(sentenceOfSmith == 0)
        #expect(sentenceOfJones == 1)
    }

    @Test func hardWrappedLinesStayInOneSentenceButBlankLinesEndIt() {
        let wrapped = tokens("He resigned over sexual\nmisconduct claims.")
        #expect(Set(wrapped.map(\.2)).count == 1)
        let split = tokens("Heading\n\nBody text")
        #expect(split.first { $0.0 == "Body" }!.2 > split.first { $0.0 == "Heading" }!.2)
    }

    @Test func offsetsAreSourceBytesWhateverTheScript() {
        let text = "Проверка 😀 测试 e\u{301}cole 👩‍👩‍👧 abuse"
        let bytes = Array(text.utf8)
        let all = bytes.withUnsafeBufferPointer {
            tokenizer.tokenize($0, range: 0..<$0.count, vocabulary: Vocabulary())
        }
        // Tokens tile the input exactly: no gaps, no overlaps, ending at the last byte.
        var expected: Int32 = 0
        for token in all {
            #expect(token.start == expected)
            expected = token.end
        }
        #expect(Int(expected) == bytes.count)
        #expect(tokens(text).last!.0 == "abuse")
    }

    @Test func tokenizesASubrangeWithAbsoluteOffsets() {
        let bytes = Array("xx hello world".utf8)
        let result = bytes.withUnsafeBufferPointer { tokenizer.tokenize($0, range: 3..<14, vocabulary: Vocabulary()) }
        #expect(result.first?.start == 3)
        #expect(result.last?.end == 14)
    }

    @Test func foldingNormalisesCaseQuotesAndDashes() {
        #expect(Folding.fold("Didn’t") == "didn't")
        #expect(Folding.fold("“Quoted”") == "\"quoted\"")
        #expect(Folding.fold("a–b—c") == "a-b-c")
        #expect(Folding.fold("STRASSE") == Folding.fold("Straße"))
        #expect(Folding.fold("ＡＢＵＳＥ") == "abuse")
    }

    @Test func vocabularyLooksUpRawTextByItsFoldedForm() {
        var vocabulary = Vocabulary()
        let id = vocabulary.intern("didn't")
        let other = vocabulary.intern("abuse")
        for raw in ["Didn’t", "DIDN'T", "didn't"] {
            let bytes = Array(raw.utf8)
            #expect(bytes.withUnsafeBufferPointer { vocabulary.lookup($0) } == id)
        }
        #expect(Array("Abuse".utf8).withUnsafeBufferPointer { vocabulary.lookup($0) } == other)
        #expect(Array("unknown".utf8).withUnsafeBufferPointer { vocabulary.lookup($0) } == Vocabulary.unknown)
        for index in 0..<5000 { vocabulary.intern("word\(index)") }
        #expect(
            Array("WORD4999".utf8).withUnsafeBufferPointer { vocabulary.lookup($0) } == vocabulary.intern("word4999"))
        #expect(vocabulary.word(id) == "didn't")
    }
}
