import Foundation
import Testing

/// The real `candor` binary: exit codes, stdin, errors on stderr, formats. These are the contracts users' scripts rely on.
@Suite struct CLITests {
    static var binary: URL {
        let built = Bundle.main.bundleURL.deletingLastPathComponent()
        for candidate in [
            built.appendingPathComponent("candor"), built.deletingLastPathComponent().appendingPathComponent("candor")
        ]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return TestSupport.packageRoot.appendingPathComponent(".build/debug/candor")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(
        _ arguments: [String], stdin: String? = nil, directory: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("candor-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    let bad = "The coach resigned after allegations of sexual misconduct.\n"
    let clean = "The coach sexually assaulted two players. The club has hired an independent investigator.\n"

    @Test func stdinWithFindingsExitsOne() throws {
        let result = try Self.run(["lint", "-"], stdin: bad)
        #expect(result.status == 1)
        #expect(result.stdout.contains("-:1:41: warning:"))
        #expect(result.stdout.contains("[vague.sexual-misconduct]"))
        #expect(result.stdout.contains("^^^^^^^^^^^^^^^^^"))
    }

    @Test func cleanInputExitsZero() throws {
        let result = try Self.run(["lint", "-"], stdin: clean)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("No findings"))
    }

    @Test func jsonFollowsTheContract() throws {
        let result = try Self.run(["lint", "--format", "json", "--stdin-filename", "drafts/statement.txt"], stdin: bad)
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(object["version"] as? String == "0.1.0")
        let file = (object["files"] as! [[String: Any]])[0]
        #expect(file["path"] as? String == "drafts/statement.txt")
        #expect(file["error"] is NSNull)
        let finding = (file["findings"] as! [[String: Any]])[0]
        #expect(finding["rule"] as? String == "vague.sexual-misconduct")
        #expect(finding["offset"] as? Int == 40)
        #expect(finding["length"] as? Int == 17)
        #expect(finding["column"] as? Int == 41 && finding["endColumn"] as? Int == 58)
        #expect(finding["context"] is NSNull)
        let summary = object["summary"] as! [String: Any]
        #expect(summary["findings"] as? Int == 1 && summary["warnings"] as? Int == 1)
    }

    @Test func streamedJSONStaysValidAcrossBatches() throws {
        // Findings are written 256 at a time; 600 cross two batch boundaries.
        let text = String(repeating: "It was a sex scandal.\n\n", count: 600)
        for format in ["json", "text"] {
            let result = try Self.run(["lint", "--format", format, "-"], stdin: text)
            #expect(result.status == 1)
            if format == "json" {
                let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
                let findings = (object["files"] as! [[String: Any]])[0]["findings"] as! [[String: Any]]
                #expect(findings.count == 600)
                #expect(findings.last?["line"] as? Int == 1199)
            } else {
                #expect(result.stdout.components(separatedBy: "[vague.sex-scandal]").count == 601)
            }
        }
    }

    @Test func stdinMarkupFollowsTheNameOrTheFlag() throws {
        let draft = "Intro.\n\n```\nsexual misconduct\n```\n"
        #expect(try Self.run(["lint", "-"], stdin: draft).status == 1)  // plain text
        // As Markdown, the phrase is in a code block, which is skipped.
        #expect(try Self.run(["lint", "--stdin-filename", "post.md", "-"], stdin: draft).status == 0)
        #expect(try Self.run(["lint", "--markup", "markdown", "-"], stdin: draft).status == 0)
        #expect(
            try Self.run(["lint", "--markup", "text", "--stdin-filename", "post.md", "-"], stdin: draft).status == 1)
    }

    @Test func failLevelDecidesTheExitCode() throws {
        #expect(try Self.run(["lint", "--fail-level", "error", "-"], stdin: bad).status == 0)
        #expect(try Self.run(["lint", "--fail-level", "suggestion", "-"], stdin: bad).status == 1)
    }

    @Test func badFilesAreErrorsButOthersAreStillLinted() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("a.txt")
        try bad.write(to: good, atomically: true, encoding: .utf8)
        let invalid = directory.appendingPathComponent("b.txt")
        try Data([0x48, 0x69, 0x0A, 0xC3, 0x28, 0x0A]).write(to: invalid)
        let binary = directory.appendingPathComponent("c.txt")
        try Data([0x00, 0x01, 0x02]).write(to: binary)
        let missing = directory.appendingPathComponent("missing.md").path

        let result = try Self.run(["lint", "--format", "json", good.path, invalid.path, binary.path, missing])
        #expect(result.status == 2)
        #expect(result.stderr.contains("b.txt: invalid UTF-8 at byte offset 3 (line 2, column 1)"))
        #expect(result.stderr.contains("missing.md: no such file or directory"))
        #expect(result.stderr.contains("c.txt: binary file"))
        let files =
            (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any])["files"]
            as! [[String: Any]]
        #expect(files.count == 4)
        #expect((files.first { ($0["path"] as! String).hasSuffix("a.txt") }!["findings"] as! [Any]).count == 1)
    }

    @Test func directoriesAreSearchedRecursively() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("news/2024"), withIntermediateDirectories: true)
        try bad.write(to: directory.appendingPathComponent("news/2024/story.md"), atomically: true, encoding: .utf8)
        try bad.write(to: directory.appendingPathComponent("news/notes.swift"), atomically: true, encoding: .utf8)
        try bad.write(to: directory.appendingPathComponent(".hidden.md"), atomically: true, encoding: .utf8)
        let result = try Self.run(["lint", "--format", "json", directory.path])
        let files =
            (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any])["files"]
            as! [[String: Any]]
        #expect(
            files.map { ($0["path"] as! String).components(separatedBy: "/").suffix(3).joined(separator: "/") } == [
                "news/2024/story.md"
            ])
    }

    @Test func configIsFoundWalkingUpAndBrokenConfigIsExitTwo() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("drafts"), withIntermediateDirectories: true)
        let draft = directory.appendingPathComponent("drafts/x.txt")
        try bad.write(to: draft, atomically: true, encoding: .utf8)
        try "rules:\n  vague.sexual-misconduct: off\n".write(
            to: directory.appendingPathComponent(".candor.yml"), atomically: true, encoding: .utf8)
        #expect(try Self.run(["lint", draft.path]).status == 0)
        #expect(try Self.run(["lint", "--no-config", draft.path]).status == 1)
        // stdin uses the config of the current folder (or of --stdin-filename's folder).
        #expect(try Self.run(["lint", "-"], stdin: bad, directory: directory).status == 0)

        try "rules:\n  vague.sexual-misconduct: loud\n".write(
            to: directory.appendingPathComponent(".candor.yml"), atomically: true, encoding: .utf8)
        let broken = try Self.run(["lint", draft.path])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains(".candor.yml:2:28"), "\(broken.stderr)")
    }

    @Test func brokenLexiconIsExitTwoNamingFileAndLine() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lexicon = directory.appendingPathComponent("team.yml")
        try "category: team\nrules:\n  - id: team.x\n    severity: loud\n".write(
            to: lexicon, atomically: true, encoding: .utf8)
        let result = try Self.run(["lint", "--lexicon", lexicon.path, "-"], stdin: bad)
        #expect(result.status == 2)
        #expect(result.stderr.contains("team.yml:3:5"), "\(result.stderr)")
    }

    @Test func emptyInputIsANoteNotAFailure() throws {
        let result = try Self.run(["lint", "-"], stdin: "")
        #expect(result.status == 0)
        #expect(result.stdout.contains("empty input"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try Self.run(["lint", "--format", "yaml", "-"], stdin: bad).status == 2)
        #expect(try Self.run(["frobnicate"]).status == 2)
    }

    @Test func rulesExplainAndVersion() throws {
        let rules = try Self.run(["rules", "--format", "json"])
        #expect(rules.status == 0)
        let list = try JSONSerialization.jsonObject(with: Data(rules.stdout.utf8)) as! [[String: Any]]
        #expect(list.count >= 60)
        let explain = try Self.run(["explain", "vague.sexual-misconduct"])
        #expect(explain.status == 0 && explain.stdout.contains("Why:"))
        #expect(try Self.run(["explain", "vague.nope"]).status == 2)
        #expect(try Self.run(["--version"]).stdout.contains("0.1.0"))
    }

    @Test func baselineReportsOnlyNewFindings() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let draft = directory.appendingPathComponent("d.txt")
        try bad.write(to: draft, atomically: true, encoding: .utf8)
        let baseline = directory.appendingPathComponent("baseline.json").path
        #expect(try Self.run(["lint", "--write-baseline", baseline, draft.path]).status == 0)
        try ("New opening line.\n\n" + bad).write(to: draft, atomically: true, encoding: .utf8)
        #expect(try Self.run(["lint", "--baseline", baseline, draft.path]).status == 0)
        try ("New opening line.\n\n" + bad + "\nIt was a sex scandal.\n").write(
            to: draft, atomically: true, encoding: .utf8)
        let result = try Self.run(["lint", "--baseline", baseline, draft.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("vague.sex-scandal"))
        #expect(!result.stdout.contains("vague.sexual-misconduct"))
    }

    @Test func messageTestsOnFixturesAndStdin() throws {
        let drafts = TestSupport.packageRoot.appendingPathComponent("fixtures/drafts")
        let good = drafts.appendingPathComponent("good-apology.md").path
        let bad = drafts.appendingPathComponent("personal-apology.txt").path
        let card = try Self.run(["test", "--format", "json", good])
        #expect(card.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(card.stdout.utf8)) as! [String: Any]
        let score = (object["drafts"] as! [[String: Any]])[0]["score"] as! Int
        #expect(score >= 90)

        let piped = try Self.run(
            ["test", "--min-score", "90", "-"], stdin: try String(contentsOfFile: bad, encoding: .utf8))
        #expect(piped.status == 1)
        #expect(piped.stdout.contains("Apology anatomy") && piped.stdout.contains("fail"))

        let comparison = try Self.run(["compare", good, "-"], stdin: try String(contentsOfFile: bad, encoding: .utf8))
        #expect(comparison.status == 0)
        #expect(comparison.stdout.contains("Follows the guidance best: \(good)"))
        #expect(comparison.stdout.contains("only in -:"))
        #expect(try Self.run(["compare", good]).status == 2)
    }

    /// `test` takes folders as `lint` does, and one broken config costs only its own drafts their scores.
    @Test func messageTestsOnAFolderWithABrokenConfigInside() throws {
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixtures = TestSupport.packageRoot.appendingPathComponent("fixtures/drafts")
        for name in ["good-apology.md", "personal-apology.txt"] {
            try FileManager.default.copyItem(
                at: fixtures.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let broken = folder.appendingPathComponent("team")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        try "weights: [\n".write(to: broken.appendingPathComponent(".candor.yml"), atomically: true, encoding: .utf8)
        try "We are sorry.\n".write(to: broken.appendingPathComponent("draft.md"), atomically: true, encoding: .utf8)
        let result = try Self.run(["test", "--format", "json", "."], directory: folder)
        #expect(result.status == 2, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let cards = object?["drafts"] as? [[String: Any]] ?? []
        #expect(
            cards.map { $0["path"] as? String } == ["./good-apology.md", "./personal-apology.txt", "./team/draft.md"])
        #expect(cards.prefix(2).allSatisfy { $0["score"] is Int }, "\(cards)")
        #expect(result.stderr.contains("team/draft.md: configuration error:"), "\(result.stderr)")
    }

    @Test func evalOnAFileOutsideTheRepository() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("team.jsonl")
        let lines = [
            #"{"id": "a", "marked": "He resigned over [[vague:sexual misconduct]] claims."}"#,
            #"{"id": "b", "text": "It was a sex scandal.", "spans": [{"start": 9, "end": 20, "category": "vague"}]}"#,
            #"{"id": "c", "text": "Phrases like 'sex scandal' mislead.", "spans": []}"#
        ]
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try Self.run(["eval", file.path, "--min-precision", "0.95", "--min-recall", "0.9"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("vague      2     0     2      0     1.000      1.000"))
        try "{not json".write(to: file, atomically: true, encoding: .utf8)
        let broken = try Self.run(["eval", file.path])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("team.jsonl:1: not a JSON object"))
    }

    @Test func tenThousandSmallFilesInOneRun() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for index in 0..<10_000 {
            let text = index % 1000 == 0 ? bad : clean
            try text.write(
                to: directory.appendingPathComponent(String(format: "draft-%05d.txt", index)), atomically: false,
                encoding: .utf8)
        }
        let result = try Self.run(["lint", "--format", "json", directory.path])
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let files = object["files"] as! [[String: Any]]
        #expect(files.count == 10_000)
        // Deterministic order, whatever the scheduling across cores.
        let paths = files.map { $0["path"] as! String }
        #expect(paths == paths.sorted())
        #expect((object["summary"] as! [String: Any])["findings"] as? Int == 10)
    }

    @Test func hugeInputWithoutLineBreaksIsLintedInBoundedPieces() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // 8 MB on one line: the reader must cut it into pieces without splitting a character or losing the ends.
        var text = String(repeating: "The board met on Tuesday and published the review in full. ", count: 140_000)
        text = "It was a sex scandal. " + text + " The club called it a sex scandal."
        let path = directory.appendingPathComponent("huge.txt")
        try text.write(to: path, atomically: false, encoding: .utf8)
        let result = try Self.run(["lint", "--format", "json", path.path])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let findings = (object["files"] as! [[String: Any]])[0]["findings"] as! [[String: Any]]
        #expect(findings.map { $0["offset"] as! Int } == [9, text.utf8.count - 12])
    }

    @Test func closedPipeEndsQuietly() throws {
        let text = String(repeating: bad, count: 2000)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "'\(Self.binary.path)' lint - | head -c 10 > /dev/null; echo ${PIPESTATUS:-done}"]
        let input = Pipe()
        let err = Pipe()
        process.standardInput = input
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(!errors.contains("Fatal") && !errors.contains("error"), "\(errors)")
    }
}
