import Foundation
import Testing

/// The hooks as users run them, through the real pre-commit framework on a throwaway repository: `candor`
/// builds this checkout (`language: swift`), `candor-system` runs the `candor` on PATH (`language: system`),
/// here the one this test run built. Skipped (with a message) where pre-commit is not installed.
@Suite(.serialized) struct PreCommitTests {
    static func shell(_ command: String, in directory: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command + " 2>&1"]
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["PRE_COMMIT_COLOR"] = "never"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func hookFailsOnABadDraftAndPassesOnceFixed() throws {
        try checkHook("candor")
    }

    @Test func systemHookUsesTheCandorOnPath() throws {
        let binFolder = CLITests.binary.deletingLastPathComponent().path
        try checkHook("candor-system", path: "\(binFolder):")
        // Without a candor on PATH the hook fails, and says why, instead of passing silently. (Only checkable
        // where no candor is installed.)
        guard try Self.shell("command -v candor", in: TestSupport.packageRoot).status != 0 else { return }
        if let missing = try runHook("candor-system", path: "", draft: badDraft) {
            #expect(missing.status != 0, "\(missing.output)")
            #expect(missing.output.contains("candor"), "\(missing.output)")
        }
    }

    let badDraft = "# Statement\n\nThe coach resigned after allegations of sexual misconduct.\n"
    let fixedDraft =
        "# Statement\n\nThe coach sexually assaulted two players. The club has reported him to the police.\n"

    /// Fails on the bad draft with the finding's position, passes once the draft is fixed.
    func checkHook(_ hook: String, path: String = "") throws {
        guard let failing = try runHook(hook, path: path, draft: badDraft) else { return }
        #expect(failing.status != 0, "the hook should fail on the bad draft:\n\(failing.output)")
        #expect(failing.output.contains("vague.sexual-misconduct"), "\(failing.output)")
        #expect(failing.output.contains("statement.md:3:"), "\(failing.output)")
        guard let passing = try runHook(hook, path: path, draft: fixedDraft) else { return }
        #expect(passing.status == 0, "the hook should pass once the draft is fixed:\n\(passing.output)")
    }

    /// `pre-commit try-repo` of this checkout on a new repository holding `statement.md`; nil (with a
    /// message) where pre-commit is not installed. `path` is put before PATH.
    func runHook(_ hook: String, path: String, draft: String) throws -> (status: Int32, output: String)? {
        let root = TestSupport.packageRoot
        guard try Self.shell("command -v pre-commit", in: root).status == 0 else {
            print("skipped: pre-commit is not installed (pip install pre-commit); the \(hook) hook test did not run")
            return nil
        }
        let repo = FileManager.default.temporaryDirectory.appendingPathComponent(
            "candor-precommit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: repo) }
        try draft.write(to: repo.appendingPathComponent("statement.md"), atomically: true, encoding: .utf8)
        let setup = try Self.shell(
            "git init -q . && git config user.email t@example.com && git config user.name t && git add statement.md",
            in: repo)
        #expect(setup.status == 0, "\(setup.output)")
        return try Self.shell(
            "PATH='\(path)'\"$PATH\" pre-commit try-repo '\(root.path)' \(hook) --files statement.md", in: repo)
    }
}
