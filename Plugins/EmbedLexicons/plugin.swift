import Foundation
import PackagePlugin

/// Embeds every `lexicons/*.yml` file (and the candidate scorer, `lexicons/scorer.tsv`, and the sentence models,
/// the other `lexicons/*.tsv`) into CandorBuiltins, as text and as the rule set compiled from them, so
/// that a `candor` binary copied anywhere (or built by pre-commit) carries its rules and starts without
/// parsing or compiling them.
@main
struct EmbedLexicons: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let directory = context.package.directoryURL.appending(path: "lexicons")
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { ["yml", "yaml", "tsv"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let texts = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLexicons.swift")
        let snapshot = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSnapshot.swift")
        return [
            .buildCommand(
                displayName: "Embedding and compiling \(files.count) lexicons",
                executable: try context.tool(named: "candor-embed").url,
                arguments: [texts.path, snapshot.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [texts, snapshot]
            )
        ]
    }
}
