import CandorText
import Foundation
import Yams

/// A problem in a YAML file Candor reads (a lexicon or a config), with the place and the field.
public struct YAMLFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var location: FileLocation
    public var field: String?
    public var problem: String

    public init(_ problem: String, at location: FileLocation, field: String? = nil) {
        self.location = location
        self.field = field
        self.problem = problem
    }

    public var description: String {
        if let field { return "\(location): \(field): \(problem)" }
        return "\(location): \(problem)"
    }
}

/// A YAML node that remembers which file it came from, with typed accessors whose errors name the line and the key.
package struct YAMLValue {
    package let node: Node
    let file: String
    let path: String

    /// Every scalar is read as text (`.basic` resolver): the readers decide what `on` or `~` means, and skipping
    /// Yams' regular-expression tag resolution is most of the cost of loading the lexicons at start-up.
    package static func parse(_ text: String, file: String) throws -> YAMLValue? {
        do {
            guard let node = try Yams.compose(yaml: text, .basic) else { return nil }
            try checkExpandedSize(of: node, fileSize: text.utf8.count, file: file)
            return YAMLValue(node: node, file: file, path: "")
        } catch let error as YamlError {
            throw Self.convert(error, file: file)
        }
    }

    /// How many times its own size a file may grow to once its aliases are expanded. Aliases share their
    /// target, so a few lines of `&a [*b, *b, ...]` stand for gigabytes that every reader would walk.
    static let maximumExpansion = 16
    /// What any file may expand to whatever its size: generous for anchors a config reuses.
    static let minimumExpansionAllowance = 1 << 20

    /// Walks the composed tree, counting each node and the bytes of each scalar, and stops just past the limit,
    /// so the check costs no more than the limit itself.
    static func checkExpandedSize(of root: Node, fileSize: Int, file: String) throws {
        let limit = fileSize * maximumExpansion + minimumExpansionAllowance
        var total = 0
        var stack = [root]
        while let node = stack.popLast() {
            switch node {
            case .scalar(let scalar): total += 1 + scalar.string.utf8.count
            case .sequence(let sequence):
                total += 1
                stack.append(contentsOf: sequence)
            case .mapping(let mapping):
                total += 1
                for (key, value) in mapping {
                    stack.append(key)
                    stack.append(value)
                }
            case .alias: total += 1
            }
            if total > limit {
                let mark = node.mark
                throw YAMLFileError(
                    "YAML aliases expand this file to more than \(limit) bytes (limit: \(maximumExpansion) times "
                        + "the file's size plus 1 MB); write the values out instead of repeating aliases",
                    at: FileLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1))
            }
        }
    }

    package var location: FileLocation {
        let mark = node.mark
        return FileLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    package func error(_ problem: String) -> YAMLFileError {
        YAMLFileError(problem, at: location, field: path.isEmpty ? nil : path)
    }

    /// The entries of a mapping, checking that every key is known and none is repeated.
    /// An empty value (`key:` with nothing after it, `~` or `null`), which reads as an empty list or mapping.
    var isNull: Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    package func mapping(allowedKeys: Set<String>? = nil, describing what: String) throws -> [(
        key: String, value: YAMLValue
    )] {
        if isNull { return [] }
        guard case .mapping(let mapping) = node else { throw error("expected \(what) (a mapping of keys to values)") }
        var seen: Set<String> = []
        var entries: [(String, YAMLValue)] = []
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? ""
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            let keyValue = YAMLValue(node: keyNode, file: file, path: keyPath)
            if let allowedKeys, !allowedKeys.contains(key) {
                let known = allowedKeys.sorted().joined(separator: ", ")
                throw keyValue.error("unknown key '\(key)' in \(what) (known keys: \(known))")
            }
            if !seen.insert(key).inserted { throw keyValue.error("key '\(key)' appears twice") }
            entries.append((key, YAMLValue(node: valueNode, file: file, path: keyPath)))
        }
        return entries
    }

    func sequence() throws -> [YAMLValue] {
        if isNull { return [] }
        guard case .sequence(let sequence) = node else { throw error("expected a list") }
        return sequence.enumerated().map { YAMLValue(node: $1, file: file, path: "\(path)[\($0)]") }
    }

    /// A list, or a single value taken as a list of one.
    package func list() throws -> [YAMLValue] {
        if isNull { return [] }
        if case .sequence = node { return try sequence() }
        return [self]
    }

    package func string(nonEmpty: Bool = true) throws -> String {
        guard case .scalar(let scalar) = node else { throw error("expected text, found a \(kind)") }
        if nonEmpty && scalar.string.allSatisfy(\.isWhitespace) {
            throw error("must not be empty")
        }
        return scalar.string
    }

    func bool() throws -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false")
        }
    }

    package func strings() throws -> [String] { try list().map { try $0.string() } }

    var kind: String {
        switch node {
        case .scalar: return "single value"
        case .mapping: return "mapping"
        case .sequence: return "list"
        case .alias: return "alias"
        }
    }

    private static func convert(_ error: YamlError, file: String) -> YAMLFileError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return YAMLFileError(
                "invalid YAML: \(problem)", at: FileLocation(file: file, line: mark.line, column: mark.column))
        default:
            return YAMLFileError("invalid YAML: \(error)", at: FileLocation(file: file, line: 1, column: 1))
        }
    }
}
