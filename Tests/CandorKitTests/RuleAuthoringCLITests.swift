import Foundation
import Testing

/// What a rule author runs: `candor rules --check` on their lexicons, and the built-in lexicons read from a
/// folder (CANDOR_BUILTIN_LEXICONS) so a change is measured without rebuilding Candor.
@Suite struct RuleAuthoringCLITests {
    static let goodRule = """
        category: team
        rules:
          - id: team.incident
            severity: warning
            guidance: V2
            principles: [B1]
            patterns: [the incident]
            message: '"{match}" names nothing.'
            suggestions: [say what he did]
            why: B1, name the harm.
            examples:
              flag: ["He apologised for [[the incident]]."]
              pass: ["The incident room opened at nine."]

        """

    @Test func checkPassesWhenEveryExampleHolds() throws {
        let folder = try CLITests.temporaryDirectory()
        let lexicon = folder.appendingPathComponent("team.yml")
        try Self.goodRule.replacingOccurrences(of: "The incident room", with: "The storm").write(
            to: lexicon, atomically: true, encoding: .utf8)
        let result = try CLITests.run(["rules", "--check", "--lexicon", lexicon.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("0 failed"))
    }

    @Test func checkNamesTheRuleAndExampleThatFail() throws {
        let folder = try CLITests.temporaryDirectory()
        let lexicon = folder.appendingPathComponent("team.yml")
        try Self.goodRule.write(to: lexicon, atomically: true, encoding: .utf8)
        let result = try CLITests.run(["rules", "--check", "--lexicon", lexicon.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("team.incident: should leave alone"))
        #expect(result.stdout.contains("The incident room opened at nine."))
    }

    @Test func checkNamesAPhraseListWrittenWithoutBrackets() throws {
        let folder = try CLITests.temporaryDirectory()
        let lexicon = folder.appendingPathComponent("team.yml")
        try Self.goodRule.replacingOccurrences(of: "The incident room", with: "The storm")
            .replacingOccurrences(
                of: "patterns: [the incident]", with: "patterns: [the incident, incident|episode|the event]"
            )
            .write(
                to: lexicon, atomically: true, encoding: .utf8)
        let result = try CLITests.run(["rules", "--check", "--lexicon", lexicon.path])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("team.yml:"), "\(result.stdout)")
        #expect(result.stdout.contains("1 suspect pattern"), "\(result.stdout)")
    }

    @Test func builtinLexiconsCanBeReadFromAFolder() throws {
        let folder = try CLITests.temporaryDirectory()
        try Self.goodRule.replacingOccurrences(of: "The incident room", with: "The storm")
            .write(to: folder.appendingPathComponent("team.yml"), atomically: true, encoding: .utf8)
        let overridden = try CLITests.run(
            ["lint", "--no-config", "-"], stdin: "He resigned over sexual misconduct after the incident.",
            environment: ["CANDOR_BUILTIN_LEXICONS": folder.path])
        #expect(overridden.status == 1)
        #expect(overridden.stdout.contains("team.incident"))
        #expect(!overridden.stdout.contains("vague.sexual-misconduct"))

        let missing = try CLITests.run(
            ["lint", "--no-config", "-"], stdin: "text",
            environment: ["CANDOR_BUILTIN_LEXICONS": folder.appendingPathComponent("nowhere").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("CANDOR_BUILTIN_LEXICONS"))
    }
}
