import Foundation

/// Reads a charged word that the writer masked ("S*x scandal", "a s-ex storm", "S E X Scandal", "r*pe case") as
/// the word it stands for, so that the rules see what every reader sees.
///
/// Tabloids and social-media posts mask a few words so that filters let them through. The masks are a `*` for a
/// letter, a hyphen inside the word, or capitals spaced apart (a full stop inside a word masked another way is
/// read past too). Only the short list below is unmasked: a pattern of masks alone says nothing about which word
/// was meant.
public enum MaskedWords {
    /// The words a mask may hide, folded.
    static let words: [[UInt8]] = [
        "sex", "sexual", "sexually", "rape", "raped", "rapes", "raping", "rapist", "rapists"
    ].map { Array($0.utf8) }

    /// The longest word in `words`, which bounds how far a masked run is followed.
    static let longest = 8

    /// True when `block` may hold a mask: a star, a hyphen between "s" and "e" ("s-ex", "se-xual"), or the
    /// spaced capitals of "S E X" or "R A P E". It runs on every block of prose, so it scans bytes with memchr
    /// (vectorised): a test on every token cost one percent of a whole run.
    public static func mayHide(_ block: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = block.baseAddress, !block.isEmpty else { return false }
        let count = block.count
        if memchr(base, 0x2A, count) != nil { return true }
        var from = 0
        while from < count, let found = memchr(base + from, 0x2D, count - from) {
            let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            if index + 1 < count && index >= 1 && block[index + 1] | 0x20 == 0x65 && block[index - 1] | 0x20 == 0x73 {
                return true
            }
            if index + 1 < count && index >= 2 && block[index - 1] | 0x20 == 0x65 && block[index - 2] | 0x20 == 0x73 {
                return true
            }
            from = index + 1
        }
        return spacedCapitals.contains { contains($0, in: block) }
    }

    /// memchr finds each candidate first byte; the rest of `needle` is compared in place.
    private static func contains(_ needle: [UInt8], in block: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = block.baseAddress, needle.count <= block.count else { return false }
        let last = block.count - needle.count
        var from = 0
        while from <= last, let found = memchr(base + from, Int32(needle[0]), last - from + 1) {
            let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            if needle.indices.allSatisfy({ block[index + $0] == needle[$0] }) { return true }
            from = index + 1
        }
        return false
    }

    static let spacedCapitals: [[UInt8]] = ["S E X", "R A P E"].map { Array($0.utf8) }

    /// Replaces each masked run of tokens with one word token whose symbol is the word it hides.
    public static func unmask(_ tokens: inout [Token], text: UnsafeBufferPointer<UInt8>, vocabulary: Vocabulary) {
        var index = 0
        var output: [Token]? = nil
        while index < tokens.count {
            if let (end, word) = joinedRun(tokens, from: index, text: text)
                ?? spacedRun(tokens, from: index, text: text)
            {
                if output == nil { output = Array(tokens[..<index]) }
                let symbol = word.withUnsafeBufferPointer { vocabulary.lookup($0) }
                output!.append(
                    Token(
                        start: tokens[index].start, end: tokens[end].end, kind: .word, symbol: symbol,
                        isCapitalized: tokens[index].isCapitalized))
                index = end + 1
            } else {
                output?.append(tokens[index])
                index += 1
            }
        }
        if let output { tokens = output }
    }

    /// A run of touching tokens such as "s", "*", "x" or "s", "-", "exual": its last index and the word it hides.
    static func joinedRun(_ tokens: [Token], from start: Int, text: UnsafeBufferPointer<UInt8>) -> (Int, [UInt8])? {
        guard tokens[start].kind == .word, start + 1 < tokens.count, tokens[start + 1].kind == .punctuation,
            tokens[start + 1].start == tokens[start].end
        else { return nil }
        let initial = text[Int(tokens[start].start)] | 0x20
        guard initial == 0x73 || initial == 0x72 else { return nil }
        // Only a run that starts a word: "ex-sex" is not masked.
        if start > 0 && tokens[start - 1].end == tokens[start].start && tokens[start - 1].kind != .space {
            return nil
        }
        var skeleton: [UInt8] = []  // folded letters, 0 for a masked letter
        var masked = false
        var last = start
        var index = start
        while index < tokens.count {
            let token = tokens[index]
            if token.kind == .space || (index > start && token.start != tokens[index - 1].end) { break }
            switch token.kind {
            case .word:
                for offset in Int(token.start)..<Int(token.end) {
                    let byte = text[offset]
                    guard isLetter(byte) else { return nil }
                    skeleton.append(byte | 0x20)
                }
                last = index
            case .punctuation:
                for offset in Int(token.start)..<Int(token.end) {
                    switch text[offset] {
                    case 0x2A: skeleton.append(0)
                    case 0x2D, 0x2E: break
                    default: return nil
                    }
                }
                masked = true
                // "s**" ends with its mask; "s-" or "s." ends with its letters.
                if text[Int(token.end) - 1] == 0x2A { last = index }
            case .number, .space:
                return nil  // digits are not read as letters: "s3x" stays as written
            }
            if skeleton.count > longest { return nil }
            index += 1
        }
        guard masked, last > start, let word = hidden(by: skeleton) else { return nil }
        // A footnote's star after a whole word ("rape*", "sex*") masks nothing.
        if skeleton.last == 0, let end = skeleton.lastIndex(where: { $0 != 0 }),
            words.contains(Array(skeleton[...end]))
        {
            return nil
        }
        return (last, word)
    }

    /// Capitals spaced apart, "S E X": its last index and the word it spells.
    static func spacedRun(_ tokens: [Token], from start: Int, text: UnsafeBufferPointer<UInt8>) -> (Int, [UInt8])? {
        guard isCapital(tokens[start], text) else { return nil }
        var letters: [UInt8] = [text[Int(tokens[start].start)] | 0x20]
        var index = start
        while index + 2 < tokens.count, tokens[index + 1].kind == .space, tokens[index + 1].length == 1,
            isCapital(tokens[index + 2], text)
        {
            letters.append(text[Int(tokens[index + 2].start)] | 0x20)
            index += 2
            if letters.count > longest { return nil }
        }
        guard letters.count >= 3, words.contains(letters) else { return nil }
        return (index, letters)
    }

    /// The listed word that `skeleton` spells, reading each 0 as any letter.
    static func hidden(by skeleton: [UInt8]) -> [UInt8]? {
        words.first { word in
            word.count == skeleton.count && zip(word, skeleton).allSatisfy { $1 == 0 || $0 == $1 }
        }
    }

    @inline(__always)
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 97 < 26 }

    private static func isCapital(_ token: Token, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        token.kind == .word && token.length == 1 && text[Int(token.start)] &- 65 < 26
    }
}
