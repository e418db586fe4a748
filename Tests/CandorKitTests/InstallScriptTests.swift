import Foundation
import Testing

/// scripts/install-deps, which the README's first command (`./candor`), .ci/run and the GitHub Action run
/// before building. On this machine the packages are installed, so a fresh machine is played by stand-ins for
/// dpkg-query, apt-get, id and sudo that record what they were asked; the real run is .ci/run's quick start.
@Suite struct InstallScriptTests {
    struct Run {
        var status: Int32
        var stderr: String
        var calls: [String]
    }

    /// Runs install-deps with stand-ins first on PATH. `missing` packages are reported as not installed.
    static func run(_ arguments: [String] = [], missing: [String], uid: Int = 0, withSudo: Bool = false) throws -> Run {
        let stubs = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: stubs) }
        let log = stubs.appendingPathComponent("calls.log").path
        func stub(_ name: String, _ body: String) throws {
            let url = stubs.appendingPathComponent(name)
            try "#!/bin/bash\n\(body)\n".write(to: url, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
        let missingList = missing.joined(separator: " ")
        try stub(
            "dpkg-query",
            """
            package="${@: -1}"
            for name in \(missingList); do [ "$name" = "$package" ] && { echo "dpkg-query: no packages found matching $package" >&2; exit 1; }; done
            printf installed
            """)
        try stub("apt-get", "echo \"apt-get $*\" >> '\(log)'")
        try stub("id", "[ \"$1\" = -u ] && echo \(uid) || /usr/bin/id \"$@\"")
        if withSudo { try stub("sudo", "echo \"sudo $1\" >> '\(log)'; \"$@\"") }

        let process = Process()
        process.executableURL = TestSupport.packageRoot.appendingPathComponent("scripts/install-deps")
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = stubs.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        process.standardOutput = err
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let calls = (try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        return Run(status: process.terminationStatus, stderr: String(decoding: data, as: UTF8.self), calls: calls)
    }

    @Test func installsOnlyWhatIsMissingAndSaysWhat() throws {
        let run = try Self.run(missing: ["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stderr.contains(
                "installing missing system packages with apt-get: libcmark-gfm-dev libcmark-gfm-extensions-dev"),
            "\(run.stderr)")
        #expect(run.calls.count == 2, "\(run.calls)")
        #expect(run.calls.first == "apt-get update -qq")
        #expect(
            run.calls.last
                == "apt-get install -y -qq --no-install-recommends libcmark-gfm-dev libcmark-gfm-extensions-dev")
    }

    @Test func nothingMissingInstallsNothingQuietly() throws {
        let run = try Self.run(missing: [])
        #expect(run.status == 0)
        #expect(run.calls.isEmpty, "\(run.calls)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
    }

    @Test func aUserWhoIsNotRootGoesThroughSudo() throws {
        let run = try Self.run(missing: ["pkg-config"], uid: 1000, withSudo: true)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.calls == [
                "sudo apt-get", "apt-get update -qq", "sudo apt-get",
                "apt-get install -y -qq --no-install-recommends pkg-config"
            ], "\(run.calls)")
    }

    @Test func withoutRootOrSudoItSaysWhatToRun() throws {
        guard !FileManager.default.isExecutableFile(atPath: "/usr/bin/sudo") else {
            print("skipped: sudo is installed here, so the no-sudo case cannot be played")
            return
        }
        let run = try Self.run(missing: ["libxml2-dev"], uid: 1000)
        #expect(run.status == 2)
        #expect(run.calls.isEmpty)
        #expect(run.stderr.contains("as root run: apt-get install libxml2-dev"), "\(run.stderr)")
    }

    @Test func checkListsWhatIsMissingWithoutInstalling() throws {
        let run = try Self.run(["--check"], missing: ["libicu-dev"])
        #expect(run.status == 1)
        #expect(run.stderr == "libicu-dev\n")
        #expect(run.calls.isEmpty)
        #expect(try Self.run(["--check"], missing: []).status == 0)
        #expect(try Self.run(["--bogus"], missing: []).status == 2)
    }

    /// The README quick start installs what is missing before `swift run`, and so does the wrapper before building.
    @Test func readmeQuickStartUsesTheWrapper() throws {
        let readme = try String(
            contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(
            readme.contains(
                "```sh\nscripts/install-deps && swift run candor lint fixtures/drafts/personal-apology.txt\nswift test\n```"
            ))
        let wrapper = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("candor"), encoding: .utf8)
        let install = try #require(wrapper.range(of: "scripts/install-deps"))
        let build = try #require(wrapper.range(of: "swift build"))
        #expect(install.lowerBound < build.lowerBound)
    }
}
