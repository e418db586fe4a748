import Foundation
import Testing

/// The release package as a user gets it: the tarball scripts/release made, `make install`, and the GitHub
/// Action run from start to end. Building a release takes minutes, so these run only when .ci/run (or you)
/// made one first and named it: CANDOR_RELEASE_TARBALL=dist/candor-….tar.gz, and CANDOR_INSTALLED_PREFIX for
/// the folder `make install PREFIX=…` filled. Without them they are reported as skipped, not as passed.
@Suite(.serialized) struct ReleaseTests {
    static let hasTarball = !(ProcessInfo.processInfo.environment["CANDOR_RELEASE_TARBALL"] ?? "").isEmpty
    static let hasPrefix = !(ProcessInfo.processInfo.environment["CANDOR_INSTALLED_PREFIX"] ?? "").isEmpty

    static let environment = ProcessInfo.processInfo.environment
    static let root = TestSupport.packageRoot

    static func tarball() -> URL? {
        guard let path = environment["CANDOR_RELEASE_TARBALL"], !path.isEmpty else {
            print("skipped: CANDOR_RELEASE_TARBALL is not set (scripts/release makes one); the release was not tested")
            return nil
        }
        return URL(fileURLWithPath: path)
    }

    static func sh(_ command: String, in directory: URL, environment: [String: String] = [:]) throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        try ActionTests.shell(command, in: directory, environment: environment)
    }

    /// Unpacks the tarball into a new folder outside the repository; returns the package's top folder.
    static func unpack(_ tarball: URL) throws -> URL {
        let folder = try CLITests.temporaryDirectory()
        let result = try sh("tar -xzf '\(tarball.path)'", in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let top = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(top.count == 1, "one top folder: \(top)")
        return folder.appendingPathComponent(top.first ?? "")
    }

    @Test(.enabled(if: ReleaseTests.hasTarball, "CANDOR_RELEASE_TARBALL is not set: scripts/release makes one"))
    func tarballIsNamedAndCheckedAsDocumented() throws {
        guard let tarball = Self.tarball() else { return }
        let name = tarball.lastPathComponent
        let arch = try Self.sh("uname -m", in: Self.root).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(
            name.range(of: #"^candor-\d+\.\d+\.\d+[^/]*-linux-"# + arch + #"\.tar\.gz$"#, options: .regularExpression)
                != nil, "\(name)")
        let check = try Self.sh("sha256sum -c '\(name).sha256'", in: tarball.deletingLastPathComponent())
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let listing = try Self.sh("tar -tzf '\(tarball.path)' | sed 's|^[^/]*/||' | sort", in: Self.root).stdout
        for path in [
            "bin/candor", "share/man/man1/candor.1", "share/bash-completion/completions/candor",
            "share/zsh/site-functions/_candor", "share/fish/vendor_completions.d/candor.fish",
            "share/doc/candor/README.md", "share/doc/candor/RUNTIME-DEPENDENCIES"
        ] {
            #expect(
                listing.split(separator: "\n").contains(Substring(path)),
                "\(path) missing from the tarball:\n\(listing)")
        }
        #expect(listing.contains("share/doc/candor/third-party/"), "the statically linked packages' licences")
    }

    @Test(.enabled(if: ReleaseTests.hasTarball, "CANDOR_RELEASE_TARBALL is not set: scripts/release makes one"))
    func binaryNeedsNoSwiftAndLintsOutsideTheRepository() throws {
        guard let tarball = Self.tarball() else { return }
        let package = try Self.unpack(tarball)
        defer { try? FileManager.default.removeItem(at: package.deletingLastPathComponent()) }
        let binary = package.appendingPathComponent("bin/candor").path

        let ldd = try Self.sh("ldd '\(binary)'", in: package)
        #expect(ldd.status == 0)
        #expect(!ldd.stdout.contains("libswift"), "needs the Swift runtime:\n\(ldd.stdout)")
        #expect(!ldd.stdout.contains("not found"), "\(ldd.stdout)")
        #expect(
            ldd.stdout.contains("libicuuc") && ldd.stdout.contains("libxml2") && ldd.stdout.contains("libcmark-gfm"))
        let file = try Self.sh("file '\(binary)' || true", in: package).stdout
        if file.contains("ELF") { #expect(file.contains("stripped") && !file.contains("not stripped"), "\(file)") }

        // A folder with no Package.swift above it, and a PATH without the Swift toolchain.
        let elsewhere = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try "# Statement\n\nThe coach resigned after allegations of sexual misconduct.\n"
            .write(to: elsewhere.appendingPathComponent("apology.md"), atomically: true, encoding: .utf8)
        let bare = ["PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": ""]
        let lint = try Self.sh("'\(binary)' lint apology.md", in: elsewhere, environment: bare)
        #expect(lint.status == 1, "\(lint.stdout)\(lint.stderr)")
        #expect(lint.stdout.contains("apology.md:3:"), "\(lint.stdout)")
        #expect(lint.stdout.contains("vague.sexual-misconduct"), "\(lint.stdout)")
        let version = try Self.sh("'\(binary)' --version", in: elsewhere, environment: bare)
        #expect(
            tarball.lastPathComponent.hasPrefix(
                "candor-"
                    + version.stdout.replacingOccurrences(of: "candor ", with: "")
                    .trimmingCharacters(in: .whitespacesAndNewlines) + "-"))
    }

    @Test(.enabled(if: ReleaseTests.hasTarball, "CANDOR_RELEASE_TARBALL is not set: scripts/release makes one"))
    func manPageAndCompletionsDescribeTheCommands() throws {
        guard let tarball = Self.tarball() else { return }
        let package = try Self.unpack(tarball)
        defer { try? FileManager.default.removeItem(at: package.deletingLastPathComponent()) }
        let page = package.appendingPathComponent("share/man/man1/candor.1").path
        let rendered = try Self.sh("MANWIDTH=100 man -l '\(page)' 2>&1 || groff -mandoc -Tutf8 '\(page)'", in: package)
        for word in ["lint", "rules", "explain", "--fail-level", "--format"] {
            #expect(rendered.stdout.contains(word), "the man page does not mention \(word)")
        }
        let bash = try Self.sh("source share/bash-completion/completions/candor && complete -p candor", in: package)
        #expect(bash.status == 0 && bash.stdout.contains("candor"), "\(bash.stdout)\(bash.stderr)")
        let zsh = try String(
            contentsOfFile: package.appendingPathComponent("share/zsh/site-functions/_candor").path, encoding: .utf8)
        #expect(zsh.hasPrefix("#compdef candor"))
        let fish = try String(
            contentsOfFile: package.appendingPathComponent("share/fish/vendor_completions.d/candor.fish").path,
            encoding: .utf8)
        #expect(fish.contains("complete -c 'candor'"), "\(fish.prefix(200))")
    }

    @Test(.enabled(if: ReleaseTests.hasPrefix, "CANDOR_INSTALLED_PREFIX is not set: make install PREFIX=… fills one"))
    func makeInstallFillsThePrefix() throws {
        guard let prefix = Self.environment["CANDOR_INSTALLED_PREFIX"], !prefix.isEmpty else {
            print(
                "skipped: CANDOR_INSTALLED_PREFIX is not set (make install PREFIX=… fills one); make install was not tested"
            )
            return
        }
        let root = URL(fileURLWithPath: prefix)
        for path in [
            "bin/candor", "share/man/man1/candor.1", "share/bash-completion/completions/candor",
            "share/zsh/site-functions/_candor", "share/fish/vendor_completions.d/candor.fish"
        ] {
            #expect(
                FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), "\(path) not installed")
        }
        let run = try Self.sh(
            "candor lint -", in: FileManager.default.temporaryDirectory,
            environment: ["PATH": root.appendingPathComponent("bin").path + ":/usr/bin:/bin"])
        #expect(run.status == 0, "\(run.stderr)")
    }

    /// action.yml from start to end through scripts/action/run-locally: first with the release tarball, then
    /// building Candor, whose second run restores the build from the cache instead of building again.
    @Test(.enabled(if: ReleaseTests.hasTarball, "CANDOR_RELEASE_TARBALL is not set: scripts/release makes one"))
    func actionRunsWithAReleaseAndWithACachedBuild() throws {
        guard let tarball = Self.tarball() else { return }
        let workspace = try ActionTests.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let store = workspace.appendingPathComponent(".cache-store")
        let home = workspace.appendingPathComponent(".home")
        let runner = "'\(Self.root.path)/scripts/action/run-locally' --workspace ."
        let environment = ["CANDOR_ACTION_CACHE": home.path]
        let sha = try Self.sh("cut -d' ' -f1 '\(tarball.path).sha256'", in: workspace).stdout.trimmingCharacters(
            in: .whitespacesAndNewlines)

        let released = try Self.sh(
            """
            \(runner) --input release='\(tarball.path)' --input release-sha256=\(sha) --input paths='content' \
              --input sarif-file=candor.sarif --outputs outputs.json
            """, in: workspace, environment: environment)
        #expect(released.status == 1, "\(released.stderr)")
        #expect(released.stdout.contains("::warning file=content/bad.md,line=3,"), "\(released.stdout)")
        #expect(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("candor.sarif").path))
        let outputs = try String(contentsOf: workspace.appendingPathComponent("outputs.json"), encoding: .utf8)
        #expect(outputs.contains("\"exit-code\": \"1\""), "\(outputs)")

        let wrongSum = try Self.sh(
            "\(runner) --input release='\(tarball.path)' --input release-sha256=\(String(repeating: "0", count: 64))",
            in: workspace, environment: environment)
        #expect(wrongSum.status == 2)
        #expect(wrongSum.stdout.contains("does not match release-sha256"), "\(wrongSum.stdout)")

        let built = try Self.sh(
            "\(runner) --cache-store '\(store.path)' --input paths=content --input fail-level=error",
            in: workspace, environment: environment)
        #expect(built.status == 0, "\(built.stdout)\(built.stderr)")
        #expect(built.stderr.contains("cache: miss"), "\(built.stderr)")
        #expect(built.stdout.contains("::warning file=content/bad.md"), "\(built.stdout)")

        try? FileManager.default.removeItem(at: home)
        let cached = try Self.sh(
            "\(runner) --cache-store '\(store.path)' --input paths=content/good.md",
            in: workspace, environment: environment)
        #expect(cached.status == 0, "\(cached.stdout)\(cached.stderr)")
        #expect(cached.stderr.contains("cache: hit"), "\(cached.stderr)")
        #expect(cached.stdout.contains("using the cached build"), "\(cached.stdout)")
    }
}
