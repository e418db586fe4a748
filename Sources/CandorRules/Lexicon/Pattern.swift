import CandorText

/// A parsed pattern, before its words are interned. See docs/lexicon-format.md for the syntax.
public indirect enum PatternNode: Hashable, Sendable {
    /// One written word (already brace-expanded); it may stand for several tokens ("non-consensual").
    case word(String)
    /// One of the punctuation marks a pattern may name.
    case punctuation(String)
    /// `*`: any one word or number.
    case anyWord
    /// `<number>`
    case number
    /// `<minor-age>`: a number under 18, in digits or words.
    case minorAge
    /// `@NAME`
    case classReference(String)
    case sequence([PatternNode])
    case choice([PatternNode])
    case optional(PatternNode)
}

public struct PatternSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// The character offset in the pattern where the problem is.
    public var offset: Int
    public var description: String { message }
}

/// Parses the token pattern language into `PatternNode`s.
///
/// Outside brackets `a|b` offers one-word alternatives; inside `( )` and `[ ]`, `|` separates whole phrases.
/// It reads UTF-8 bytes: every character with a meaning in the syntax is ASCII, and start-up parses thousands of
/// patterns, which as `Character`s would cost a grapheme break per character.
public struct PatternParser {
    static let punctuation: Set<UInt8> = Set(",?:;.!\"".utf8)

    /// How deep `( )` and `[ ]` may nest. The parser and the compiler recurse once per level, so without a
    /// bound a pattern of 20,000 brackets overflows the stack; real patterns nest two or three deep.
    public static let maximumNesting = 32

    /// How many spellings one word's `{a,b}` lists and `(x)` parts may expand to. The built-in lexicons
    /// need a few dozen at most.
    public static let maximumSpellings = 1024

    private let bytes: [UInt8]
    private var position = 0
    private var nesting = 0

    public static func parse(_ text: String) throws -> PatternNode {
        var parser = PatternParser(bytes: Array(text.utf8))
        let node = try parser.parsePhrase(inGroup: false)
        if parser.position < parser.bytes.count {
            throw parser.failure("unexpected '\(parser.characterAtPosition)'")
        }
        guard case .sequence(let items) = node, !items.isEmpty else {
            throw PatternSyntaxError(message: "the pattern is empty", offset: 0)
        }
        return items.count == 1 ? items[0] : node
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    /// The whole character at the position, for messages (it may be several bytes).
    private var characterAtPosition: String {
        String(decoding: bytes[position...], as: UTF8.self).first.map(String.init) ?? ""
    }

    private func failure(_ message: String) -> PatternSyntaxError {
        let offset = String(decoding: bytes[..<min(position, bytes.count)], as: UTF8.self).count
        return PatternSyntaxError(message: message + " at character \(offset + 1)", offset: offset)
    }

    @inline(__always)
    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (0x09...0x0D).contains(c) }

    @inline(__always)
    private static func isWordByte(_ c: UInt8) -> Bool {
        (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || c >= 0x80
    }

    private static func scalar(_ c: UInt8) -> String { String(UnicodeScalar(c)) }

    private mutating func skipSpaces() {
        while let c = current, Self.isSpace(c) { position += 1 }
    }

    /// A sequence of items up to the end, or (in a group) up to `|` or the closing bracket.
    private mutating func parsePhrase(inGroup: Bool) throws -> PatternNode {
        var items: [PatternNode] = []
        while true {
            skipSpaces()
            guard let c = current else { break }
            if c == UInt8(ascii: ")") || c == UInt8(ascii: "]") {
                if inGroup { break }
                throw failure("'\(Self.scalar(c))' without a matching opening bracket")
            }
            if c == UInt8(ascii: "|") {
                if inGroup { break }
                throw failure("'|' needs a word on each side")
            }
            items.append(try parseItem(inGroup: inGroup))
        }
        return .sequence(items)
    }

    private mutating func parseItem(inGroup: Bool) throws -> PatternNode {
        let c = current!
        if c == UInt8(ascii: "(") || c == UInt8(ascii: "[") {
            let node = try parseGroup()
            if let next = current, !Self.isSpace(next), next != UInt8(ascii: ")"), next != UInt8(ascii: "]"),
                next != UInt8(ascii: "|")
            {
                throw failure("put a space after a closing bracket")
            }
            return c == UInt8(ascii: "(") ? .optional(node) : node
        }
        var alternatives = [try parseAtom()]
        // Outside groups, `a|b` joins single words. Inside, `|` ends the phrase.
        while !inGroup, current == UInt8(ascii: "|") {
            position += 1
            guard let next = current, !Self.isSpace(next) else { throw failure("'|' needs a word on each side") }
            alternatives.append(try parseAtom())
        }
        return alternatives.count == 1 ? alternatives[0] : .choice(alternatives)
    }

    private mutating func parseGroup() throws -> PatternNode {
        let open = current!
        let close = open == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")
        let brackets = Self.scalar(open) + Self.scalar(close)
        if nesting >= Self.maximumNesting {
            throw failure("brackets nest more than \(Self.maximumNesting) deep")
        }
        nesting += 1
        defer { nesting -= 1 }
        position += 1
        var phrases: [PatternNode] = []
        while true {
            let phrase = try parsePhrase(inGroup: true)
            guard case .sequence(let items) = phrase, !items.isEmpty else {
                throw failure("empty alternative inside '\(brackets)'")
            }
            phrases.append(items.count == 1 ? items[0] : phrase)
            guard let c = current else { throw failure("'\(Self.scalar(open))' is never closed") }
            if c == UInt8(ascii: "|") {
                position += 1
                continue
            }
            if c != close { throw failure("expected '\(Self.scalar(close))' but found '\(characterAtPosition)'") }
            position += 1
            break
        }
        return phrases.count == 1 ? phrases[0] : .choice(phrases)
    }

    private mutating func parseAtom() throws -> PatternNode {
        guard let c = current else { throw failure("expected a word") }
        if c == UInt8(ascii: "*") {
            position += 1
            return .anyWord
        }
        if Self.punctuation.contains(c) {
            position += 1
            return .punctuation(Self.scalar(c))
        }
        if c == UInt8(ascii: "@") {
            position += 1
            let name = readWhile { Self.isWordByte($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
            if name.isEmpty { throw failure("'@' must be followed by a class name") }
            return .classReference(name)
        }
        if c == UInt8(ascii: "<") {
            position += 1
            let name = readWhile { $0 != UInt8(ascii: ">") && !Self.isSpace($0) }
            guard current == UInt8(ascii: ">") else { throw failure("'<' is never closed with '>'") }
            position += 1
            switch name {
            case "minor-age": return .minorAge
            case "number": return .number
            default: throw failure("unknown token class <\(name)> (known: <minor-age>, <number>)")
            }
        }
        return try parseWord()
    }

    /// A word with `{a,b}` lists and attached `(x)` optional parts, expanded into every spelling.
    private mutating func parseWord() throws -> PatternNode {
        // Most words are plain: read them in one go.
        var end = position
        while end < bytes.count {
            let c = bytes[end]
            if Self.isSpace(c) || c == UInt8(ascii: "|") || c == UInt8(ascii: ")") || c == UInt8(ascii: "]") { break }
            if Self.wordSyntax.contains(c) {
                end = -1
                break
            }
            end += 1
        }
        if end > position {
            let word = String(decoding: bytes[position..<end], as: UTF8.self)
            position = end
            return .word(word)
        }
        return try parseSpelledWord()
    }

    private static let wordSyntax: Set<UInt8> = Set("([{}*@<>".utf8)

    private mutating func parseSpelledWord() throws -> PatternNode {
        var pieces: [[String]] = [[""]]
        var sawText = false
        while let c = current {
            if Self.isSpace(c) || c == UInt8(ascii: "|") || c == UInt8(ascii: ")") || c == UInt8(ascii: "]")
                || c == UInt8(ascii: "[")
            {
                break
            }
            if c == UInt8(ascii: "(") {
                guard sawText else { break }
                position += 1
                let inner = readWhile { $0 != UInt8(ascii: ")") && $0 != UInt8(ascii: "(") && !Self.isSpace($0) }
                guard current == UInt8(ascii: ")") else {
                    throw failure("'(' inside a word must close before any space")
                }
                position += 1
                pieces.append(["", inner])
                continue
            }
            if c == UInt8(ascii: "{") {
                position += 1
                let inner = readWhile { $0 != UInt8(ascii: "}") && $0 != UInt8(ascii: "{") && !Self.isSpace($0) }
                guard current == UInt8(ascii: "}") else { throw failure("'{' is never closed with '}'") }
                position += 1
                pieces.append(inner.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
                sawText = true
                continue
            }
            if c == UInt8(ascii: "}") { throw failure("'}' without a matching '{'") }
            if c == UInt8(ascii: "*") || c == UInt8(ascii: "@") || c == UInt8(ascii: "<") || c == UInt8(ascii: ">") {
                throw failure("'\(Self.scalar(c))' cannot appear inside a word")
            }
            // Plain text up to the next byte with a meaning here (a multi-byte character stays whole).
            let text = readWhile { !Self.isSpace($0) && !Self.wordSyntax.contains($0) && !Self.stops.contains($0) }
            pieces.append([text])
            sawText = true
        }
        guard sawText else { throw failure("expected a word") }
        var words = [""]
        for options in pieces {
            words = words.flatMap { prefix in options.map { prefix + $0 } }
            // Each `{a,b}` multiplies the spellings: sixteen of them in one word made 65,536.
            if words.count > Self.maximumSpellings {
                throw failure("the word expands to more than \(Self.maximumSpellings) spellings")
            }
        }
        var seen: Set<String> = []
        let unique = words.filter { !$0.isEmpty && seen.insert($0).inserted }
        guard !unique.isEmpty else { throw failure("the word expands to nothing") }
        return unique.count == 1 ? .word(unique[0]) : .choice(unique.map(PatternNode.word))
    }

    private static let stops: Set<UInt8> = Set("|)]".utf8)

    private mutating func readWhile(_ predicate: (UInt8) -> Bool) -> String {
        let start = position
        while let c = current, predicate(c) { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }
}
