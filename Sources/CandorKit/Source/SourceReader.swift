import Foundation

/// Reads inputs: files (with POSIX reads straight into a byte array, so a 200 MB file costs 200 MB),
/// standard input, and the files under directories.
public enum SourceReader {
    /// Extensions linted when a directory is given. Files named explicitly are always linted.
    public static let defaultExtensions: Set<String> = ["md", "markdown", "txt", "html", "htm"]

    public static func read(path: String) -> Result<[UInt8], InputProblem> {
        let descriptor = open(path, O_RDONLY)
        if descriptor < 0 { return .failure(problem(errno)) }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            return .failure(.unreadable("is a directory"))
        }
        let expected = max(Int(info.st_size), 0)
        return readAll(descriptor, sizeHint: expected)
    }

    public static func readStandardInput() -> Result<[UInt8], InputProblem> {
        readAll(STDIN_FILENO, sizeHint: 0)
    }

    static func readAll(_ descriptor: Int32, sizeHint: Int) -> Result<[UInt8], InputProblem> {
        var bytes = [UInt8]()
        var capacity = max(sizeHint + 1, 64 * 1024)
        bytes.reserveCapacity(capacity)
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        if sizeHint > 0 {
            // A regular file: read straight into the final array.
            bytes = [UInt8](unsafeUninitializedCapacity: sizeHint) { buffer, count in
                count = 0
                while count < sizeHint {
                    let n = Foundation.read(descriptor, buffer.baseAddress! + count, sizeHint - count)
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { break }
                    count += n
                }
            }
        }
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(problem(errno))
            }
            if n == 0 { break }
            if bytes.count + n > capacity {
                capacity = max(capacity * 2, bytes.count + n)
                bytes.reserveCapacity(capacity)
            }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return .success(bytes)
    }

    static func problem(_ code: Int32) -> InputProblem {
        if code == ENOENT || code == ENOTDIR { return .notFound }
        return .unreadable(String(cString: strerror(code)))
    }

    /// Expands directories into the files under them that have one of `extensions`, skipping hidden
    /// folders and dependency folders. Files named directly are kept whatever their extension.
    /// Returns paths in a stable sorted order, plus the paths that do not exist.
    public static func expand(_ paths: [String], extensions: Set<String> = defaultExtensions,
                              isIgnored: (String) -> Bool = { _ in false }) -> (files: [String], missing: [String]) {
        var files: [String] = []
        var missing: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append(path)
                continue
            }
            if !isDirectory.boolValue {
                files.append(path)
                continue
            }
            var found: [String] = []
            walk(path, extensions: extensions, isIgnored: isIgnored, into: &found)
            files.append(contentsOf: found.sorted())
        }
        return (files, missing)
    }

    private static let skippedDirectories: Set<String> = ["node_modules", "vendor", "_site", "target"]

    private static func walk(_ directory: String, extensions: Set<String>, isIgnored: (String) -> Bool, into found: inout [String]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names.sorted() {
            if name.hasPrefix(".") { continue }
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isIgnored(path) { continue }
            if isDirectory.boolValue {
                if !skippedDirectories.contains(name) { walk(path, extensions: extensions, isIgnored: isIgnored, into: &found) }
            } else if extensions.contains((name as NSString).pathExtension.lowercased()) {
                found.append(path)
            }
        }
    }
}
