/// ICU's "ss=standard" filter for English sentence breaks, reproduced exactly: a break after one of CLDR's
/// English abbreviations ("Mr.", "U.S.", "Ph.D.") is dropped.
///
/// ICU's rules are followed to the letter, quirks included, because the fast sentence path must agree with
/// ICU everywhere: the match is case-sensitive and needs no word boundary before it ("app." ends in the
/// exception "pp."), one space after the period is skipped, and an abbreviation that begins another
/// ("Lt." in "Lt.Cdr.", "A." in "A.D.") is kept only where the longer one follows.
enum SentenceAbbreviationFilter {
    /// CLDR's English sentence-break exceptions as ICU 72 ships them (data/brkitr/en.txt).
    static let exceptions = [
        "L.P.", "Alt.", "Approx.", "E.G.", "O.", "Maj.", "Misc.", "P.O.", "J.D.", "Jam.", "Card.", "Dec.", "Sept.",
        "MR.", "Long.", "Hat.", "G.", "Link.", "DC.", "D.C.", "M.T.", "Hz.", "Mrs.", "By.", "Act.", "Var.", "N.V.",
        "Aug.", "B.", "S.A.", "Up.", "Job.", "Num.", "M.I.T.", "Ok.", "Org.", "Ex.", "Cont.", "U.", "Mart.", "Fn.",
        "Abs.", "Lt.", "OK.", "Z.", "E.", "Kb.", "Est.", "A.M.", "L.A.", "Prof.", "U.S.", "Nov.", "Ph.D.", "Mar.",
        "I.T.", "exec.", "Jan.", "N.Y.", "X.", "Md.", "Op.", "vs.", "D.A.", "A.D.", "R.L.", "P.M.", "Or.", "M.R.",
        "Cap.", "PC.", "Feb.", "Exec.", "I.e.", "Sep.", "Gb.", "K.", "U.S.C.", "Mt.", "S.", "A.S.", "C.O.D.", "Capt.",
        "Col.", "In.", "C.F.", "Adj.", "AD.", "I.D.", "Mgr.", "R.T.", "B.V.", "M.", "Conn.", "Yr.", "Rev.", "Phys.",
        "pp.", "Ms.", "To.", "Sgt.", "J.K.", "Nr.", "Jun.", "Fri.", "S.A.R.", "Lev.", "Lt.Cdr.", "Def.", "F.", "Do.",
        "Joe.", "Id.", "Mr.", "Dept.", "Is.", "Pvt.", "Diff.", "Hon.B.A.", "Q.", "Mb.", "On.", "Min.", "J.B.", "Ed.",
        "AB.", "A.", "S.p.A.", "I.", "a.m.", "Comm.", "Go.", "VS.", "L.", "All.", "PP.", "P.V.", "T.", "K.R.", "Etc.",
        "D.", "Adv.", "Lib.", "E.g.", "Pro.", "U.S.A.", "S.E.", "AA.", "Rep.", "Sq.", "As."
    ]

    /// A trie over bytes: `children[node]` maps a byte to the next node; `values[node]` is what ends there.
    struct Trie {
        var children: [[UInt8: Int32]] = [[:]]
        var values: [Value?] = [nil]

        mutating func add(_ key: [UInt8], _ value: Value) {
            var node = 0
            for byte in key {
                if let next = children[node][byte] {
                    node = Int(next)
                } else {
                    children.append([:])
                    values.append(nil)
                    children[node][byte] = Int32(children.count - 1)
                    node = children.count - 1
                }
            }
            values[node] = value
        }
    }

    enum Value { case partial, match }

    /// The two tries ICU builds from the exceptions (filteredbrk.cpp, `build`), by the same steps in the same
    /// order: sorted, each abbreviation with a period inside ("Ph.D.") puts its first part reversed in the
    /// backward trie as partial, and it and every exception sharing that first part go to the forward trie.
    static let (backward, forward): (Trie, Trie) = {
        let strings = Array(Set(exceptions)).map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        var partials = [Bool](repeating: false, count: strings.count)
        var backward = Trie()
        var forward = Trie()
        for i in strings.indices {
            guard let dot = strings[i].firstIndex(of: 0x2E), dot + 1 != strings[i].count else { continue }
            let prefix = strings[i][...dot]
            var sameAs = false
            for j in strings.indices where j != i && strings[j].count > dot && strings[j][...dot] == prefix {
                if !partials[j] { partials[j] = true } else { sameAs = true }
            }
            if !sameAs && !partials[i] {
                backward.add(prefix.reversed(), .partial)
                partials[i] = true
            }
        }
        for i in strings.indices {
            if partials[i] { forward.add(strings[i], .match) } else { backward.add(strings[i].reversed(), .match) }
        }
        return (backward, forward)
    }()

    /// True when ICU would drop the break at `boundary` (which is inside `text`) as following an abbreviation.
    static func suppresses(_ text: UnsafeBufferPointer<UInt8>, at boundary: Int) -> Bool {
        // Only a period can end an exception, with at most one space after it.
        var i = boundary
        if i > 0 && text[i - 1] == 0x20 { i -= 1 }
        guard i > 0 && text[i - 1] == 0x2E else { return false }
        var node = 0
        var best: (position: Int, value: Value)?
        while i > 0 {
            i -= 1
            // A character outside ASCII matches nothing in the trie.
            guard text[i] < 0x80, let next = backward.children[node][text[i]] else { break }
            node = Int(next)
            if let value = backward.values[node] { best = (i, value) }
            if backward.children[node].isEmpty { break }
        }
        guard let best else { return false }
        if best.value == .match { return true }
        // "Ph." matched backwards: it is an exception only if a whole forward entry ("Ph.D.") starts there.
        node = 0
        var j = best.position
        while j < text.count {
            guard text[j] < 0x80, let next = forward.children[node][text[j]] else { return false }
            node = Int(next)
            j += 1
            if forward.children[node].isEmpty { return forward.values[node] != nil }
        }
        // The text ended inside the trie: ICU counts that as a match when the node holds a value.
        return forward.values[node] != nil
    }
}
