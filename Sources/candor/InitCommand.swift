import ArgumentParser
import CandorKit
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter .candor.yml in the current folder."
    )

    @Flag(help: "Replace an existing .candor.yml.")
    var force = false

    func run() throws {
        let path = ConfigLoader.fileName
        if FileManager.default.fileExists(atPath: path) && !force {
            throw UserError("\(path) already exists; use --force to replace it")
        }
        do {
            try ConfigLoader.starter.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw UserError("cannot write \(path): \(error.localizedDescription)")
        }
        writeOut("Wrote \(path). Edit it, then run: candor lint .\n")
    }
}
