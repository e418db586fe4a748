import ArgumentParser
import CandorBuiltins
import CandorKit
import CandorLSP
import Foundation

struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run a Language Server Protocol server on stdin and stdout, for editors (docs/editors.md).",
        discussion: """
            Diagnostics as you type, the rule's fix and plain suggestions as quick fixes, and the rule's \
            explanation on hover. Settings come from the nearest .candor.yml, re-read when it changes.
            """
    )

    @OptionGroup var lexiconOptions: LexiconOptions

    func run() throws {
        let builtin = try withLexiconErrors { try BuiltinRules.load() }
        // A broken --lexicon is a usage error before the server starts, not a diagnostic on every document.
        for path in lexiconOptions.lexicons { _ = try withLexiconErrors { try LexiconLoader.load(path: path) } }
        // Only protocol may reach stdout: the server writes to a private copy of it, and anything else that
        // writes to descriptor 1 goes to stderr instead, where an editor shows it as the server's log.
        fflush(standardOutput)
        let protocolOutput = dup(STDOUT_FILENO)
        guard protocolOutput >= 0, dup2(STDERR_FILENO, STDOUT_FILENO) >= 0 else {
            throw UserError("cannot set up standard output for the protocol: \(String(cString: strerror(errno)))")
        }
        var options = LanguageServer.Options()
        options.lexicons = lexiconOptions.lexicons
        let server = LanguageServer(
            input: STDIN_FILENO, output: protocolOutput, builtin: builtin.lexicons,
            precompiled: builtin.ruleSet, options: options)
        let status = server.run()
        throw ExitCode(status)
    }
}
