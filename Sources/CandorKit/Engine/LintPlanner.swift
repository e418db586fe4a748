import CandorRules
import CandorText
import Foundation

/// Turns what the user named (files, folders, '-' for standard input) into jobs, each carrying the settings
/// resolved for it, or the report already decided for it. Every command that reads drafts (lint, test,
/// compare) plans through here, so config lookup, ignore globs and markup detection happen in one place.
public struct LintPlanner {
    /// The order jobs come out in.
    public enum Order: Sendable {
        /// Sorted by path, whatever order the paths were named in: a report that reads the same on every run.
        case byPath
        /// As named, folders expanded in place: `compare` shows variants in the order given.
        case asGiven
    }

    public let resolver: ConfigResolver
    public var maximumInputSize: Int
    /// What standard input is called in reports, and where its config and markup are looked up from.
    public var stdinFilename: String?
    /// Apply a config's `ignore:` globs to files named on the command line too, as pre-commit passes them.
    public var ignoresNamedFiles: Bool

    public init(
        resolver: ConfigResolver, maximumInputSize: Int = SourceReader.defaultMaximumSize,
        stdinFilename: String? = nil, ignoresNamedFiles: Bool = true
    ) {
        self.resolver = resolver
        self.maximumInputSize = maximumInputSize
        self.stdinFilename = stdinFilename
        self.ignoresNamedFiles = ignoresNamedFiles
    }

    /// The name standard input goes by.
    public var standardInputName: String { stdinFilename ?? "-" }

    /// Checks the settings the command line names (`--config`, `--lexicon`) before anything is read: when they
    /// are broken nothing could be linted as asked. A `.candor.yml` found beside an input is checked with it.
    public func checkCommandLineSettings() throws {
        _ = try resolver.settings(forConfigAt: resolver.overridesConfigPath)
    }

    /// The jobs for `paths`; '-' (or no path at all) is standard input, read by `readStandardInput` once.
    public func plan(
        _ paths: [String], order: Order = .byPath,
        readStandardInput: () -> Result<[UInt8], InputProblem>
    ) -> [LintJob] {
        let named = paths.isEmpty ? ["-"] : paths
        var stdin: LintJob?
        func standardInputJob() -> LintJob {
            if let stdin { return stdin }
            let made: LintJob
            switch readStandardInput() {
            case .success(let bytes): made = job(LintInput(path: standardInputName, standardInput: bytes))
            case .failure(let problem): made = .decided(FileReport(path: standardInputName, error: problem.description))
            }
            stdin = made
            return made
        }
        switch order {
        case .byPath:
            var jobs: [LintJob] = named.contains("-") ? [standardInputJob()] : []
            jobs += files(named.filter { $0 != "-" })
            jobs.sort { $0.path < $1.path }
            return jobs
        case .asGiven:
            return named.flatMap { $0 == "-" ? [standardInputJob()] : files([$0]) }
        }
    }

    /// The settings for an input named `path`: its config's rules and options, with its markup decided.
    public func settings(for path: String) throws -> InputSettings {
        var settings = try resolver.settings(forConfigAt: resolver.configPath(for: path))
        if settings.options.markup == nil { settings.options.markup = MarkupKind.detect(path: path) }
        return settings
    }

    private func job(_ input: LintInput) -> LintJob {
        do {
            return .lint(input, try settings(for: input.path))
        } catch let error as YAMLFileError {
            return .decided(FileReport(path: input.path, error: "configuration error: \(error.description)"))
        } catch {
            return .decided(FileReport(path: input.path, error: "configuration error: \(error)"))
        }
    }

    /// Files and folders, expanded: the files to lint, then what was decided without reading (missing paths,
    /// non-regular files met in folders).
    private func files(_ paths: [String]) -> [LintJob] {
        if paths.isEmpty { return [] }
        let resolver = self.resolver
        let expanded = SourceReader.expand(paths, filterNamed: ignoresNamedFiles) { path in
            guard let configPath = resolver.configPath(for: path),
                let config = try? resolver.configuration(at: configPath)
            else { return false }
            return config.ignores(path)
        }
        var decided: [LintJob] = expanded.missing.map {
            .decided(FileReport(path: $0, error: InputProblem.notFound.description))
        }
        decided += expanded.skipped.map { .decided(FileReport(path: $0.path, skipped: $0.reason)) }
        return expanded.files.map { job(LintInput(path: $0)) } + decided
    }
}
