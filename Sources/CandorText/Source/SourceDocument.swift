import Foundation

/// The bytes of one input, and the name to report it under.
public struct SourceDocument: Sendable {
    /// The path as the user gave it, or `-` (or `--stdin-filename`) for standard input.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// Why an input could not be linted. Each names what is wrong in words a writer can act on.
public enum InputProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(String)
    case notFound
    case invalidUTF8(offset: Int, line: Int, column: Int)
    case binary
    /// A named input that is not a regular file: reading a FIFO or a device could block or never end.
    case notRegular(String)
    /// More bytes than the input limit (`--max-input-size`).
    case tooLarge(limit: Int)
    /// Text in an encoding Candor does not read (UTF-16 or UTF-32, known by its byte order mark).
    case unsupportedEncoding(String)

    public var description: String {
        switch self {
        case .unreadable(let reason): return "cannot read: \(reason)"
        case .notFound: return "no such file or directory"
        case .invalidUTF8(let offset, let line, let column):
            return "invalid UTF-8 at byte offset \(offset) (line \(line), column \(column)); save the file as UTF-8"
        case .binary: return "binary file (contains NUL bytes); skipped"
        case .notRegular(let kind):
            return "not a regular file (\(kind)); only regular files and standard input are read"
        case .tooLarge(let limit):
            return "larger than the input limit of \(Self.describeSize(limit)); raise it with --max-input-size"
        case .unsupportedEncoding(let encoding):
            return "the file is \(encoding) (it starts with a byte order mark); save it as UTF-8"
        }
    }

    /// A byte count as people write it: "256 MB" when it is a whole number of megabytes.
    public static func describeSize(_ bytes: Int) -> String {
        let units = [(1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")]
        for (size, name) in units where bytes >= size && bytes % size == 0 { return "\(bytes / size) \(name)" }
        return "\(bytes) bytes"
    }

    /// Binary files are skipped with a note, not counted as errors.
    public var isSkip: Bool { self == .binary }
}

public enum SourceValidator {
    /// Checks that a document is text Candor can lint: no NUL bytes in the first 8 KiB, valid UTF-8 throughout.
    /// A UTF-8 byte order mark is allowed (and ignored by the tokenizer as a non-word).
    public static func validate(_ bytes: [UInt8]) -> InputProblem? {
        // Checked before the NUL test: UTF-16 and UTF-32 text is full of NUL bytes and would pass as a
        // skipped binary file, so a draft saved in the wrong encoding would go through CI unlinted.
        if let encoding = unicodeEncodingFromByteOrderMark(bytes) { return .unsupportedEncoding(encoding) }
        if bytes.prefix(8192).contains(0) { return .binary }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let offset = firstInvalidUTF8(buffer) else { return nil }
            let (line, column) = LineIndex(bytes, from: 0, breaks: .lf).position(of: offset)
            return .invalidUTF8(offset: offset, line: line, column: column)
        }
    }

    static func unicodeEncodingFromByteOrderMark(_ bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(4))
        if head == [0xFF, 0xFE, 0x00, 0x00] { return "UTF-32 (little-endian)" }
        if head == [0x00, 0x00, 0xFE, 0xFF] { return "UTF-32 (big-endian)" }
        if head.starts(with: [0xFF, 0xFE]) { return "UTF-16 (little-endian)" }
        if head.starts(with: [0xFE, 0xFF]) { return "UTF-16 (big-endian)" }
        return nil
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let count = bytes.count
        while i < count {
            // Skip ASCII eight bytes at a time: most prose is ASCII.
            while i + 8 <= count {
                let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            guard i < count else { break }
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF:
                length = 2
                minimum = 0x80
                scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF:
                length = 3
                minimum = 0x800
                scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4:
                length = 4
                minimum = 0x10000
                scalar = UInt32(lead & 0x07)
            default: return i
            }
            guard i + length <= count else { return i }
            for k in 1..<length {
                let byte = bytes[i + k]
                guard byte & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += length
        }
        return nil
    }
}
