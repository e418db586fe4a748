import Foundation

/// Reads inputs: files (with POSIX reads straight into a byte array, so a 200 MB file costs 200 MB),
/// standard input, and the files under directories.
public enum SourceReader {
    /// Extensions linted when a directory is given. Files named explicitly are always linted.
    public static let defaultExtensions = MarkupKind.fileExtensions

    /// The largest input read unless `--max-input-size` says otherwise. Far above any real draft, it exists
    /// so that an endless source (`/dev/zero` piped in, a runaway generator) ends with an error naming the
    /// limit instead of growing until the allocator aborts the whole run.
    public static let defaultMaximumSize = 256 * 1024 * 1024

    public static func read(path: String, maximumSize: Int = defaultMaximumSize) -> Result<[UInt8], InputProblem> {
        // stat before open: opening a FIFO blocks until a writer comes, which may be never.
        var info = stat()
        if stat(path, &info) != 0 { return .failure(problem(errno)) }
        if let kind = nonRegularKind(info.st_mode) {
            if kind == "directory" { return .failure(.unreadable("is a directory")) }
            return .failure(.notRegular(kind))
        }
        if Int(info.st_size) > maximumSize { return .failure(.tooLarge(limit: maximumSize)) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        if descriptor < 0 { return .failure(problem(errno)) }
        defer { close(descriptor) }
        // The file may have been swapped between stat and open; fstat is the truth for what is being read.
        if fstat(descriptor, &info) == 0, let kind = nonRegularKind(info.st_mode) {
            return .failure(kind == "directory" ? .unreadable("is a directory") : .notRegular(kind))
        }
        let expected = min(max(Int(info.st_size), 0), maximumSize)
        return readAll(descriptor, sizeHint: expected, maximumSize: maximumSize)
    }

    public static func readStandardInput(maximumSize: Int = defaultMaximumSize) -> Result<[UInt8], InputProblem> {
        readAll(STDIN_FILENO, sizeHint: 0, maximumSize: maximumSize)
    }

    /// What a file is when it is not a regular file ("FIFO", "device", ...), or nil for a regular file.
    static func nonRegularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "directory"
        case S_IFIFO: return "FIFO"
        case S_IFCHR, S_IFBLK: return "device"
        case S_IFSOCK: return "socket"
        default: return "special file"
        }
    }

    static func readAll(_ descriptor: Int32, sizeHint: Int, maximumSize: Int) -> Result<[UInt8], InputProblem> {
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
            if bytes.count + n > maximumSize { return .failure(.tooLarge(limit: maximumSize)) }
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

    /// The inputs a list of paths stands for.
    public struct Expansion {
        /// Files to lint, in a stable sorted order per path given.
        public var files: [String] = []
        /// Paths given that do not exist.
        public var missing: [String] = []
        /// Files met while walking a folder that are not regular files (FIFOs, devices, sockets), with why.
        public var skipped: [(path: String, reason: String)] = []
    }

    /// Expands directories into the files under them that have one of `extensions`, skipping hidden
    /// folders and dependency folders. Files named directly are kept whatever their extension, unless
    /// `filterNamed` is set and `isIgnored` says so.
    ///
    /// Symbolic links are followed, but each real folder is entered once and each real file listed once
    /// (by device and inode), so a link back up the tree cannot loop or multiply the work.
    public static func expand(
        _ paths: [String], extensions: Set<String> = defaultExtensions,
        filterNamed: Bool = false,
        isIgnored: (String) -> Bool = { _ in false }
    ) -> Expansion {
        var expansion = Expansion()
        var seen = Walk()
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                expansion.missing.append(path)
                continue
            }
            if (info.st_mode & S_IFMT) != S_IFDIR {
                if filterNamed && isIgnored(path) { continue }
                expansion.files.append(path)
                continue
            }
            var found: [String] = []
            seen.walk(
                path, info: info, extensions: extensions, isIgnored: isIgnored, into: &found,
                skipped: &expansion.skipped)
            expansion.files.append(contentsOf: found.sorted())
        }
        return expansion
    }

    private static let skippedDirectories: Set<String> = ["node_modules", "vendor", "_site", "target"]

    /// A file's identity whatever name or link reaches it.
    private struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    private struct Walk {
        var directories: Set<FileID> = []
        var files: Set<FileID> = []

        mutating func walk(
            _ directory: String, info: stat, extensions: Set<String>, isIgnored: (String) -> Bool,
            into found: inout [String], skipped: inout [(path: String, reason: String)]
        ) {
            guard directories.insert(FileID(info)).inserted else { return }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
            for name in names.sorted() {
                if name.hasPrefix(".") { continue }
                let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
                var entry = stat()
                guard stat(path, &entry) == 0 else { continue }
                if isIgnored(path) { continue }
                let kind = entry.st_mode & S_IFMT
                if kind == S_IFDIR {
                    if !skippedDirectories.contains(name) {
                        walk(
                            path, info: entry, extensions: extensions, isIgnored: isIgnored, into: &found,
                            skipped: &skipped)
                    }
                    continue
                }
                guard extensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
                if let kind = nonRegularKind(entry.st_mode) {
                    skipped.append((path, "not a regular file (\(kind)); skipped"))
                } else if files.insert(FileID(entry)).inserted {
                    found.append(path)
                }
            }
        }
    }
}
