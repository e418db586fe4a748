import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

/// The one `[[…]]` parser behind rule examples and labelled drafts.
@Suite struct MarkedTextTests {
    @Test func unlabelledMarkersAreAllRemovedAndEachSpanKept() throws {
        let marked = try MarkedText(parsing: "The claim is [[a set up]] by one who [[wants fame]].", labelled: false)
        #expect(marked.text == "The claim is a set up by one who wants fame.")
        let words = marked.markers.map { String(decoding: Array(marked.text.utf8)[$0.range], as: UTF8.self) }
        #expect(words == ["a set up", "wants fame"])
        #expect(marked.markers.allSatisfy { $0.label == nil })
        #expect(RuleExamples.parse("Fine [[sé]]: à").spans == [5..<8], "byte offsets, not characters")
    }

    @Test func labelledMarkersSplitAtTheFirstColon() throws {
        let marked = try MarkedText(parsing: "He [[vague.sexual-misconduct:said: misconduct]] it.", labelled: true)
        #expect(marked.text == "He said: misconduct it.")
        #expect(marked.markers.first?.label == "vague.sexual-misconduct")
        #expect(
            try LabelledDocument.parseMarked("A [[vague.x:sex scandal]].", id: "a").spans.first?.category == "vague")
    }

    @Test(arguments: [
        ("a [[b", true, MarkedText.Problem.unclosed(byte: 2)),
        ("a [[b]]", true, .missingLabel(marker: "b")),
        ("a [[:b]]", true, .emptyLabelOrWords(marker: ":b")),
        ("a [[vague:]]", true, .emptyLabelOrWords(marker: "vague:")),
        ("a [[b", false, .unclosed(byte: 2))
    ])
    func brokenMarkersAreNamed(text: String, labelled: Bool, expected: MarkedText.Problem) {
        #expect(throws: expected) { try MarkedText(parsing: text, labelled: labelled) }
    }

    @Test func anExampleWhoseBracketsDoNotPairIsTakenAsItIs() {
        #expect(RuleExamples.parse("quote [[ in prose").text == "quote [[ in prose")
        #expect(RuleExamples.parse("quote [[ in prose").spans.isEmpty)
    }
}
