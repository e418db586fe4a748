import CandorRules
import CandorText
import Foundation

/// Why fixed text could not be written. The file is unchanged whenever one of these is thrown.
public struct FileWriteError: Error, CustomStringConvertible {
    public var description: String
}

/// Replaces a file's contents all at once: the new text goes to a temporary file in the same folder, which
/// then takes the file's place by `rename`, so a reader (or a crash) sees the old text or the new, never half.
public enum AtomicFileWriter {
    public static func replaceContents(of path: String, with bytes: [UInt8]) throws {
        // A symbolic link stays a link: its target is what gets the new text.
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var status = stat()
        guard stat(target, &status) == 0 else { throw failure(path, "cannot read its permissions", errno) }
        // rename() needs only the folder to be writable, so a read-only file would otherwise be replaced
        // silently (and always for root): its mode is the writer's "do not change this".
        if status.st_mode & 0o222 == 0 || access(target, W_OK) != 0 {
            throw FileWriteError(description: "\(path) is read-only; not fixed, the file is unchanged")
        }
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/.\(name).candor-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure(path, "cannot create a temporary file beside it", errno) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = 0
        var problem: FileWriteError?
        bytes.withUnsafeBufferPointer { buffer in
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    problem = failure(path, "cannot write the fixed text", errno)
                    return
                }
                written += count
            }
        }
        if problem == nil && fchmod(descriptor, status.st_mode & 0o7777) != 0 {
            problem = failure(path, "cannot keep its permissions", errno)
        }
        if problem == nil && fsync(descriptor) != 0 { problem = failure(path, "cannot write the fixed text", errno) }
        close(descriptor)
        if problem == nil && rename(temporary, target) != 0 { problem = failure(path, "cannot replace it", errno) }
        if let problem {
            unlink(temporary)
            throw problem
        }
    }

    private static func failure(_ path: String, _ what: String, _ code: Int32) -> FileWriteError {
        FileWriteError(
            description: "\(path): \(what) (\(String(cString: strerror(code)))); not fixed, the file is unchanged")
    }
}
