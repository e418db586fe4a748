import Foundation
import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

/// The fast path must agree with ICU exactly: every boundary, every token kind, every capital, every folded form.
@Suite struct FastWordBreakerTests {
    func compare(_ text: String) -> String? {
        let fast = try! Tokenizer()
        let icu = try! Tokenizer()
        icu.useFastPath = false
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> String? in
            let a = fast.tokenize(buffer, range: 0..<buffer.count, vocabulary: Vocabulary())
            let b = icu.tokenize(buffer, range: 0..<buffer.count, vocabulary: Vocabulary())
            if a == b { return nil }
            let index = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            func show(_ tokens: [Token]) -> String {
                tokens[max(0, index - 1)..<min(tokens.count, index + 2)]
                    .map {
                        "\"\(String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self))\"(\($0.kind), capital \($0.isCapitalized))"
                    }
                    .joined(separator: " ")
            }
            return "fast: \(show(a))\nicu:  \(show(b))"
        }
    }

    func takesFastPath(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { FastWordBreaker.supports($0) }
    }

    /// Every non-ASCII character the fast path handles.
    static let typographic: [Character] = [
        "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2013}", "\u{2014}",
        "\u{2026}", "\u{00A0}"
    ]
    static let latinLetters: [Character] = (0xC0...0xFF).filter { $0 != 0xD7 && $0 != 0xF7 }
        .map { Character(Unicode.Scalar(UInt32($0))!) }

    @Test(arguments: [
        "a:b a.b a'b 3.5 3,5 3;5 a_b _ __ _1 1_ a__b", "a  b a\t\tb \r\n\r\n a\n\nb x' 'x 1'2 a;b a,b 1.a",
        "e.g. U.S.C. 3rd \"a\" a-b 1:2 a:1 1,000,000.50 don't won't rock'n'roll 'tis o'clock",
        "He said, \"I never meant to.\" She didn't--not once. (Really?) [sic] {x} <b> a/b a\\b @name #tag $5 50% ^_^ ~ `code`",
        "1.2.3 a.1 1.a.b ..a a.. ,,1 1,, _a_ a_1_b 9_9 .5 5. '5 5' a'' ''a x.'y",
        "“I didn’t—not once…” ‘tis 3’5 a’’b ’a a’ rock’n’roll 1‘2 a‘b “a”b a–b a—b a…b a…",
        "José Ñúñez, Zoë, Ångström, naïve café, Straße, ÀÉÎÕÜ ÿ Ø ø Þ þ ð Æ æ É1 1é é_é é.é é’é é'1",
        "a\u{00A0}b a\u{00A0}\u{00A0}b \u{00A0} \u{00A0}a 5\u{00A0}000 Mr.\u{00A0}Smith a \u{00A0} b",
        "× ÷ · ª º µ € ² é\u{0301} \u{00AD}a"
    ])
    func knownCases(text: String) {
        #expect(compare(text) == nil, "\(compare(text) ?? "")")
    }

    @Test func typographicTextTakesTheFastPath() {
        #expect(takesFastPath("“I didn’t—not once…” José Ñúñez–Zoë\u{00A0}Straße ÿ"))
        // Characters outside the set send the whole block to ICU: Latin-1 marks that are not letters, a
        // combining accent, a soft hyphen (Format, which UAX #29 skips over), the euro sign.
        for other in ["×", "÷", "·", "ª", "µ", "é\u{0301}", "\u{00AD}", "€", "\u{2022}", "\u{201A}"] {
            #expect(!takesFastPath("a \(other) b"), "\(other.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Random strings over an alphabet chosen to exercise every rule, deterministically.
    func generated(alphabet: [String], rounds: Int, length: Int, seed: UInt64) -> (failure: String?, fast: Int) {
        var state = seed
        var fast = 0
        for round in 0..<rounds {
            var text = ""
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += alphabet[Int(state >> 33) % alphabet.count]
            }
            if takesFastPath(text) { fast += 1 }
            if let difference = compare(text) {
                return ("round \(round): \(text.debugDescription)\n\(difference)", fast)
            }
        }
        return (nil, fast)
    }

    @Test func generatedASCIIText() {
        let alphabet = "aZ9_.',;: \t\r\n\"-!?()x0@#/".map(String.init)
        let result = generated(alphabet: alphabet, rounds: 2000, length: 80, seed: 12345)
        #expect(result.failure == nil, "\(result.failure ?? "")")
        #expect(result.fast == 2000)
    }

    @Test func generatedTypographicText() {
        // The ASCII alphabet above, every typographic character and a sample of Latin-1 letters, weighted so
        // that they meet each other and the ASCII rules often.
        var alphabet = "aZ9_.',;: \n\"-x0@".map(String.init)
        alphabet += Self.typographic.map(String.init) + Self.typographic.map(String.init)
        alphabet += ["é", "É", "ß", "ñ", "Ø", "ÿ", "Þ", "à", "Ö"]
        let result = generated(alphabet: alphabet, rounds: 3000, length: 60, seed: 2026)
        #expect(result.failure == nil, "\(result.failure ?? "")")
        #expect(result.fast == 3000)
    }

    @Test func generatedLatinLetters() {
        var alphabet = Self.latinLetters.map(String.init) + "a.'1 ".map(String.init)
        alphabet += ["\u{2019}", "\u{2018}", "\u{00A0}"]
        let result = generated(alphabet: alphabet, rounds: 1000, length: 40, seed: 99)
        #expect(result.failure == nil, "\(result.failure ?? "")")
        #expect(result.fast == 1000)
    }

    @Test func generatedMixedWithOtherCharacters() {
        // Now and then a character the fast path does not handle: those blocks go to ICU, the rest must not change.
        var alphabet = "ab1 .'\nab1 .'\n".map(String.init) + Self.typographic.map(String.init) + ["é", "Å"]
        alphabet += ["×", "·", "€", "é\u{0301}"]
        let result = generated(alphabet: alphabet, rounds: 1000, length: 8, seed: 7)
        #expect(result.failure == nil, "\(result.failure ?? "")")
        #expect(result.fast > 100 && result.fast < 1000)
    }

    @Test func foldingAgreesWithICU() {
        let characters = Self.typographic + Self.latinLetters + Array("aZ'-. ")
        for character in characters {
            for text in [String(character), "A\(character)b", "\(character)\(character)Ö"] {
                let bytes = Array(text.utf8)
                bytes.withUnsafeBufferPointer { buffer in
                    #expect(Folding.foldCommon(buffer) == Folding.foldWithICU(buffer), "\(text.debugDescription)")
                }
            }
        }
        Array("a€b".utf8).withUnsafeBufferPointer { #expect(Folding.foldCommon($0) == nil) }
    }

    @Test func realText() throws {
        let folders = ["fixtures/drafts", "fixtures/labelled", "fixtures/heldout", "fixtures/real", "docs"]
            .map { TestSupport.packageRoot.appendingPathComponent($0) }
        var checked = 0
        var typographicLines = 0
        for folder in folders {
            // Text files only: docs/ also holds a screenshot.
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            where name.contains(".") && !name.hasSuffix(".png") {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                // Line by line, so that a line with a character outside the set does not send the whole file to ICU.
                for line in text.split(separator: "\n") where takesFastPath(String(line)) {
                    if line.utf8.contains(where: { $0 >= 0x80 }) { typographicLines += 1 }
                    #expect(compare(String(line)) == nil, "\(name): \(compare(String(line)) ?? "")")
                }
                checked += 1
            }
        }
        #expect(checked > 20)
        #expect(typographicLines > 100)
    }
}
