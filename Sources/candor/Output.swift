import Foundation

/// Writes to standard output through C stdio (buffered; a closed pipe ends the process quietly). A failed
/// write leaves stdout's error flag set, which `finishOutput` turns into exit status 2.
func writeOut(_ text: String) {
    var text = text
    text.withUTF8(writeOutBytes)
}

/// Writes UTF-8 bytes to standard output as they are (a streaming reporter's part, `StreamingReporter`).
func writeOutBytes(_ buffer: UnsafeBufferPointer<UInt8>) {
    if fwrite(buffer.baseAddress, 1, buffer.count, standardOutput) < buffer.count && firstOutputErrno == 0 {
        firstOutputErrno = errno
    }
}

/// Why the first failed write failed: stdio keeps only a flag, and a later successful flush resets errno.
nonisolated(unsafe) private var firstOutputErrno: Int32 = 0

/// Flushes standard output and says why it could not all be written (a full disk, `> /dev/full`), or nil.
/// Without this check a report that never reached its file would still exit 0 or 1, as if it had.
func finishOutput() -> String? {
    errno = 0
    let flushed = fflush(standardOutput) == 0
    if flushed && ferror(standardOutput) == 0 { return nil }
    let code = firstOutputErrno != 0 ? firstOutputErrno : errno
    let reason = code != 0 ? String(cString: strerror(code)) : "write error"
    return "candor: cannot write the output: \(reason)"
}

/// Writes to standard error through stdio, which reports a failure instead of trapping as FileHandle does:
/// a message that cannot be shown must not crash the run.
func writeError(_ text: String) {
    let line = text.hasSuffix("\n") ? text : text + "\n"
    fputs(line, standardError)
    fflush(standardError)
}
