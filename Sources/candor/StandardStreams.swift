// Not Foundation: it imports Glibc without @preconcurrency, and that import would decide how stdout is seen here.
@preconcurrency import Glibc

/// C stdio's streams. Glibc declares them as mutable globals, which Swift 6 cannot prove nobody reassigns;
/// Candor never does, so every thread may read them.
nonisolated(unsafe) let standardOutput = stdout
nonisolated(unsafe) let standardError = stderr
