import Foundation
import Testing

/// The pipeline order inside each target. The compiler keeps the targets apart (CandorText cannot see
/// CandorRules); within a target, this test does: a file may name a type only from its own folder or from a
/// folder before it (docs/architecture.md). This is the order of use, which differs from the order of the run
/// in one place: Markup folds table headings with Text's case folding, so Text comes first here.
@Suite struct LayeringTests {
    static let order: [String: [String]] = [
        "CandorText": ["Snapshot", "Source", "Text", "Markup"],
        "CandorRules": ["Lexicon", "Matching", "Context", "Findings"],
        "CandorKit": ["Checks", "Config", "Engine", "Fixing", "Evaluation", "Report", "Terminal"]
    ]

    /// Every Swift file of a target, keyed by its top folder ("" for files at the target's root).
    static func files(of target: String) throws -> [(folder: String, path: String, text: String)] {
        let root = TestSupport.packageRoot.appendingPathComponent("Sources/\(target)")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var found: [(String, String, String)] = []
        for case let relative as String in walker where relative.hasSuffix(".swift") {
            let folder = relative.contains("/") ? String(relative.split(separator: "/")[0]) : ""
            let text = try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
            found.append((folder, relative, text))
        }
        return found
    }

    static let declaration = try! NSRegularExpression(
        pattern: #"^\s*(?:(?:public|package|internal|private|fileprivate|final|indirect)\s+)*"#
            + #"(?:struct|class|enum|protocol|typealias|actor)\s+(\w+)"#,
        options: [.anchorsMatchLines])

    @Test(arguments: ["CandorText", "CandorRules", "CandorKit"])
    func filesUseOnlyTheirOwnFolderAndTheOnesBefore(target: String) throws {
        let order = Self.order[target]!
        let files = try Self.files(of: target)
        let folders = Set(files.map(\.folder)).subtracting([""])
        #expect(folders == Set(order), "a folder was added or renamed: put it in the order here and in the docs")
        var owner: [String: String] = [:]
        for file in files where !file.folder.isEmpty {
            let range = NSRange(file.text.startIndex..., in: file.text)
            for match in Self.declaration.matches(in: file.text, range: range) {
                let name = (file.text as NSString).substring(with: match.range(at: 1))
                if owner[name] == nil { owner[name] = file.folder }
            }
        }
        for file in files {
            guard let position = order.firstIndex(of: file.folder) else { continue }
            // Comments may name anything; only code counts.
            let code = file.text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { line in line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? String(line) }
                .joined(separator: "\n")
            for (name, folder) in owner where folder != file.folder {
                guard let other = order.firstIndex(of: folder), other > position else { continue }
                let uses = code.range(of: #"\b\#(name)\b"#, options: .regularExpression) != nil
                #expect(!uses, "\(target)/\(file.path) uses \(name) from \(folder), a later stage than \(file.folder)")
            }
        }
    }
}
