import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

@Suite struct LexiconLoaderTests {
    func error(_ yaml: String) -> YAMLFileError? {
        do {
            _ = try RuleSet.compile([try LexiconLoader.parse(yaml, path: "team.yml")])
            return nil
        } catch let error as YAMLFileError {
            return error
        } catch {
            return nil
        }
    }

    let valid = TestSupport.lexicon(["sexual misconduct"])

    @Test func aValidLexiconLoads() throws {
        let lexicon = try LexiconLoader.parse(valid, path: "team.yml")
        #expect(lexicon.rules.map(\.id) == ["test.r0"])
        #expect(lexicon.rules[0].patterns[0].location.line == 8)
    }

    @Test func brokenYAMLNamesTheLine() {
        let failure = error("rules:\n  - id: [unclosed\n")
        #expect(failure?.location.file == "team.yml")
        #expect(failure?.location.line == 3)
        #expect(failure?.problem.contains("invalid YAML") == true)
    }

    @Test func unknownFieldIsNamedWithItsLine() {
        let yaml = valid.replacingOccurrences(of: "    why: B1 test.", with: "    why: B1 test.\n    patern: x")
        let failure = error(yaml)
        #expect(failure?.problem.contains("unknown key 'patern'") == true)
        #expect(failure?.field == "rules[0].patern")
        #expect(failure?.location.line == 12)
    }

    @Test func emptyPatternIsAnError() {
        let failure = error(valid.replacingOccurrences(of: "'sexual misconduct'", with: "''"))
        #expect(failure?.problem.contains("must not be empty") == true)
        #expect(failure?.location.line == 8)
    }

    @Test func unreadablePatternNamesTheRuleAndLine() {
        let failure = error(valid.replacingOccurrences(of: "'sexual misconduct'", with: "'(sexual misconduct'"))
        #expect(failure?.field == "test.r0.patterns")
        #expect(failure?.location.line == 8)
        #expect(failure?.problem.contains("never closed") == true)
    }

    @Test func withoutContextNeedsAWindowGateAndAQuieterSeverity() throws {
        let noGate = error(
            valid.replacingOccurrences(
                of: "    why: B1 test.", with: "    why: B1 test.\n    without-context: suggestion"))
        #expect(noGate?.problem.contains("needs a 'window' gate") == true)
        let louder = error(
            valid.replacingOccurrences(
                of: "    why: B1 test.",
                with: "    why: B1 test.\n    without-context: error\n    requires:\n      window: [abuse]"))
        #expect(louder?.problem.contains("above the rule's severity") == true)
        let unknown = error(
            valid.replacingOccurrences(
                of: "    why: B1 test.",
                with: "    why: B1 test.\n    without-context: quiet\n    requires:\n      window: [abuse]"))
        #expect(unknown?.problem.contains("unknown severity 'quiet'") == true)
        let fine = valid.replacingOccurrences(
            of: "    why: B1 test.",
            with: "    why: B1 test.\n    without-context: suggestion\n    requires:\n      window: [abuse]")
        #expect(error(fine) == nil)
        #expect(try LexiconLoader.parse(fine, path: "team.yml").rules[0].withoutContext == .suggestion)
    }

    @Test func duplicateIdIsAnError() {
        let twice = valid + valid.replacingOccurrences(of: "category: test\nrules:\n", with: "")
        let failure = error(twice)
        #expect(failure?.problem.contains("already used") == true)
        #expect(failure?.field == "id")
    }

    @Test func missingRequiredFieldIsNamed() {
        let failure = error(valid.replacingOccurrences(of: "    why: B1 test.\n", with: ""))
        #expect(failure?.field == "why")
    }

    @Test func unknownClassAndUnknownSeverity() {
        #expect(
            error(valid.replacingOccurrences(of: "'sexual misconduct'", with: "'@NOPE'"))?.problem.contains(
                "unknown class @NOPE") == true)
        #expect(
            error(valid.replacingOccurrences(of: "severity: warning", with: "severity: fatal"))?.problem.contains(
                "unknown severity") == true)
    }

    @Test func idMustCarryItsCategory() {
        #expect(
            error(valid.replacingOccurrences(of: "id: test.r0", with: "id: vague.r0"))?.problem.contains(
                "must start with its category") == true)
    }

    @Test func examplesAreRequiredOnBothSides() {
        #expect(
            error(valid.replacingOccurrences(of: "      pass: [y]\n", with: ""))?.problem.contains("'pass'") == true)
    }
}
