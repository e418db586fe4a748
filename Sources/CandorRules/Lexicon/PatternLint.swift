/// Catches a slip the pattern language allows and nothing else can see. Bare alternatives bind to one word, so
/// `helpline|hotline|crisis line` is three words in a row, not three phrases: it compiles, it matches almost
/// nothing, and no example fails, because a writer tests the phrase they meant. `candor rules --check` runs this
/// over a writer's lexicons; the built-in ones are held to it by `swift test`.
public enum PatternLint {
    public struct Warning: Sendable, CustomStringConvertible {
        public var location: FileLocation
        public var pattern: String
        public var reason: String

        public var description: String {
            "\(location): '\(pattern)' \(reason); to list phrases, put them in brackets: [a b|c d]"
        }
    }

    /// Every pattern of every rule, class and signal list, in file order.
    public static func check(_ lexicons: [Lexicon]) -> [Warning] {
        var warnings: [Warning] = []
        func visit(_ sources: [PatternSource]) {
            for source in sources {
                if let reason = suspicion(in: source.text) {
                    warnings.append(Warning(location: source.location, pattern: source.text, reason: reason))
                }
            }
        }
        for lexicon in lexicons {
            for rule in lexicon.rules {
                visit(rule.patterns)
                visit(rule.exceptions)
                for scope in rule.requires.keys.sorted(by: { "\($0)" < "\($1)" }) { visit(rule.requires[scope] ?? []) }
                for scope in rule.unless.keys.sorted(by: { "\($0)" < "\($1)" }) { visit(rule.unless[scope] ?? []) }
            }
            for name in lexicon.classes.keys.sorted() { visit(lexicon.classes[name] ?? []) }
            for name in lexicon.signals.keys.sorted() { visit(lexicon.signals[name] ?? []) }
        }
        return warnings.sorted { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) }
    }

    /// Why a pattern reads as a list of phrases written without brackets, or nil. Two signs, each rare in a
    /// pattern that means what it says: one word offered in two places ("grabbed her|grabbed him" puts "grabbed"
    /// in the first word's choices and again in the second's), and an article offered as the choice of a word
    /// whose other choices are content words ("satan|the devil" offers "satan" or "the", then "devil").
    static func suspicion(in pattern: String) -> String? {
        let words = topLevelWords(of: pattern)
        var placeOf: [Substring: Int] = [:]
        for (place, word) in words.enumerated() where !word.hasPrefix("@") && !word.hasPrefix("<") {
            let choices = word.split(separator: "|")
            for choice in Set(choices) {
                // A word written twice on its own ("she said she said") is a phrase that says it twice.
                if let earlier = placeOf[choice], earlier != place, choices.count > 1 || words[earlier].contains("|") {
                    return "offers \"\(choice)\" in two places, so it reads as words in a row"
                }
                placeOf[choice] = place
            }
            if choices.count > Set(choices).count {
                return "offers \"\(choices.first { c in choices.filter { $0 == c }.count > 1 }!)\" twice for one word"
            }
            if choices.count > 1, let article = choices.first(where: { articles.contains($0) }),
                choices.contains(where: { !functionWords.contains($0) && !$0.hasPrefix("@") && !$0.hasPrefix("<") })
            {
                return
                    "offers \"\(article)\" as a choice for one word beside content words, so it reads as words in a row"
            }
        }
        return nil
    }

    /// The pattern's words outside brackets, parentheses and braces, which hold their own alternatives.
    static func topLevelWords(of pattern: String) -> [Substring] {
        var words: [Substring] = []
        var depth = 0
        var start: String.Index?
        for index in pattern.indices {
            let character = pattern[index]
            if "[({".contains(character) { depth += 1 }
            if "])}".contains(character) { depth = max(0, depth - 1) }
            if character == " " && depth == 0 {
                if let begun = start { words.append(pattern[begun..<index]) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let begun = start { words.append(pattern[begun...]) }
        // A word that opens a group is the group's own business.
        return words.filter { !$0.hasPrefix("[") && !$0.hasPrefix("(") && !$0.hasPrefix("{") }
    }

    private static let articles: Set<Substring> = ["the", "a", "an"]
    private static let functionWords: Set<Substring> = [
        "a", "an", "the", "this", "that", "these", "those", "my", "his", "her", "our", "their", "your", "its", "any",
        "every", "each", "some", "no", "all", "both", "either", "neither", "such", "what", "which", "whose", "one",
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "multiple", "few",
        "more", "most", "other", "another"
    ]
}
