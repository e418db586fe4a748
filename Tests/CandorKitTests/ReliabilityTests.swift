import Foundation
import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

/// Inputs an adversarial user would try (issue 12): each must end with a clear message and the documented
/// exit status, never a crash, a hang or a report of success for something that did not happen.
@Suite struct ReliabilityTests {
    let bad = "The coach resigned after allegations of sexual misconduct.\n"

    /// Runs a shell command line with `$CANDOR` set to the built binary, bounded by `timeout` so a hang fails.
    static func shell(_ command: String, directory: URL? = nil) throws -> CLITests.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["CANDOR"] = CLITests.binary.path
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLITests.Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    static func jsonPaths(_ output: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as! [String: Any]
        return (object["files"] as! [[String: Any]]).map { $0["path"] as! String }
    }

    // MARK: crashes

    @Test func deeplyNestedPatternBracketsAreALexiconError() throws {
        for (open, close, count) in [("(", ")", 20_000), ("[", "]", 100_000)] {
            let pattern = String(repeating: open, count: count) + "x" + String(repeating: close, count: count)
            #expect(throws: PatternSyntaxError.self) { try PatternParser.parse(pattern) }
            let directory = try CLITests.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent("deep.yml")
            try TestSupport.lexicon([pattern]).write(to: file, atomically: true, encoding: .utf8)
            let result = try CLITests.run(["lint", "--lexicon", file.path, "-"], stdin: bad)
            #expect(result.status == 2)
            #expect(result.stderr.contains("deep.yml:"), "\(result.stderr.prefix(300))")
            #expect(result.stderr.contains("nest more than 32 deep"), "\(result.stderr.prefix(300))")
            #expect(result.stderr.utf8.count < 1000)
        }
        // Nesting within the limit still parses.
        let nested = String(repeating: "(", count: 10) + "x" + String(repeating: ")", count: 10) + " y"
        #expect(throws: Never.self) { try PatternParser.parse(nested) }
    }

    @Test func endlessInputsEndWithAnErrorNamingTheLimit() throws {
        let directory = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let draft = directory.appendingPathComponent("a.txt")
        try bad.write(to: draft, atomically: true, encoding: .utf8)

        let piped = try Self.shell(
            "timeout 60 bash -c 'cat /dev/zero | \"$CANDOR\" lint --format json --max-input-size 1M - \(draft.path)'")
        #expect(piped.status == 2)
        #expect(piped.stderr.contains("-: larger than the input limit of 1 MB"), "\(piped.stderr)")
        #expect(try Self.jsonPaths(piped.stdout).contains(draft.path))
        #expect(piped.stdout.contains("vague.sexual-misconduct"))

        let tested = try Self.shell(
            "timeout 60 bash -c 'head -c 3000000 /dev/zero | \"$CANDOR\" test --max-input-size 2M -'")
        #expect(tested.status == 2)
        #expect(tested.stderr.contains("larger than the input limit of 2 MB"), "\(tested.stderr)")

        let big = directory.appendingPathComponent("big.txt")
        try String(repeating: "x ", count: 600_000).write(to: big, atomically: true, encoding: .utf8)
        let tooBig = try CLITests.run(["lint", "--max-input-size", "1M", big.path, draft.path])
        #expect(tooBig.status == 2)
        #expect(tooBig.stdout.contains("big.txt: error: larger than the input limit of 1 MB"), "\(tooBig.stdout)")
        #expect(tooBig.stdout.contains("vague.sexual-misconduct"))
        #expect(try CLITests.run(["lint", "--max-input-size", "lots", draft.path]).status == 2)
    }

    @Test func devicesAndFIFOsNamedAreErrorsAndInFoldersAreSkipped() throws {
        let directory = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try bad.write(to: directory.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        let fifo = directory.appendingPathComponent("pipe.md").path
        #expect(mkfifo(fifo, 0o644) == 0)

        let named = try Self.shell("timeout 30 \"$CANDOR\" lint /dev/zero \(fifo) \(directory.path)/a.md")
        #expect(named.status == 2)
        #expect(named.stdout.contains("/dev/zero: error: not a regular file (device)"), "\(named.stdout)")
        #expect(named.stdout.contains("pipe.md: error: not a regular file (FIFO)"), "\(named.stdout)")
        #expect(named.stdout.contains("vague.sexual-misconduct"))

        let walked = try Self.shell("timeout 30 \"$CANDOR\" lint --format json \(directory.path)")
        #expect(walked.status == 1, "\(walked.stderr)")
        #expect(walked.stderr.contains("pipe.md: not a regular file (FIFO); skipped"), "\(walked.stderr)")

        let tested = try Self.shell("timeout 30 \"$CANDOR\" test /dev/urandom")
        #expect(tested.status == 2)
        #expect(tested.stderr.contains("not a regular file (device)"), "\(tested.stderr)")
    }

    @Test func symlinkLoopsAreWalkedOnceAndEachFileLintedOnce() throws {
        let directory = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let manager = FileManager.default
        try manager.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try bad.write(to: directory.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try bad.write(to: directory.appendingPathComponent("sub/b.md"), atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(atPath: directory.appendingPathComponent("self1").path, withDestinationPath: ".")
        try manager.createSymbolicLink(atPath: directory.appendingPathComponent("self2").path, withDestinationPath: ".")
        try manager.createSymbolicLink(
            atPath: directory.appendingPathComponent("sub/up").path, withDestinationPath: "..")
        try manager.createSymbolicLink(
            atPath: directory.appendingPathComponent("again.md").path, withDestinationPath: "a.md")

        let result = try Self.shell("timeout 60 \"$CANDOR\" lint --format json \(directory.path)")
        #expect(result.status == 1, "\(result.stderr)")
        let names = try Self.jsonPaths(result.stdout).map { String($0.dropFirst(directory.path.count)) }
        #expect(names == ["/a.md", "/sub/b.md"])
    }

    @Test func evalReadsLabelledFilesAsLintReadsDrafts() throws {
        let directory = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("labels.jsonl").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // A FIFO would block forever in open; it is refused before.
        let piped = try Self.shell("timeout 20 \"$CANDOR\" eval \(fifo)")
        #expect(piped.status == 2)
        #expect(piped.stderr.contains("labels.jsonl: not a regular file"), "\(piped.stderr)")
        let invalid = directory.appendingPathComponent("bad.txt")
        try Data([0x61, 0xFF, 0x62]).write(to: invalid)
        let bad = try CLITests.run(["eval", invalid.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.txt:"), "\(bad.stderr)")
    }

    // MARK: exit codes and messages

    @Test func writeErrorsAreExitTwo() throws {
        let directory = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let draft = directory.appendingPathComponent("a.txt")
        try bad.write(to: draft, atomically: true, encoding: .utf8)
        let good = TestSupport.packageRoot.appendingPathComponent("fixtures/drafts/good-apology.md").path
        for arguments in [
            "lint \(draft.path)", "lint --format json \(draft.path)", "rules", "explain vague.sexual-misconduct",
            "test \(draft.path)", "compare \(draft.path) \(good)"
        ] {
            let result = try Self.shell("\"$CANDOR\" \(arguments) > /dev/full")
            #expect(result.status == 2, "\(arguments): \(result.status)")
            #expect(result.stderr.contains("cannot write the output"), "\(arguments): \(result.stderr)")
        }
        let baseline = try Self.shell("\"$CANDOR\" lint --write-baseline /dev/full \(draft.path)")
        #expect(baseline.status == 2)
        #expect(!baseline.stderr.contains("wrote"), "\(baseline.stderr)")
        #expect(baseline.stderr.contains("cannot write baseline /dev/full"), "\(baseline.stderr)")
        var info = stat()
        #expect(stat("/dev/full", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "the device must survive")
    }

    @Test func writeBaselineReportsInputErrors() throws {
        let directory = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let draft = directory.appendingPathComponent("a.txt")
        try bad.write(to: draft, atomically: true, encoding: .utf8)
        let invalid = directory.appendingPathComponent("b.txt")
        try Data([0xC3, 0x28]).write(to: invalid)
        let baseline = directory.appendingPathComponent("baseline.json").path
        let result = try CLITests.run([
            "lint", "--write-baseline", baseline, draft.path, invalid.path,
            directory.appendingPathComponent("missing.md").path
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("missing.md: no such file or directory"), "\(result.stderr)")
        #expect(result.stderr.contains("b.txt: invalid UTF-8"), "\(result.stderr)")
        #expect(result.stderr.contains("2 inputs could not be linted"), "\(result.stderr)")
    }

    @Test func brokenConfigInTheCurrentFolderOnlyAffectsStdin() throws {
        let here = try CLITests.temporaryDirectory()
        let elsewhere = try CLITests.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: here)
            try? FileManager.default.removeItem(at: elsewhere)
        }
        try "rules: [\n".write(to: here.appendingPathComponent(".candor.yml"), atomically: true, encoding: .utf8)
        let draft = elsewhere.appendingPathComponent("a.txt")
        try bad.write(to: draft, atomically: true, encoding: .utf8)
        let result = try CLITests.run(["lint", draft.path], directory: here)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("vague.sexual-misconduct"))
        let stdin = try CLITests.run(["lint", "-"], stdin: bad, directory: here)
        #expect(stdin.status == 2)
        #expect(stdin.stderr.contains(".candor.yml:"), "\(stdin.stderr)")
    }

    @Test func utf16AndUTF32DraftsAreErrorsNotSkips() throws {
        let directory = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = "It was a sex scandal.\n"
        let encodings: [(String, String.Encoding, String)] = [
            ("le16.txt", .utf16LittleEndian, "UTF-16 (little-endian)"),
            ("be16.txt", .utf16BigEndian, "UTF-16 (big-endian)"),
            ("le32.txt", .utf32LittleEndian, "UTF-32 (little-endian)"),
            ("be32.txt", .utf32BigEndian, "UTF-32 (big-endian)")
        ]
        for (name, encoding, label) in encodings {
            let bom: [UInt8]
            switch encoding {
            case .utf16LittleEndian: bom = [0xFF, 0xFE]
            case .utf16BigEndian: bom = [0xFE, 0xFF]
            case .utf32LittleEndian: bom = [0xFF, 0xFE, 0, 0]
            default: bom = [0, 0, 0xFE, 0xFF]
            }
            let file = directory.appendingPathComponent(name)
            try (Data(bom) + text.data(using: encoding)!).write(to: file)
            let result = try CLITests.run(["lint", file.path])
            #expect(result.status == 2, "\(name)")
            #expect(result.stderr.contains("\(name): the file is \(label)"), "\(result.stderr)")
            #expect(result.stderr.contains("save it as UTF-8"))
        }
    }

    @Test func baselineKeysOnThePathRelativeToTheBaselineFile() throws {
        let directory = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("drafts"), withIntermediateDirectories: true)
        try bad.write(to: directory.appendingPathComponent("drafts/x.md"), atomically: true, encoding: .utf8)
        let written = try CLITests.run(["lint", "--write-baseline", "baseline.json", "."], directory: directory)
        #expect(written.status == 0, "\(written.stderr)")
        let saved = try String(contentsOf: directory.appendingPathComponent("baseline.json"), encoding: .utf8)
        #expect(saved.contains("\"drafts/x.md\""), "\(saved)")
        for path in ["drafts/x.md", "./drafts/x.md", directory.appendingPathComponent("drafts/x.md").path, "drafts"] {
            let result = try CLITests.run(["lint", "--baseline", "baseline.json", path], directory: directory)
            #expect(result.status == 0, "\(path): \(result.stdout)")
        }
        let fromInside = try CLITests.run(
            ["lint", "--baseline", "../baseline.json", "x.md"],
            directory: directory.appendingPathComponent("drafts"))
        #expect(fromInside.status == 0, "\(fromInside.stdout)")
    }

    @Test func misleadingMessagesSayWhatIsWrong() throws {
        let directory = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = try CLITests.run(["lint", "--lexicon", directory.path, "-"], stdin: bad)
        #expect(folder.status == 2)
        #expect(folder.stderr.contains("it is a folder"), "\(folder.stderr)")
        #expect(!folder.stderr.contains("NSCocoaErrorDomain"))
        let device = try CLITests.run(["lint", "--lexicon", "/dev/zero", "-"], stdin: bad)
        #expect(device.status == 2)
        #expect(device.stderr.contains("not a regular file (device)"), "\(device.stderr)")
        #expect(!device.stderr.contains("permission"))
        let baseline = try CLITests.run(["lint", "--baseline", directory.path, "-"], stdin: bad)
        #expect(baseline.status == 2)
        #expect(baseline.stderr.contains("it is a folder"), "\(baseline.stderr)")
        #expect(!baseline.stderr.contains("no such file"))
    }

    @Test func unknownWeightsAndCategoriesAreConfigErrors() throws {
        let directory = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let draft = directory.appendingPathComponent("a.txt")
        try bad.write(to: draft, atomically: true, encoding: .utf8)
        let config = directory.appendingPathComponent(".candor.yml")
        try "categories:\n  vauge: off\n".write(to: config, atomically: true, encoding: .utf8)
        let category = try CLITests.run(["lint", draft.path])
        #expect(category.status == 2)
        #expect(
            category.stderr.contains(".candor.yml:2:10: categories.vauge: unknown category 'vauge'"),
            "\(category.stderr)")
        try "weights:\n  nmes-harm: 3\n".write(to: config, atomically: true, encoding: .utf8)
        for command in ["lint", "test"] {
            let weights = try CLITests.run([command, draft.path])
            #expect(weights.status == 2, "\(command)")
            #expect(weights.stderr.contains("unknown message test 'nmes-harm'"), "\(weights.stderr)")
        }
        // A category a team lexicon brings is known.
        let lexicon = directory.appendingPathComponent("team.yml")
        try TestSupport.lexicon(["frobnicated"]).write(to: lexicon, atomically: true, encoding: .utf8)
        try "lexicons: [team.yml]\ncategories:\n  test: off\n".write(to: config, atomically: true, encoding: .utf8)
        #expect(try CLITests.run(["lint", draft.path]).status == 1)
    }

    @Test func ignoreGlobsApplyToNamedFilesUnlessNoForceExclude() throws {
        let directory = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("archive/2019"), withIntermediateDirectories: true)
        try bad.write(to: directory.appendingPathComponent("archive/2019/old.md"), atomically: true, encoding: .utf8)
        try "ignore: [\"archive/**\"]\n".write(
            to: directory.appendingPathComponent(".candor.yml"), atomically: true, encoding: .utf8)
        // As pre-commit runs the hook: file names, relative to the repository.
        let named = try CLITests.run(["lint", "archive/2019/old.md"], directory: directory)
        #expect(named.status == 0, "\(named.stdout)")
        let forced = try CLITests.run(["lint", "--no-force-exclude", "archive/2019/old.md"], directory: directory)
        #expect(forced.status == 1, "\(forced.stdout)")
        #expect(try CLITests.run(["lint", "."], directory: directory).status == 0)
    }

    @Test func loneCRsEndLinesEverywhere() throws {
        for markup in ["text", "markdown"] {
            let split = try CLITests.run(
                ["lint", "--markup", markup, "-"], stdin: "Intro.\r\rIt was a sex\r\rscandal.\r")
            #expect(split.status == 0, "\(markup): \(split.stdout)")
            let placed = try CLITests.run(
                ["lint", "--markup", markup, "--format", "json", "-"],
                stdin: "Intro.\r\rIt was a sex scandal.\r")
            let object = try JSONSerialization.jsonObject(with: Data(placed.stdout.utf8)) as! [String: Any]
            let findings = (object["files"] as! [[String: Any]])[0]["findings"] as! [[String: Any]]
            #expect(findings.map { "\($0["line"]!):\($0["column"]!)" } == ["3:10"], "\(markup)")
        }
        let comment = [
            "text": "# candor-disable-next-line vague", "markdown": "<!-- candor-disable-next-line vague -->",
            "html": "<!-- candor-disable-next-line vague -->"
        ]
        for (markup, directive) in comment {
            let result = try CLITests.run(
                ["lint", "--markup", markup, "-"], stdin: "Intro.\r\(directive)\rIt was a sex scandal.\r")
            #expect(result.status == 0, "\(markup): \(result.stdout)")
        }
    }
}
