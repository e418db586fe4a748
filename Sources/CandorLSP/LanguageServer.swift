import CandorKit
import Dispatch
import Foundation

/// `candor lsp`: a Language Server Protocol 3.17 server for one client over a pair of file descriptors.
///
/// Messages are handled in order on one queue; linting runs on another, so typing never waits for a lint and
/// a lint never blocks the next message. A lint's result is published only if its document is still at the
/// version that was linted: a stale result is dropped, and the newer version's lint publishes instead.
public final class LanguageServer: @unchecked Sendable {
    public struct Options {
        /// Extra lexicon files (`--lexicon`), as for `candor lint`.
        public var lexicons: [String] = []
        /// How long a document must stay unchanged before it is linted (clients may set `debounceMilliseconds`).
        public var debounceMilliseconds = 150

        public init() {}
    }

    private let connection: JSONRPCConnection
    private let session: LintSession
    private var options: Options
    private let messages = DispatchQueue(label: "candor.lsp.messages")
    private let linting = DispatchQueue(label: "candor.lsp.lint")
    private var documents: [String: OpenDocument] = [:]
    private var presenter = FindingPresenter(encoding: .utf16)
    private var initialized = false
    private var shuttingDown = false
    private var watchRegistered = false
    private var nextRequestID = 1
    private let finished = DispatchSemaphore(value: 0)
    private var exitCode: Int32 = 1

    public init(input: Int32, output: Int32, builtin: [Lexicon], precompiled: RuleSet, options: Options) {
        connection = JSONRPCConnection(input: input, output: output)
        session = LintSession(builtin: builtin, precompiled: precompiled, lexicons: options.lexicons)
        self.options = options
    }

    /// Serves until `exit` or the end of the input, and returns the exit status: 0 after `shutdown`, else 1.
    public func run() -> Int32 {
        let reader = Thread { [self] in
            while let incoming = connection.read() {
                messages.async { self.handle(incoming) }
            }
            messages.async { self.finished.signal() }
        }
        reader.stackSize = 1 << 20
        reader.start()
        finished.wait()
        return shuttingDown ? 0 : exitCode
    }

    private func handle(_ incoming: JSONRPCConnection.Incoming) {
        switch incoming {
        case .invalid(let code, let message, let id):
            connection.respond(to: id, errorCode: code, message: message)
        case .message(let message):
            let id = message["id"]
            guard let method = message["method"] as? String else { return }  // a response to our own request
            let params = message["params"]
            if let id {
                handleRequest(method, id: id, params: params)
            } else {
                handleNotification(method, params: params)
            }
        }
    }

    // MARK: Requests

    private func handleRequest(_ method: String, id: Any, params: Any?) {
        if method == "initialize" {
            if initialized {
                return connection.respond(
                    to: id, errorCode: JSONRPCConnection.invalidRequest, message: "initialize was already received")
            }
            return initialize(id: id, params: params as? [String: Any] ?? [:])
        }
        guard initialized else {
            return connection.respond(
                to: id, errorCode: JSONRPCConnection.serverNotInitialized, message: "the server is not initialized yet")
        }
        if shuttingDown {
            return connection.respond(
                to: id, errorCode: JSONRPCConnection.invalidRequest, message: "the server is shutting down")
        }
        let params = params as? [String: Any] ?? [:]
        switch method {
        case "shutdown":
            shuttingDown = true
            connection.respond(to: id, result: nil)
        case "textDocument/codeAction":
            codeAction(id: id, params: params)
        case "textDocument/hover":
            hover(id: id, params: params)
        default:
            connection.respond(
                to: id, errorCode: JSONRPCConnection.methodNotFound, message: "method not found: \(method)")
        }
    }

    private func initialize(id: Any, params: [String: Any]) {
        let capabilities = params["capabilities"] as? [String: Any] ?? [:]
        let general = capabilities["general"] as? [String: Any] ?? [:]
        let offered = general["positionEncodings"] as? [String] ?? []
        let encoding: PositionEncoding = offered.contains(PositionEncoding.utf8.rawValue) ? .utf8 : .utf16
        presenter = FindingPresenter(encoding: encoding)
        let settings = params["initializationOptions"] as? [String: Any] ?? [:]
        if let debounce = settings["debounceMilliseconds"] as? Int, debounce >= 0 {
            options.debounceMilliseconds = debounce
        }
        if (settings["suggestionSeverity"] as? String) == "hint" { presenter.suggestionSeverity = 4 }
        if let root = (params["rootUri"] as? String).flatMap(URL.init(string:)), root.isFileURL {
            session.workspaceFolder = root.path
        } else if let folders = params["workspaceFolders"] as? [[String: Any]],
            let first = folders.first?["uri"] as? String,
            let url = URL(string: first), url.isFileURL
        {
            session.workspaceFolder = url.path
        }
        let workspace = capabilities["workspace"] as? [String: Any] ?? [:]
        let watching = workspace["didChangeWatchedFiles"] as? [String: Any] ?? [:]
        watchRegistered = watching["dynamicRegistration"] as? Bool ?? false
        initialized = true
        connection.respond(
            to: id,
            result: [
                "capabilities": [
                    "positionEncoding": encoding.rawValue,
                    "textDocumentSync": [
                        "openClose": true, "change": (settings["textSync"] as? String) == "full" ? 1 : 2,
                        "save": ["includeText": false]
                    ],
                    "codeActionProvider": ["codeActionKinds": ["quickfix"]],
                    "hoverProvider": true
                ] as [String: Any],
                "serverInfo": ["name": "candor", "version": Candor.version]
            ])
    }

    private func codeAction(id: Any, params: [String: Any]) {
        guard let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String, let document = documents[uri]
        else {
            return connection.respond(to: id, result: [Any]())
        }
        guard let range = document.text.byteRange(params["range"], in: presenter.encoding) else {
            return connection.respond(
                to: id, errorCode: JSONRPCConnection.invalidParams, message: "codeAction needs a range")
        }
        // A client asking only for other kinds (source.organizeImports, refactor) gets none of ours.
        if let only = json(params, "context", "only") as? [String], !only.contains(where: { "quickfix".hasPrefix($0) })
        {
            return connection.respond(to: id, result: [Any]())
        }
        let (findings, ruleSet) = currentFindings(uri)
        var actions: [[String: Any]] = []
        for finding in findings
        where finding.offset <= range.upperBound && range.lowerBound <= finding.offset + finding.length {
            actions += presenter.codeActions(
                for: finding, uri: uri, text: document.text, markup: document.markup, ruleSet: ruleSet)
        }
        connection.respond(to: id, result: actions)
    }

    private func hover(id: Any, params: [String: Any]) {
        guard let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String, let document = documents[uri],
            let position = LSPPosition(params["position"])
        else {
            return connection.respond(to: id, result: nil)
        }
        let offset = document.text.offset(of: position, in: presenter.encoding)
        let (findings, ruleSet) = currentFindings(uri)
        let here = findings.filter { $0.offset <= offset && offset < $0.offset + max($0.length, 1) }
        connection.respond(
            to: id, result: here.isEmpty ? nil : presenter.hover(here, text: document.text, ruleSet: ruleSet))
    }

    /// The findings of a document's current text: the last published ones if current, else a lint now.
    private func currentFindings(_ uri: String) -> ([Finding], RuleSet?) {
        guard let document = documents[uri] else { return ([], nil) }
        guard case .success(let work) = session.work(for: document) else { return ([], nil) }
        if document.lintedVersion == document.version { return (document.findings, work.settings.ruleSet) }
        let bytes = document.text.bytes
        let path = document.path ?? uri
        let result = linting.sync { session.lint(bytes, path: path, work: work) }
        guard case .success(let findings) = result else { return ([], nil) }
        return (findings, work.settings.ruleSet)
    }

    // MARK: Notifications

    private func handleNotification(_ method: String, params: Any?) {
        if method == "exit" {
            connection.terminate(shuttingDown ? 0 : 1)
        }
        guard initialized else { return }
        let params = params as? [String: Any] ?? [:]
        let textDocument = params["textDocument"] as? [String: Any] ?? [:]
        let uri = textDocument["uri"] as? String
        switch method {
        case "initialized":
            registerWatchers()
        case "textDocument/didOpen":
            guard let uri, let text = textDocument["text"] as? String else { return }
            documents[uri] = OpenDocument(
                uri: uri, languageId: textDocument["languageId"] as? String ?? "",
                version: textDocument["version"] as? Int ?? 0, text: DocumentText(text))
            scheduleLint(uri, delay: 0)
        case "textDocument/didChange":
            guard let uri, var document = documents[uri] else { return }
            do {
                try document.apply(params["contentChanges"] as? [[String: Any]] ?? [], encoding: presenter.encoding)
            } catch {
                showMessage(
                    "candor: \(uri): \((error as? LintProblem)?.message ?? "\(error)"); close and reopen the document")
                return
            }
            document.version = textDocument["version"] as? Int ?? document.version + 1
            documents[uri] = document
            scheduleLint(uri, delay: options.debounceMilliseconds)
        case "textDocument/didSave":
            // A save re-reads settings: the writer may have just edited .candor.yml or a lexicon elsewhere.
            session.reload()
            for open in documents.keys { scheduleLint(open, delay: 0) }
        case "textDocument/didClose":
            guard let uri else { return }
            documents[uri] = nil
            connection.notify("textDocument/publishDiagnostics", ["uri": uri, "diagnostics": [Any]()])
        case "workspace/didChangeWatchedFiles", "workspace/didChangeConfiguration":
            session.reload()
            for open in documents.keys { scheduleLint(open, delay: 0) }
        default:
            break
        }
    }

    private func registerWatchers() {
        guard watchRegistered else { return }
        let watchers: [[String: Any]] = [["globPattern": "**/.candor.yml"], ["globPattern": "**/*.{yml,yaml}"]]
        connection.send([
            "id": "candor-\(nextRequestID)", "method": "client/registerCapability",
            "params": [
                "registrations": [
                    [
                        "id": "candor-watch", "method": "workspace/didChangeWatchedFiles",
                        "registerOptions": ["watchers": watchers]
                    ]
                ]
            ]
        ])
        nextRequestID += 1
    }

    private func showMessage(_ text: String) {
        connection.notify("window/showMessage", ["type": 1, "message": text])
    }

    // MARK: Linting

    /// Lints a document after `delay` ms unless it changes again first; publishes only if still current.
    private func scheduleLint(_ uri: String, delay: Int) {
        guard var document = documents[uri] else { return }
        document.generation += 1
        documents[uri] = document
        let generation = document.generation
        let start: @Sendable () -> Void = { [self] in
            guard let document = documents[uri], document.generation == generation else { return }
            startLint(document)
        }
        if delay == 0 { start() } else { messages.asyncAfter(deadline: .now() + .milliseconds(delay), execute: start) }
    }

    private func startLint(_ document: OpenDocument) {
        let uri = document.uri
        let version = document.version
        let work: LintSession.Work
        switch session.work(for: document) {
        case .success(let found): work = found
        case .failure(let problem):
            return publish(
                uri: uri, version: version, findings: [], diagnostics: [presenter.problem(problem.message)],
                ruleSet: nil)
        }
        let bytes = document.text.bytes
        let path = document.path ?? uri
        linting.async { [self] in
            let result = session.lint(bytes, path: path, work: work)
            messages.async { [self] in
                switch result {
                case .success(let findings):
                    publish(
                        uri: uri, version: version, findings: findings, diagnostics: nil, ruleSet: work.settings.ruleSet
                    )
                case .failure(let problem):
                    publish(
                        uri: uri, version: version, findings: [], diagnostics: [presenter.problem(problem.message)],
                        ruleSet: nil)
                }
            }
        }
    }

    private func publish(
        uri: String, version: Int, findings: [Finding], diagnostics: [[String: Any]]?, ruleSet: RuleSet?
    ) {
        guard var document = documents[uri], document.version == version else { return }  // stale: a newer lint follows
        document.findings = findings
        document.lintedVersion = version
        documents[uri] = document
        let list = diagnostics ?? findings.map { presenter.diagnostic($0, in: document.text, ruleSet: ruleSet) }
        connection.notify("textDocument/publishDiagnostics", ["uri": uri, "version": version, "diagnostics": list])
    }
}
