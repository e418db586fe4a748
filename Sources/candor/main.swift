import ArgumentParser
import Foundation

// Exit codes are a contract (docs/contracts.md): 0 clean, 1 findings, 2 usage, config, lexicon or input errors.
// ArgumentParser's own usage failures would exit 64, so every error is mapped here.
signal(SIGPIPE, SIG_DFL)  // `candor lint | head` ends quietly.
setvbuf(standardOutput, nil, _IOFBF, 1 << 16)

do {
    var command = try CandorCommand.parseAsRoot()
    try command.run()
    if let failure = finishOutput() {
        writeError(failure)
        Foundation.exit(2)
    }
} catch {
    // A report that did not reach its destination outranks whatever the run found.
    if let failure = finishOutput() {
        writeError(failure)
        Foundation.exit(2)
    }
    let code = CandorCommand.exitCode(for: error)
    if code == .success {
        CandorCommand.exit(withError: error)
    }
    if let exit = error as? ExitCode {
        Foundation.exit(exit.rawValue)
    }
    let message = CandorCommand.fullMessage(for: error)
    if !message.isEmpty { writeError(message) }
    Foundation.exit(2)
}
