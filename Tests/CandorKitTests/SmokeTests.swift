import Testing
@testable import CandorKit

@Test func builtinLexiconsCompile() throws {
    let ruleSet = try RuleSet.compile(BuiltinLexicons.load())
    #expect(ruleSet.rules.count >= 0)
}
