import CandorBuiltins
import Testing

@testable import CandorRules

@Suite struct PatternLintTests {
    @Test func aPhraseListWithoutBracketsIsSuspect() {
        // Each of these shipped once and matched almost nothing (docs/accuracy.md, round 50).
        for pattern in [
            "grope|groped|groping|grabbed her|grabbed him", "helpline|hotline|crisis line|support line|textline",
            "report it|report concerns|report abuse", "support services|support service|counselling|counseling",
            "satan|the devil|demons|demonic|enemy of our souls", "even if|even though", "child protection|child safety",
            "prosecutor|prosecutors|prosecution|jurors|the judge|cross examination|cross examined",
            "culture change|change the culture"
        ] {
            #expect(PatternLint.suspicion(in: pattern) != nil, "\(pattern)")
        }
    }

    @Test func patternsThatMeanWhatTheySayPass() {
        for pattern in [
            "[grope|groped|grabbed her|grabbed him]", "historic|historical allegations|allegation",
            "a|every|any woman|girl", "his word against hers|her|theirs", "he said (,) she said",
            "[she|he] said (,) [he|she] said", "i|we never meant|intended to|any|it|harm",
            "pillar of the|his community",
            "claim{,s,ed,ing} [responsibility|the title|a seat]", "the|these|those|such|any|her|his claim|claims",
            "sex with @MINOR", "<minor-age> year old [women|woman]"
        ] {
            #expect(PatternLint.suspicion(in: pattern) == nil, "\(pattern)")
        }
    }

    @Test func theBuiltInLexiconsHaveNoSuspectPatterns() throws {
        let warnings = PatternLint.check(try BuiltinLexicons.load())
        #expect(warnings.isEmpty, "\(warnings.map(\.description).joined(separator: "\n"))")
    }

    @Test func aWarningNamesTheFileAndLine() throws {
        let yaml = """
            category: team
            rules:
              - id: team.help
                severity: suggestion
                guidance: V1
                principles: [B1]
                patterns:
                  - helpline|hotline|crisis line|support line
                message: m
                suggestions: [s]
                why: w
                examples:
                  flag: ["Call the [[helpline]]."]
                  pass: ["Nothing here."]

            """
        let lexicon = try LexiconLoader.parse(yaml, path: "team.yml")
        let warnings = PatternLint.check([lexicon])
        #expect(warnings.count == 1)
        #expect(warnings.first?.description.hasPrefix("team.yml:8:") == true, "\(warnings)")
        #expect(warnings.first?.description.contains("\"line\" in two places") == true)
    }
}
