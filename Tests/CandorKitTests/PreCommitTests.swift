import Foundation
import Testing

/// The hook as users run it: the real pre-commit framework builds this checkout with `language: swift` and
/// runs it on a throwaway repository. Skipped (with a message) where pre-commit is not installed.
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
        let root = TestSupport.packageRoot
        guard try Self.shell("command -v pre-commit", in: root).status == 0 else {
            print("skipped: pre-commit is not installed (pip install pre-commit); the hook test did not run")
            return
        }
        let repo = FileManager.default.temporaryDirectory.appendingPathComponent("candor-precommit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: repo) }
        let draft = repo.appendingPathComponent("statement.md")
        try "# Statement\n\nThe coach resigned after allegations of sexual misconduct.\n".write(to: draft, atomically: true, encoding: .utf8)
        let setup = try Self.shell("git init -q . && git config user.email t@example.com && git config user.name t && git add statement.md", in: repo)
        #expect(setup.status == 0, "\(setup.output)")

        let failing = try Self.shell("pre-commit try-repo '\(root.path)' candor --files statement.md", in: repo)
        #expect(failing.status != 0, "the hook should fail on the bad draft:\n\(failing.output)")
        #expect(failing.output.contains("vague.sexual-misconduct"), "\(failing.output)")
        #expect(failing.output.contains("statement.md:3:"), "\(failing.output)")

        try "# Statement\n\nThe coach sexually assaulted two players. The club has reported him to the police.\n"
            .write(to: draft, atomically: true, encoding: .utf8)
        let passing = try Self.shell("git add statement.md && pre-commit try-repo '\(root.path)' candor --files statement.md", in: repo)
        #expect(passing.status == 0, "the hook should pass once the draft is fixed:\n\(passing.output)")
    }
}
