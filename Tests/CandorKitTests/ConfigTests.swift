import CandorBuiltins
import Foundation
import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

@Suite struct ConfigTests {
    @Test func everyDocumentedKeyIsRead() throws {
        let yaml = """
            categories:
              vague: off
            rules:
              blaming.accuser: off
              intent.apology-but: error
            lexicons: [team-terms.yml]
            accept: ["Sexual Misconduct Policy"]
            ignore: ["archive/**", "**/CHANGELOG.md"]
            quoted: ignore
            fail-level: error
            kind: statement
            weights:
              names-harm: 30
            """
        let config = try ConfigLoader.parse(yaml, path: "/repo/.candor.yml")
        #expect(config.categories == ["vague": false])
        #expect(config.rules == ["blaming.accuser": .off, "intent.apology-but": .severity(.error)])
        #expect(config.lexicons == ["/repo/team-terms.yml"])
        #expect(config.accept.map(\.text) == ["Sexual Misconduct Policy"])
        #expect(config.quoted == .ignore)
        #expect(config.failLevel == .error)
        #expect(config.kind == "statement")
        #expect(config.weights == ["names-harm": 30])
        #expect(config.ignores("/repo/archive/2019/old.md"))
        #expect(config.ignores("/repo/docs/CHANGELOG.md"))
        #expect(config.ignores("/repo/CHANGELOG.md"))
        #expect(!config.ignores("/repo/drafts/statement.md"))
    }

    @Test func onSwitchesOnARuleThatShipsOffAtItsOwnSeverity() throws {
        // `rules: {id: on}` used to parse and do nothing.
        let config = try ConfigLoader.parse("rules:\n  intent.asks-forgiveness: on\n", path: "/x/.candor.yml")
        #expect(config.rules["intent.asks-forgiveness"] == .on)
        var options = LintOptions()
        config.apply(to: &options)
        let text = "I am sorry that I groped her at the party. I hope she can forgive me.\n"
        let rule = TestSupport.builtinRuleSet.rule(id: "intent.asks-forgiveness")!
        #expect(!rule.enabled)
        let off = try Linter(ruleSet: TestSupport.builtinRuleSet).lint(text: text).filter { $0.rule == rule.id }
        let on = try Linter(ruleSet: TestSupport.builtinRuleSet, options: options).lint(text: text).filter {
            $0.rule == rule.id
        }
        #expect(off.isEmpty)
        #expect(on.map(\.severity) == [rule.severity])
        #expect(throws: YAMLFileError.self) {
            try ConfigLoader.parse("rules:\n  intent.asks-forgiveness: maybe\n", path: "/x/.candor.yml")
        }
    }

    @Test func emptyAndCommentedKeysAreFine() throws {
        let config = try ConfigLoader.parse(ConfigLoader.starter, path: "/x/.candor.yml")
        #expect(config.rules.isEmpty)
        #expect(config.quoted == .downgrade)
        #expect(try ConfigLoader.parse("", path: "/x/.candor.yml").rules.isEmpty)
    }

    @Test(arguments: [
        ("categoires:\n  vague: off\n", 1, "unknown key 'categoires'"),
        ("rules:\n  vague.accuser: loud\n", 2, "expected on, off, error, warning or suggestion"),
        ("quoted: sometimes\n", 1, "expected downgrade, ignore or keep"),
        ("fail-level: [error]\n", 1, "expected text"),
        ("categories:\n  vague: maybe\n", 2, "expected on or off"),
        ("rules: [a, b]\n", 1, "expected rules")
    ])
    func badConfigNamesLineAndKey(yaml: String, line: Int, message: String) {
        do {
            _ = try ConfigLoader.parse(yaml, path: "/x/.candor.yml")
            Issue.record("should fail: \(yaml)")
        } catch let error as YAMLFileError {
            #expect(error.location.line == line, "\(error)")
            #expect(error.description.contains(message), "\(error)")
            #expect(error.location.file == "/x/.candor.yml")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func unknownRuleIdIsAnErrorWithItsLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "candor-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(".candor.yml").path
        try "quoted: keep\nrules:\n  vague.acuser: off\n".write(toFile: path, atomically: true, encoding: .utf8)
        let resolver = ConfigResolver(builtin: try BuiltinLexicons.load(), overrides: .init())
        #expect(
            resolver.configPath(for: directory.appendingPathComponent("draft.md").path)?.hasSuffix("/.candor.yml")
                == true)
        do {
            _ = try resolver.settings(forConfigAt: path)
            Issue.record("unknown rule id should fail")
        } catch let error as YAMLFileError {
            #expect(error.location.line == 3)
            #expect(error.field == "rules.vague.acuser")
        }
    }

    @Test func nearestConfigWins() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("candor-nearest-\(UUID().uuidString)")
        let inner = root.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "quoted: keep\n".write(to: root.appendingPathComponent(".candor.yml"), atomically: true, encoding: .utf8)
        try "quoted: ignore\n".write(
            to: root.appendingPathComponent("a/.candor.yml"), atomically: true, encoding: .utf8)
        #expect(ConfigLoader.discover(from: inner.path) == root.appendingPathComponent("a/.candor.yml").path)
        #expect(ConfigLoader.discover(from: root.path) == root.appendingPathComponent(".candor.yml").path)
    }

    @Test func globs() throws {
        #expect(try Glob("*.md").matches("a.md"))
        #expect(try !Glob("*.md").matches("dir/a.md"))
        #expect(try Glob("**/*.md").matches("dir/sub/a.md"))
        #expect(try Glob("**/*.md").matches("a.md"))
        #expect(try Glob("archive/").matches("archive/x/y.txt"))
        #expect(try Glob("draft?.txt").matches("draft1.txt"))
        #expect(try !Glob("draft?.txt").matches("draft10.txt"))
        #expect(try Glob("archive/**").matches("archive/2019/old.md"))
        #expect(try Glob("archive").matches("archive/old.md"))
        #expect(try !Glob("archive/").matches("archive"))
        #expect(try Glob("./news/*/draft-*.md").matches("news/2024/draft-x.md"))
        #expect(try !Glob("news/*/draft-*.md").matches("news/2024/x/draft-x.md"))
        #expect(try Glob("**").matches("any/thing.md"))
    }

    @Test func nestedDoubleStarGlobsStayFast() throws {
        // A backtracking regular expression took exponential time on these; segment matching is polynomial.
        let pattern = String(repeating: "**/a*", count: 30) + "/x.md"
        let path = String(repeating: "aaaaaaaa/", count: 60) + "y.md"
        let start = ContinuousClock.now
        #expect(try !Glob(pattern).matches(path))
        #expect(try !Glob(String(repeating: "*a", count: 40) + "b").matches(String(repeating: "a", count: 5000)))
        #expect(ContinuousClock.now - start < .seconds(2))
    }
}

@Suite struct SuppressionTests {
    static let ruleSet = try! TestSupport.ruleSet(TestSupport.lexicon(["sexual misconduct", "sex scandal"]))

    func rules(_ text: String, markup: MarkupKind = .markdown) -> [String] {
        try! Linter(ruleSet: Self.ruleSet).lint(text: text, path: "x.md", markup: markup).map(\.rule)
    }

    @Test func disableNextLineSkipsBlankLines() {
        let text =
            "<!-- candor-disable-next-line test.r0 -->\n\nsexual misconduct and a sex scandal\n\nsexual misconduct\n"
        #expect(rules(text) == ["test.r1", "test.r0"])
    }

    @Test func disableAndEnableRanges() {
        let text = "<!-- candor-disable -->\nsexual misconduct\n<!-- candor-enable -->\nsex scandal\n"
        #expect(rules(text) == ["test.r1"])
        let named =
            "<!-- candor-disable test.r1 -->\nsexual misconduct, sex scandal\n<!-- candor-enable test.r1 -->\nsex scandal\n"
        #expect(rules(named) == ["test.r0", "test.r1"])
    }

    @Test func categoriesCanBeNamed() {
        #expect(rules("<!-- candor-disable-next-line test -->\nsexual misconduct\n") == [])
    }

    @Test func plainTextDirectivesInAnyCommentForm() {
        #expect(rules("# candor-disable-next-line test.r0\nsexual misconduct\n", markup: .text) == [])
        #expect(rules("// candor-disable-next-line\nsexual misconduct\n", markup: .text) == [])
    }

    @Test func unknownRulesInDirectivesAreReported() {
        let found = try! Linter(ruleSet: Self.ruleSet).lint(
            text: "<!-- candor-disable-next-line test.r9 -->\nsexual misconduct\n",
            path: "x.md", markup: .markdown)
        #expect(found.map(\.rule) == ["candor.unknown-rule", "test.r0"])
        #expect(found[0].line == 1 && found[0].message.contains("test.r9"))
    }
}

@Suite struct BaselineTests {
    static let ruleSet = try! TestSupport.ruleSet(TestSupport.lexicon(["sexual misconduct", "sex scandal"]))

    func report(_ text: String) -> FileReport {
        var options = LintOptions()
        options.keepLineText = true
        return try! Linter(ruleSet: Self.ruleSet, options: options).lint(SourceDocument(path: "d.txt", text: text))
    }

    @Test func survivesEditsElsewhereButCatchesNewFindings() throws {
        let before = report("Intro.\n\nHe faced sexual misconduct claims.\n")
        let baseline = Baseline(reports: [before])
        let after = report("A new first line.\n\nIntro.\n\nHe faced sexual misconduct claims.\n\nA sex scandal.\n")
        let remaining = baseline.filter([after])[0].findings
        #expect(remaining.map(\.rule) == ["test.r1"])

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString).json")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try baseline.write(to: path)
        #expect(try Baseline.read(from: path) == baseline)
    }

    @Test func repeatsAreCounted() {
        let baseline = Baseline(reports: [report("sex scandal\n")])
        let after = report("sex scandal\n\nsex scandal\n")
        #expect(baseline.filter([after])[0].findings.count == 1)
    }
}
