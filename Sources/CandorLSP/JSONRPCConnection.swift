import Foundation

/// JSON-RPC 2.0 over a pair of file descriptors with the LSP base protocol's framing
/// (`Content-Length: N\r\n\r\n` then N bytes of JSON).
final class JSONRPCConnection: @unchecked Sendable {
    /// A message as it arrived, or why it could not be read.
    /// Unchecked because a decoded JSON object is typed `Any`: the reader thread hands each message to the
    /// message queue and never touches it again, so no two threads ever share one.
    enum Incoming: @unchecked Sendable {
        case message([String: Any])
        /// The bytes were framed but are not a JSON-RPC message: answered with this error, the id when known.
        case invalid(code: Int, message: String, id: Any?)
    }

    static let parseError = -32700
    static let invalidRequest = -32600
    static let methodNotFound = -32601
    static let invalidParams = -32602
    static let internalError = -32603
    static let serverNotInitialized = -32002
    static let requestFailed = -32803

    /// Larger bodies are refused (and skipped) rather than buffered: no editor sends a 64 MB message.
    static let maximumBodySize = 64 << 20
    private static let maximumHeaderSize = 8 << 10

    private let input: Int32
    private let output: Int32
    private let writeLock = NSLock()
    private var buffer: [UInt8] = []
    private var start = 0

    init(input: Int32, output: Int32) {
        self.input = input
        self.output = output
    }

    /// The next message, or nil at the end of the input. Blocks.
    func read() -> Incoming? {
        while true {
            guard let headerEnd = findHeaderEnd() else {
                if buffer.count - start > Self.maximumHeaderSize {
                    // No header block anywhere in 8 KB: garbage. Drop it and resynchronise on the next header.
                    buffer.removeAll(keepingCapacity: true)
                    start = 0
                    return .invalid(
                        code: Self.parseError, message: "no Content-Length header in the message framing", id: nil)
                }
                if !fill() { return nil }
                continue
            }
            let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
            start = headerEnd + 4
            // The field is looked for anywhere in a line, so stray bytes before a header (a client that wrote
            // something unframed) cost nothing: the message after them is read as usual.
            var length: Int?
            for line in header.components(separatedBy: "\r\n") {
                if let field = line.range(of: "content-length:", options: .caseInsensitive) {
                    length = Int(line[field.upperBound...].trimmingCharacters(in: .whitespaces))
                }
            }
            guard let length, length >= 0 else {
                return .invalid(code: Self.parseError, message: "missing or invalid Content-Length header", id: nil)
            }
            guard length <= Self.maximumBodySize else {
                if !skip(length) { return nil }
                return .invalid(
                    code: Self.invalidRequest, message: "message of \(length) bytes is larger than the limit", id: nil)
            }
            while buffer.count - start < length {
                if !fill() { return nil }
            }
            let body = Data(buffer[start..<(start + length)])
            start += length
            compact()
            return Self.decode(body)
        }
    }

    static func decode(_ body: Data) -> Incoming {
        guard let object = try? JSONSerialization.jsonObject(with: body, options: []) else {
            return .invalid(code: parseError, message: "the message is not valid JSON", id: nil)
        }
        guard let message = object as? [String: Any] else {
            return .invalid(code: invalidRequest, message: "a message must be a JSON object", id: nil)
        }
        let id = message["id"]
        if let id, !(id is String) && !(id is NSNumber) && !(id is NSNull) {
            return .invalid(code: invalidRequest, message: "the id must be a number or a string", id: nil)
        }
        if message["method"] == nil && id == nil {
            return .invalid(code: invalidRequest, message: "a message needs a method or an id", id: nil)
        }
        if let method = message["method"], !(method is String) {
            return .invalid(code: invalidRequest, message: "the method must be a string", id: id)
        }
        return .message(message)
    }

    func send(_ message: [String: Any]) {
        var message = message
        message["jsonrpc"] = "2.0"
        let body = JSONEncoding.encode(message)
        var framed = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        framed.append(contentsOf: body)
        writeLock.lock()
        defer { writeLock.unlock() }
        framed.withUnsafeBufferPointer { bytes in
            var written = 0
            while written < bytes.count {
                let count = Foundation.write(output, bytes.baseAddress! + written, bytes.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return
                }
                written += count
            }
        }
    }

    func respond(to id: Any, result: Any?) {
        send(["id": id, "result": result ?? NSNull()])
    }

    func respond(to id: Any?, errorCode: Int, message: String) {
        send(["id": id ?? NSNull(), "error": ["code": errorCode, "message": message]])
    }

    func notify(_ method: String, _ params: Any) {
        send(["method": method, "params": params])
    }

    private func findHeaderEnd() -> Int? {
        guard buffer.count - start >= 4 else { return nil }
        var index = start
        while index + 3 < buffer.count {
            if buffer[index] == 0x0D && buffer[index + 1] == 0x0A && buffer[index + 2] == 0x0D
                && buffer[index + 3] == 0x0A
            {
                return index
            }
            index += 1
        }
        return nil
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBufferPointer { Foundation.read(input, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return false }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
    }

    private func skip(_ length: Int) -> Bool {
        var remaining = length
        while remaining > 0 {
            if buffer.count - start == 0 && !fill() { return false }
            let take = min(remaining, buffer.count - start)
            start += take
            remaining -= take
            compact()
        }
        return true
    }

    private func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 1 << 16 {
            buffer.removeFirst(start)
            start = 0
        }
    }
}

extension JSONRPCConnection {
    /// Ends the process at once: messages are written whole, unbuffered, so nothing is left to flush.
    func terminate(_ code: Int32) -> Never {
        exit(code)
    }
}
