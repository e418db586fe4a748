/// A parsed pattern, before its words are interned. See docs/lexicon-format.md for the syntax.
public indirect enum PatternNode: Equatable, Sendable {
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
public struct PatternParser {
    static let punctuation: Set<Character> = [",", "?", ":", ";", ".", "!", "\""]

    private let characters: [Character]
    private var position = 0

    public static func parse(_ text: String) throws -> PatternNode {
        var parser = PatternParser(characters: Array(text))
        let node = try parser.parsePhrase(inGroup: false)
        if parser.position < parser.characters.count {
            throw parser.failure("unexpected '\(parser.characters[parser.position])'")
        }
        guard case .sequence(let items) = node, !items.isEmpty else {
            throw PatternSyntaxError(message: "the pattern is empty", offset: 0)
        }
        return items.count == 1 ? items[0] : node
    }

    private init(characters: [Character]) {
        self.characters = characters
    }

    private var current: Character? { position < characters.count ? characters[position] : nil }

    private func failure(_ message: String) -> PatternSyntaxError {
        PatternSyntaxError(message: message + " at character \(position + 1)", offset: position)
    }

    private mutating func skipSpaces() {
        while let c = current, c.isWhitespace { position += 1 }
    }

    /// A sequence of items up to the end, or (in a group) up to `|` or the closing bracket.
    private mutating func parsePhrase(inGroup: Bool) throws -> PatternNode {
        var items: [PatternNode] = []
        while true {
            skipSpaces()
            guard let c = current else { break }
            if c == ")" || c == "]" {
                if inGroup { break }
                throw failure("'\(c)' without a matching opening bracket")
            }
            if c == "|" {
                if inGroup { break }
                throw failure("'|' needs a word on each side")
            }
            items.append(try parseItem(inGroup: inGroup))
        }
        return .sequence(items)
    }

    private mutating func parseItem(inGroup: Bool) throws -> PatternNode {
        let c = current!
        if c == "(" || c == "[" {
            let node = try parseGroup()
            if let next = current, !next.isWhitespace, next != ")", next != "]", next != "|" {
                throw failure("put a space after a closing bracket")
            }
            return c == "(" ? .optional(node) : node
        }
        var alternatives = [try parseAtom()]
        // Outside groups, `a|b` joins single words. Inside, `|` ends the phrase.
        while !inGroup, current == "|" {
            position += 1
            guard let next = current, !next.isWhitespace else { throw failure("'|' needs a word on each side") }
            alternatives.append(try parseAtom())
        }
        return alternatives.count == 1 ? alternatives[0] : .choice(alternatives)
    }

    private mutating func parseGroup() throws -> PatternNode {
        let open = current!
        let close: Character = open == "(" ? ")" : "]"
        position += 1
        var phrases: [PatternNode] = []
        while true {
            let phrase = try parsePhrase(inGroup: true)
            guard case .sequence(let items) = phrase, !items.isEmpty else {
                throw failure("empty alternative inside '\(open)\(close)'")
            }
            phrases.append(items.count == 1 ? items[0] : phrase)
            guard let c = current else { throw failure("'\(open)' is never closed") }
            position += 1
            if c == "|" { continue }
            if c != close { throw failure("expected '\(close)' but found '\(c)'") }
            break
        }
        return phrases.count == 1 ? phrases[0] : .choice(phrases)
    }

    private mutating func parseAtom() throws -> PatternNode {
        guard let c = current else { throw failure("expected a word") }
        if c == "*" {
            position += 1
            return .anyWord
        }
        if Self.punctuation.contains(c) {
            position += 1
            return .punctuation(String(c))
        }
        if c == "@" {
            position += 1
            let name = readWhile { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
            if name.isEmpty { throw failure("'@' must be followed by a class name") }
            return .classReference(name)
        }
        if c == "<" {
            position += 1
            let name = readWhile { $0 != ">" && !$0.isWhitespace }
            guard current == ">" else { throw failure("'<' is never closed with '>'") }
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
        while end < characters.count {
            let c = characters[end]
            if c.isWhitespace || c == "|" || c == ")" || c == "]" { break }
            if c == "(" || c == "[" || c == "{" || c == "}" || c == "*" || c == "@" || c == "<" || c == ">" { end = -1; break }
            end += 1
        }
        if end > position {
            let word = String(characters[position..<end])
            position = end
            return .word(word)
        }
        return try parseSpelledWord()
    }

    private mutating func parseSpelledWord() throws -> PatternNode {
        var pieces: [[String]] = [[""]]
        func append(_ text: String) { pieces.append([text]) }
        var sawText = false
        while let c = current {
            if c.isWhitespace || c == "|" || c == ")" || c == "]" || c == "[" { break }
            if c == "(" {
                guard sawText else { break }
                position += 1
                let inner = readWhile { $0 != ")" && $0 != "(" && !$0.isWhitespace }
                guard current == ")" else { throw failure("'(' inside a word must close before any space") }
                position += 1
                pieces.append(["", inner])
                continue
            }
            if c == "{" {
                position += 1
                let inner = readWhile { $0 != "}" && $0 != "{" && !$0.isWhitespace }
                guard current == "}" else { throw failure("'{' is never closed with '}'") }
                position += 1
                pieces.append(inner.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
                sawText = true
                continue
            }
            if c == "}" { throw failure("'}' without a matching '{'") }
            if c == "*" || c == "@" || c == "<" || c == ">" { throw failure("'\(c)' cannot appear inside a word") }
            position += 1
            append(String(c))
            sawText = true
        }
        guard sawText else { throw failure("expected a word") }
        var words = [""]
        for options in pieces {
            words = words.flatMap { prefix in options.map { prefix + $0 } }
        }
        let unique = words.reduce(into: [String]()) { if !$0.contains($1) && !$1.isEmpty { $0.append($1) } }
        guard !unique.isEmpty else { throw failure("the word expands to nothing") }
        return unique.count == 1 ? .word(unique[0]) : .choice(unique.map(PatternNode.word))
    }

    private mutating func readWhile(_ predicate: (Character) -> Bool) -> String {
        var text = ""
        while let c = current, predicate(c) {
            text.append(c)
            position += 1
        }
        return text
    }
}
