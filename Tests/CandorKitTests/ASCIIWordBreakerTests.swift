import Foundation
import Testing
@testable import CandorKit

/// The ASCII fast path must agree with ICU exactly: every boundary and every token kind.
@Suite struct ASCIIWordBreakerTests {
    func compare(_ text: String) -> String? {
        let fast = try! Tokenizer()
        let icu = try! Tokenizer()
        icu.useASCIIFastPath = false
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> String? in
            let a = fast.tokenize(buffer, range: 0..<buffer.count, vocabulary: Vocabulary())
            let b = icu.tokenize(buffer, range: 0..<buffer.count, vocabulary: Vocabulary())
            if a == b { return nil }
            let index = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            func show(_ tokens: [Token]) -> String {
                tokens[max(0, index - 1)..<min(tokens.count, index + 2)]
                    .map { "\"\(String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self))\"(\($0.kind))" }
                    .joined(separator: " ")
            }
            return "fast: \(show(a))\nicu:  \(show(b))"
        }
    }

    @Test(arguments: [
        "a:b a.b a'b 3.5 3,5 3;5 a_b _ __ _1 1_ a__b", "a  b a\t\tb \r\n\r\n a\n\nb x' 'x 1'2 a;b a,b 1.a",
        "e.g. U.S.C. 3rd \"a\" a-b 1:2 a:1 1,000,000.50 don't won't rock'n'roll 'tis o'clock",
        "He said, \"I never meant to.\" She didn't--not once. (Really?) [sic] {x} <b> a/b a\\b @name #tag $5 50% ^_^ ~ `code`",
        "1.2.3 a.1 1.a.b ..a a.. ,,1 1,, _a_ a_1_b 9_9 .5 5. '5 5' a'' ''a x.'y",
    ])
    func knownCases(text: String) {
        #expect(compare(text) == nil, "\(compare(text) ?? "")")
    }

    @Test func generatedText() {
        // Random strings over an alphabet chosen to exercise every rule, deterministically.
        let alphabet = Array("aZ9_.',;: \t\r\n\"-!?()x0@#/".utf8)
        var state: UInt64 = 12345
        for round in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<80 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let text = String(decoding: bytes, as: UTF8.self)
            if let difference = compare(text) {
                Issue.record("round \(round): \(text.debugDescription)\n\(difference)")
                return
            }
        }
    }

    @Test func realText() throws {
        let folders = ["fixtures/drafts", "fixtures/labelled", "docs"].map { TestSupport.packageRoot.appendingPathComponent($0) }
        var checked = 0
        for folder in folders {
            // Text files only: docs/ also holds a screenshot.
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            where name.contains(".") && !name.hasSuffix(".png") {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                // Only the ASCII lines: a block with other bytes goes to ICU anyway.
                let ascii = text.split(separator: "\n").filter { $0.utf8.allSatisfy { $0 < 0x80 } }.joined(separator: "\n")
                #expect(compare(ascii) == nil, "\(name): \(compare(ascii) ?? "")")
                checked += 1
            }
        }
        #expect(checked > 20)
    }
}
