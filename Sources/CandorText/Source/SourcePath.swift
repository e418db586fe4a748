import Foundation

/// Paths as reports, baselines and `ignore:` globs compare them.
public enum SourcePath {
    /// `file` relative to `directory`, both standardized first; `file` made absolute when it is not inside.
    public static func relative(_ file: String, to directory: String) -> String {
        let absoluteFile = URL(fileURLWithPath: file).standardizedFileURL.path
        var base = URL(fileURLWithPath: directory.isEmpty ? "." : directory).standardizedFileURL.path
        if !base.hasSuffix("/") { base += "/" }
        return absoluteFile.hasPrefix(base) ? String(absoluteFile.dropFirst(base.count)) : absoluteFile
    }
}
