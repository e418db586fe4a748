import Foundation
import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

/// The fast sentence path must agree with ICU's "en@ss=standard" sentence iterator, boundary for boundary.
@Suite struct FastSentenceBreakerTests {
    let fast = try! Tokenizer()
    let icu: Tokenizer = {
        let tokenizer = try! Tokenizer()
        tokenizer.useFastPath = false
        return tokenizer
    }()

    /// nil when both agree, else where they part.
    func compare(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> String? in
            let a = fast.sentenceEnds(buffer)
            let b = icu.sentenceEnds(buffer)
            if a == b { return nil }
            func show(_ ends: [Int]) -> String {
                var start = 0
                return ends.map { end in
                    defer { start = end }
                    return String(decoding: bytes[start..<end], as: UTF8.self).debugDescription
                }.joined(separator: " | ")
            }
            return "fast: \(show(a))\nicu:  \(show(b))"
        }
    }

    func takesFastPath(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { FastSentenceBreaker.supports($0) }
    }

    @Test(arguments: [
        "He left. She stayed! Did they? Yes.", "Mr. Smith met Dr. Jones. Then they left.",
        "It was 3.5 m. U.S. law. The U.S.A. It was 5 p.m. Then.", "He said \"stop.\" Then 'go.' (Done.) [x.] Next",
        "end. lower case. Upper.\n\nNew paragraph.\r\nCRLF.\rCR. x", "etc. and so on... right?! Yes?? no. — dash",
        "Ph.D. students. Ph.D students. Ph. D. Lt. Cdr. Lt.Cdr. Smith. A. B. C. A.D. 33. a.m. Then A.M. Then",
        "He opened the app. Then GMt. Go. Stop. Go. To. On. I. WWI. Ok. OK. vs. VS. Vs. pp. PP.",
        "“I didn’t.” She left… Then—nothing. ‘Quiet.’ Right.\u{00A0}Next. José. Émile. é. É.",
        "Wait.  Two spaces. Mr.  Smith. Mr.\tSmith. Mr.\u{00A0}Smith. Mr.\nSmith.", ". .. ... a. . A", "Mr.", "x.\n",
        "",
        "The U.S.\nGovernment. the U.S. government, U.S.: and U.S.- fine. e.g. this. E.g. That. I.e. this."
    ])
    func knownCases(text: String) {
        #expect(compare(text) == nil, "\(compare(text) ?? "")")
    }

    @Test func typographicTextTakesTheFastPath() {
        #expect(takesFastPath("“I didn’t—not once…” José Ñúñez–Zoë\u{00A0}Straße.\n\nNext.\r\n\t\u{0B}\u{0C}"))
        for other in [
            "\u{0}", "\u{7F}", "\u{1B}", "\u{1F}", "\u{8}", "×", "\u{2022}", "\u{0085}", "\u{2029}", "\u{00AD}"
        ] {
            // In every position of an eight-byte word and in the tail, since whole words are checked at once.
            for offset in 0..<10 {
                let text = String(repeating: "a", count: offset) + other + "bcdefghijklmnop"
                #expect(
                    !takesFastPath(text), "\(other.unicodeScalars.map { String($0.value, radix: 16) }) at \(offset)")
            }
        }
        for allowed in ["\t", "\n", "\r", "\u{0B}", "\u{0C}", " ", "~", "\u{2019}"] {
            for offset in 0..<10 {
                #expect(takesFastPath(String(repeating: "a", count: offset) + allowed + "bcdefghijklmnop"))
            }
        }
    }

    /// Random strings built from pieces chosen to exercise every rule, deterministically.
    func generated(_ pieces: [String], rounds: Int, length: Int, seed: UInt64) -> String? {
        var state = seed
        for round in 0..<rounds {
            var text = ""
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            if let difference = compare(text) { return "round \(round): \(text.debugDescription)\n\(difference)" }
        }
        return nil
    }

    static let characters = [
        "a", "Z", "é", "É", "ß", "3", ".", ".", "!", "?", " ", " ", " ", "\n", "\r", "\t",
        "\"", "'", "(", ")", "[", ",", "-", ":", ";", "\u{2018}", "\u{2019}", "\u{201C}",
        "\u{201D}", "\u{2013}", "\u{2014}", "\u{2026}", "\u{00A0}", "@", "_"
    ]

    @Test func generatedCharacters() {
        let failure = generated(Self.characters, rounds: 4000, length: 30, seed: 31)
        #expect(failure == nil, "\(failure ?? "")")
    }

    @Test func generatedWordsAndAbbreviations() {
        // Every exception ICU knows, also in other cases and glued to other words, among ordinary words.
        var pieces = SentenceAbbreviationFilter.exceptions
        pieces += SentenceAbbreviationFilter.exceptions.map { $0.lowercased() }
        pieces += ["the", "He", "said", "x", "A", "I", "D", "3", "Smith", "app", "GM", "Cdr", "S.p", "Ph"]
        pieces += [
            " ", " ", " ", " ", " ", " ", "  ", ". ", ".", "! ", "? ", "\n", "\n\n", ", ", "\u{2019}", "\u{201D} ",
            "\"", ") ", "\u{2014}", "\u{00A0}", "... ", "\u{2026} "
        ]
        let failure = generated(pieces, rounds: 4000, length: 14, seed: 77)
        #expect(failure == nil, "\(failure ?? "")")
    }

    @Test func everyFixture() throws {
        let folders = ["fixtures/drafts", "fixtures/labelled", "fixtures/heldout", "fixtures/real", "docs", "lexicons"]
            .map { TestSupport.packageRoot.appendingPathComponent($0) }
        var checked = 0
        for folder in folders {
            // Text files only: docs/ also holds a screenshot.
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            where name.contains(".") && !name.hasSuffix(".png") {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                // Each paragraph, as Candor passes it (single line breaks read as spaces), and each whole file.
                var pieces = [text]
                for paragraph in text.components(separatedBy: "\n\n") {
                    pieces.append(paragraph)
                    pieces.append(paragraph.replacingOccurrences(of: "\n", with: " "))
                }
                if name.hasSuffix(".jsonl") {
                    // The real-text excerpts are JSON strings; check their text as well.
                    for line in text.split(separator: "\n") {
                        if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                            let marked = object["marked"] as? String
                        {
                            pieces.append(marked)
                        }
                    }
                }
                for piece in pieces where takesFastPath(piece) {
                    #expect(compare(piece) == nil, "\(name): \(compare(piece) ?? "")")
                    checked += 1
                }
            }
        }
        #expect(checked > 1000)
    }
}
