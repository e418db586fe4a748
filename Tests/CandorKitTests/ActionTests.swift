import CandorKit
import Foundation
import Testing

/// The GitHub Action (action.yml): its metadata against the published schema, its lint step with every input
/// it documents, and, with CANDOR_RELEASE_TESTS=1, the whole action run as a runner would (ReleaseTests).
@Suite struct ActionTests {
    static let root = TestSupport.packageRoot

    static func shell(_ command: String, in directory: URL, environment: [String: String] = [:])
        throws -> (status: Int32, stdout: String, stderr: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both at once: a full stderr pipe must not stall the child while stdout is read.
        let errRead = BackgroundRead(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errRead.wait()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }

    /// A workspace with one draft that has a warning and one that is clean.
    static func workspace() throws -> URL {
        let folder = try CLITests.temporaryDirectory()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("content"), withIntermediateDirectories: true)
        try "# Statement\n\nThe coach resigned after allegations of sexual misconduct.\n"
            .write(to: folder.appendingPathComponent("content/bad.md"), atomically: true, encoding: .utf8)
        try "The coach sexually assaulted two players.\n"
            .write(to: folder.appendingPathComponent("content/good.md"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func metadataMatchesTheActionSchema() throws {
        guard try Self.shell("command -v check-jsonschema", in: Self.root).status == 0 else {
            print(
                "skipped: check-jsonschema is not installed (pip install check-jsonschema); action.yml was not validated"
            )
            return
        }
        let valid = try Self.shell("check-jsonschema --builtin-schema vendor.github-actions action.yml", in: Self.root)
        #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")
        // The validator does reject a broken action, so the pass above means something.
        let folder = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let action = try String(contentsOf: Self.root.appendingPathComponent("action.yml"), encoding: .utf8)
        try action.replacingOccurrences(of: "using: composite", with: "using: compost")
            .write(to: folder.appendingPathComponent("action.yml"), atomically: true, encoding: .utf8)
        let broken = try Self.shell("check-jsonschema --builtin-schema vendor.github-actions action.yml", in: folder)
        #expect(broken.status != 0, "\(broken.stdout)")
    }

    /// Every input the action declares is handed to a step and documented in docs/install.md.
    @Test func everyInputIsUsedAndDocumented() throws {
        let action = try String(contentsOf: Self.root.appendingPathComponent("action.yml"), encoding: .utf8)
        let guide = try String(contentsOf: Self.root.appendingPathComponent("docs/install.md"), encoding: .utf8)
        let inputsBlock = try #require(
            action.components(separatedBy: "\ninputs:\n").last?.components(separatedBy: "\noutputs:").first)
        let names = inputsBlock.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), line.hasSuffix(":") else { return nil }
            return String(line.dropFirst(2).dropLast())
        }
        #expect(Set(names) == ["paths", "fail-level", "config", "sarif-file", "release", "release-sha256"])
        for name in names {
            #expect(action.contains("${{ inputs.\(name) }}"), "input \(name) is never used")
            #expect(guide.contains("`\(name)`"), "docs/install.md does not document input \(name)")
        }
    }

    /// The lint step with each input: annotations, fail level, config, SARIF, and its outputs.
    @Test func lintStepHonoursItsInputs() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputs = folder.appendingPathComponent("github-output").path
        let base = [
            "CANDOR_BIN": CLITests.binary.path, "GITHUB_OUTPUT": outputs,
            "INPUT_PATHS": "content/bad.md\ncontent/good.md"
        ]
        func lint(_ extra: [String: String]) throws -> (status: Int32, stdout: String, stderr: String) {
            try? FileManager.default.removeItem(atPath: outputs)
            return try Self.shell(
                "'\(Self.root.path)/scripts/action/lint'", in: folder, environment: base.merging(extra) { $1 })
        }

        let warned = try lint([:])
        #expect(warned.status == 1)
        #expect(warned.stdout.contains("::warning file=content/bad.md,line=3,"), "\(warned.stdout)")
        #expect(warned.stdout.contains("[vague.sexual-misconduct]"))
        #expect(!warned.stdout.contains("good.md"))
        #expect(try String(contentsOfFile: outputs, encoding: .utf8).contains("exit-code=1"))

        let belowErrors = try lint(["INPUT_FAIL_LEVEL": "error"])
        #expect(belowErrors.status == 0, "\(belowErrors.stderr)")
        #expect(belowErrors.stdout.contains("::warning file=content/bad.md"), "annotations stay below the fail level")

        let config = folder.appendingPathComponent("quiet.candor.yml")
        try "rules:\n  vague.sexual-misconduct: off\n".write(to: config, atomically: true, encoding: .utf8)
        let configured = try lint(["INPUT_CONFIG": config.path])
        #expect(configured.status == 0, "\(configured.stdout)\(configured.stderr)")
        #expect(!configured.stdout.contains("vague.sexual-misconduct"))

        let withSarif = try lint(["INPUT_SARIF_FILE": "reports/candor.sarif"])
        #expect(withSarif.status == 1)
        let sarifData = try Data(contentsOf: folder.appendingPathComponent("reports/candor.sarif"))
        let sarif = try #require(JSONSerialization.jsonObject(with: sarifData) as? [String: Any])
        let runs = try #require(sarif["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        #expect(results.count == 1)
        #expect(try String(contentsOfFile: outputs, encoding: .utf8).contains("sarif-file=reports/candor.sarif"))

        let badLevel = try lint(["INPUT_FAIL_LEVEL": "loud"])
        #expect(badLevel.status == 2, "a usage error fails the step with status 2")
        let missingPath = try lint(["INPUT_PATHS": "content/nowhere.md"])
        #expect(missingPath.status == 2)
        #expect(missingPath.stderr.contains("nowhere.md"), "\(missingPath.stderr)")
    }

    /// The build path's first step reads Candor's version from the sources for its cache key. It runs here, without
    /// a release, so moving the version elsewhere fails this suite rather than only the gated ReleaseTests.
    @Test func prepareStepReadsTheVersionTheBinaryReports() throws {
        let folder = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("github-output")
        let run = try Self.shell(
            "'\(Self.root.path)/scripts/action/prepare'", in: folder,
            environment: [
                "GITHUB_ACTION_PATH": Self.root.path, "GITHUB_OUTPUT": output.path, "INPUT_RELEASE": "",
                "CANDOR_ACTION_CACHE": folder.appendingPathComponent("cache").path
            ])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let written = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        #expect(written.contains("mode=build"), "\(written)")
        #expect(written.contains("cache-key=candor-\(Candor.version)-"), "\(written)")
    }

    /// The local runner refuses what it cannot run faithfully instead of skipping it.
    @Test func localRunnerRejectsUnknownInputs() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.shell(
            "'\(Self.root.path)/scripts/action/run-locally' --workspace . --input colour=red", in: folder)
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("no input 'colour'"), "\(run.stderr)")
    }
}

/// Reads a pipe to its end on another thread. The data is written by that thread before `wait` returns and
/// read only after, so the box is never touched by two threads at once.
final class BackgroundRead: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
