import CandorText

/// Answers "is this finding switched off by a comment?" for one document, and reports directives that name
/// rules Candor does not know (so a typo never silently disables nothing).
package struct SuppressionIndex {
    private var nextLine: [Int: [SuppressionDirective]] = [:]
    private var ranges: [(start: Int, end: Int, directive: SuppressionDirective)] = []
    package private(set) var problems: [Finding] = []

    package init(_ directives: [SuppressionDirective], lines: LineIndex, ruleSet: RuleSet) {
        guard !directives.isEmpty else { return }
        let categories = Set(ruleSet.rules.map(\.category))
        var open: [SuppressionDirective] = []
        for directive in directives {
            for name in directive.rules where ruleSet.rule(id: name) == nil && !categories.contains(name) {
                problems.append(
                    Finding(
                        rule: "candor.unknown-rule", category: .candor, severity: .warning,
                        line: directive.line, column: directive.column, endLine: directive.line,
                        endColumn: directive.column + directive.kind.rawValue.count, offset: directive.offset,
                        length: directive.kind.rawValue.utf8.count, match: directive.kind.rawValue,
                        message:
                            "\(directive.kind.rawValue) names '\(name)', which is not a rule id or category; it suppresses nothing.",
                        suggestions: ruleSet.rules.map(\.id).filter { $0.hasSuffix(name) || name.hasSuffix($0) }.prefix(
                            3
                        ).map { $0 }
                            + (ruleSet.rules.isEmpty ? [] : ["run 'candor rules' to list the ids"])))
            }
            switch directive.kind {
            case .disableNextLine:
                // The next line with text: Markdown often needs a blank line after the comment.
                var target = directive.line + 1
                while target <= lines.lineStarts.count && lines.line(target).allSatisfy({ $0 == " " || $0 == "\t" }) {
                    target += 1
                }
                nextLine[target, default: []].append(directive)
            case .disable:
                open.append(directive)
            case .enable:
                // An enable closes the disables it names (or all of them when it names none).
                var remaining: [SuppressionDirective] = []
                for disabled in open {
                    let closes =
                        directive.rules.isEmpty || disabled.rules.isEmpty
                        ? directive.rules.isEmpty : !Set(disabled.rules).isDisjoint(with: directive.rules)
                    if closes {
                        ranges.append((disabled.offset, directive.offset, disabled))
                    } else {
                        remaining.append(disabled)
                    }
                }
                open = remaining
            }
        }
        for disabled in open { ranges.append((disabled.offset, Int.max, disabled)) }
    }

    package func suppresses(rule: Rule, line: Int, offset: Int) -> Bool {
        // A comment written for the rule this one was split from still silences the matches it took over.
        func covers(_ directive: SuppressionDirective) -> Bool {
            directive.covers(ruleID: rule.id, category: rule.category)
                || rule.splitFrom.map { directive.rules.contains($0) } ?? false
        }
        if let directives = nextLine[line], directives.contains(where: covers) { return true }
        return ranges.contains { offset >= $0.start && offset < $0.end && covers($0.directive) }
    }
}
