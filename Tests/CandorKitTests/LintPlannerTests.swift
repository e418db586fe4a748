import CandorBuiltins
import CandorKit
import Foundation
import Testing

/// The planner (paths, standard input and config files into jobs) and the runner that carries them out.
@Suite struct LintPlannerTests {
    static let ruleSet = TestSupport.builtinRuleSet

    static func planner(
        stdinFilename: String? = nil, overrides: ConfigResolver.Overrides = .init(),
        ignoresNamedFiles: Bool = true
    ) throws -> LintPlanner {
        let resolver = ConfigResolver(builtin: try BuiltinLexicons.load(), precompiled: ruleSet, overrides: overrides)
        return LintPlanner(resolver: resolver, stdinFilename: stdinFilename, ignoresNamedFiles: ignoresNamedFiles)
    }

    /// A folder with drafts in every markup the planner knows, a `.candor.yml`, and a file it ignores.
    static func folder() throws -> URL {
        let folder = try CLITests.temporaryDirectory()
        let files = [
            "b.md": "It was a sex scandal.\n", "a.txt": "It was a sex scandal.\n", "c.mkd": "# Notes\n",
            "d.xhtml": "<p>It was a sex scandal.</p>\n", "skip.bin": "not a draft\n", "ignored.md": "sex scandal\n",
            ".candor.yml": "fail-level: error\nignore: [\"ignored.md\"]\n"
        ]
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    static func noStdin() -> Result<[UInt8], InputProblem> {
        Issue.record("standard input was read though no '-' was named")
        return .success([])
    }

    @Test func foldersExpandToTheExtensionsDetectionKnowsSortedByPath() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let jobs = try Self.planner().plan([folder.path + "/missing.md", folder.path], readStandardInput: Self.noStdin)
        let names = jobs.map { ($0.path as NSString).lastPathComponent }
        #expect(names == ["a.txt", "b.md", "c.mkd", "d.xhtml", "missing.md"])
        let markups = jobs.compactMap { $0.settings?.options.markup }
        #expect(markups == [.text, .markdown, .markdown, .html])
        #expect(jobs.compactMap(\.settings).allSatisfy { $0.failLevel == .error }, "the folder's config is in force")
        guard case .decided(let missing) = jobs.last else {
            Issue.record("a missing path is decided")
            return
        }
        #expect(missing.error == InputProblem.notFound.description)
        for extensionName in MarkupKind.fileExtensions {
            #expect(
                MarkupKind.detect(path: "x." + extensionName) != .text || extensionName == "txt", "\(extensionName)")
        }
    }

    @Test func standardInputIsReadOnceAndTakesItsNameAndMarkupFromStdinFilename() throws {
        var reads = 0
        let planner = try Self.planner(stdinFilename: "post.md")
        let jobs = planner.plan(["-", "-"], order: .asGiven) {
            reads += 1
            return .success(Array("It was a sex scandal.".utf8))
        }
        #expect(reads == 1)
        #expect(jobs.count == 2)
        guard case .lint(let input, let settings) = jobs[0] else {
            Issue.record("stdin is linted")
            return
        }
        #expect(input.path == "post.md" && input.isStandardInput)
        #expect(settings.options.markup == .markdown)
        #expect(try Self.planner().plan([]) { .success([]) }.first?.path == "-", "no path at all is standard input")
    }

    @Test func anUnreadableStandardInputIsADecidedError() throws {
        let jobs = try Self.planner().plan(["-"]) { .failure(.tooLarge(limit: 10)) }
        guard case .decided(let report) = jobs.first else {
            Issue.record("decided")
            return
        }
        #expect(report.error == InputProblem.tooLarge(limit: 10).description)
    }

    @Test func asGivenKeepsTheOrderNamedWithStandardInputInItsPlace() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let named = [folder.path + "/b.md", "-", folder.path + "/a.txt"]
        let jobs = try Self.planner().plan(named, order: .asGiven) { .success(Array("x".utf8)) }
        #expect(jobs.map(\.path) == [folder.path + "/b.md", "-", folder.path + "/a.txt"])
    }

    @Test func aBrokenConfigDecidesItsOwnFilesAndLeavesTheOthers() throws {
        let folder = try Self.folder()
        let broken = folder.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        try "rules: [\n".write(to: broken.appendingPathComponent(".candor.yml"), atomically: true, encoding: .utf8)
        try "sex scandal\n".write(to: broken.appendingPathComponent("e.md"), atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: folder) }
        let jobs = try Self.planner().plan([folder.path], readStandardInput: Self.noStdin)
        let decided = jobs.compactMap { job -> FileReport? in if case .decided(let report) = job { report } else { nil }
        }
        #expect(decided.map { ($0.path as NSString).lastPathComponent } == ["e.md"])
        #expect(decided.first?.error?.hasPrefix("configuration error: ") == true, "\(decided)")
        #expect(jobs.compactMap(\.settings).count == 4)
    }

    @Test func namedFilesFollowIgnoreGlobsOnlyWhenAsked() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let named = [folder.appendingPathComponent("ignored.md").path]
        #expect(try Self.planner().plan(named, readStandardInput: Self.noStdin).isEmpty)
        #expect(try Self.planner(ignoresNamedFiles: false).plan(named, readStandardInput: Self.noStdin).count == 1)
    }

    @Test func theRunnerReportsInJobOrderWhateverTheThreadCount() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var many: [String] = []
        for index in 0..<40 {
            let path = folder.appendingPathComponent(String(format: "draft-%02d.md", index)).path
            try String(repeating: "She was drunk. It was a sex scandal. ", count: index % 7)
                .write(toFile: path, atomically: true, encoding: .utf8)
            many.append(path)
        }
        var jobs = try Self.planner().plan(many + [folder.path + "/nope.md"], readStandardInput: Self.noStdin)
        jobs.append(.decided(FileReport(path: "zz", skipped: "decided")))
        let one = LintRunner(jobs: 1).run(jobs)
        var emitted: [Int] = []
        var four: [FileReport] = []
        LintRunner(jobs: 4).run(jobs) { index, report in
            emitted.append(index)
            four.append(report)
        }
        #expect(emitted == Array(jobs.indices))
        #expect(one == four)
        #expect(one.map(\.path) == jobs.map(\.path))
        #expect(one.filter { $0.skipped == "empty input; nothing to lint" }.count == 6, "index 0, 7, 14, … are empty")
        #expect(one.first { $0.path.hasSuffix("nope.md") }?.error == InputProblem.notFound.description)
        #expect(one.last?.skipped == "decided")
        #expect(LintRunner(jobs: 3).run([]).isEmpty)
    }
}
