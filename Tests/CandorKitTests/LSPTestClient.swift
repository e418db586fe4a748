import Foundation
import Testing

/// A Language Server Protocol client for tests: runs the real `candor lsp` and speaks to it over stdio.
/// Every byte the server writes to stdout must be a framed JSON-RPC message; anything else fails the test.
final class LSPTestClient: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private let condition = NSCondition()
    private var received: [[String: Any]] = []
    private var outputEnded = false
    private(set) var garbage: String?
    private var nextID = 1

    init(arguments: [String] = [], directory: URL? = nil) throws {
        process.executableURL = CLITests.binary
        process.arguments = ["lsp"] + arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // A server that died must fail the test, not kill the test process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let descriptor = output.fileHandleForReading.fileDescriptor
        Thread { [self] in readLoop(descriptor) }.start()
        let errorDescriptor = errors.fileHandleForReading.fileDescriptor
        Thread { while Self.readChunk(errorDescriptor) != nil {} }.start()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// POSIX reads: FileHandle traps when a read is interrupted by a signal.
    private static func readChunk(_ descriptor: Int32) -> Data? {
        var bytes = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = bytes.withUnsafeMutableBufferPointer { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            return count > 0 ? Data(bytes[0..<count]) : nil
        }
    }

    private func readLoop(_ descriptor: Int32) {
        var buffer = Data()
        while let chunk = Self.readChunk(descriptor) {
            buffer.append(chunk)
            while let headerEnd = buffer.range(of: Data("\r\n\r\n".utf8)) {
                let header = String(decoding: buffer[buffer.startIndex..<headerEnd.lowerBound], as: UTF8.self)
                guard header.hasPrefix("Content-Length: "), let length = Int(header.dropFirst(16)) else {
                    recordGarbage(String(decoding: buffer, as: UTF8.self))
                    return
                }
                guard buffer.count - (headerEnd.upperBound - buffer.startIndex) >= length else { break }
                let body = buffer[headerEnd.upperBound..<(headerEnd.upperBound + length)]
                guard let message = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any],
                    message["jsonrpc"] as? String == "2.0"
                else {
                    recordGarbage(String(decoding: body, as: UTF8.self))
                    return
                }
                buffer = Data(buffer[(headerEnd.upperBound + length)...])
                condition.lock()
                received.append(message)
                condition.broadcast()
                condition.unlock()
            }
        }
        condition.lock()
        outputEnded = true
        condition.broadcast()
        condition.unlock()
    }

    private func recordGarbage(_ text: String) {
        condition.lock()
        garbage = text
        outputEnded = true
        condition.broadcast()
        condition.unlock()
    }

    func sendRaw(_ bytes: [UInt8]) {
        let descriptor = input.fileHandleForWriting.fileDescriptor
        bytes.withUnsafeBufferPointer { buffer in
            var written = 0
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return }
                written += count
            }
        }
    }

    func send(_ message: [String: Any]) {
        var message = message
        message["jsonrpc"] = "2.0"
        let body = try! JSONSerialization.data(withJSONObject: message)
        sendRaw(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + Array(body))
    }

    func notify(_ method: String, _ params: [String: Any]) {
        send(["method": method, "params": params])
    }

    /// Sends a request and waits for its response (result or error).
    @discardableResult
    func request(_ method: String, _ params: [String: Any] = [:], timeout: Double = 10) throws -> [String: Any] {
        let id = nextID
        nextID += 1
        send(["id": id, "method": method, "params": params])
        return try next(timeout: timeout) { ($0["id"] as? Int) == id && $0["method"] == nil }
    }

    /// Waits for (and takes) the first message received that matches.
    func next(timeout: Double = 10, where matches: ([String: Any]) -> Bool) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let index = received.firstIndex(where: matches) { return received.remove(at: index) }
            if outputEnded || !condition.wait(until: deadline) {
                throw LSPTestError(
                    description:
                        "no matching message within \(timeout) s; garbage: \(garbage ?? "none"); received: \(received)")
            }
        }
    }

    /// Every message of a kind received within `seconds` (waits the whole time).
    func collect(for seconds: Double, where matches: ([String: Any]) -> Bool) -> [[String: Any]] {
        Thread.sleep(forTimeInterval: seconds)
        condition.lock()
        defer { condition.unlock() }
        let taken = received.filter(matches)
        received.removeAll(where: matches)
        return taken
    }

    /// The next diagnostics published for a document (optionally for one version).
    func diagnostics(_ uri: String, version: Int? = nil, timeout: Double = 10) throws -> [[String: Any]] {
        let message = try next(timeout: timeout) { message in
            guard message["method"] as? String == "textDocument/publishDiagnostics",
                let params = message["params"] as? [String: Any], params["uri"] as? String == uri
            else { return false }
            return version == nil || params["version"] as? Int == version
        }
        return (message["params"] as! [String: Any])["diagnostics"] as! [[String: Any]]
    }

    func initialize(
        capabilities: [String: Any] = [:], options: [String: Any] = ["debounceMilliseconds": 0],
        rootURI: String? = nil
    ) throws -> [String: Any] {
        var params: [String: Any] = [
            "processId": NSNull(), "capabilities": capabilities, "initializationOptions": options
        ]
        params["rootUri"] = rootURI ?? NSNull()
        let response = try request("initialize", params)
        notify("initialized", [:])
        return response
    }

    func open(_ uri: String, _ text: String, languageId: String = "markdown", version: Int = 1) {
        notify(
            "textDocument/didOpen",
            ["textDocument": ["uri": uri, "languageId": languageId, "version": version, "text": text]])
    }

    /// Ends the server politely and returns its exit status.
    func shutdown() throws -> Int32 {
        try request("shutdown")
        notify("exit", [:])
        return try waitForExit()
    }

    func waitForExit(timeout: Double = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline { throw LSPTestError(description: "the server did not exit within \(timeout) s") }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return process.terminationStatus
    }
}

struct LSPTestError: Error, CustomStringConvertible {
    var description: String
}

/// Reads nested JSON in tests: `json(d, "range", "start", "line") as? Int`.
func json(_ value: Any?, _ path: String...) -> Any? {
    var current = value
    for key in path {
        if let index = Int(key), let array = current as? [Any] {
            current = index < array.count ? array[index] : nil
        } else {
            current = (current as? [String: Any])?[key]
        }
    }
    return current
}
