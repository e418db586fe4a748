import CandorRules
import CandorText
import Foundation

/// Finds and reads `.candor.yml` files. Unknown keys and wrong types are errors naming the file, line and key.
public enum ConfigLoader {
    public static let fileName = ".candor.yml"
    static let keys: Set<String> = [
        "categories", "rules", "lexicons", "accept", "ignore", "quoted", "scorer", "fail-level",
        "weights", "kind"
    ]

    /// The nearest `.candor.yml` in `directory` or a folder above it.
    public static func discover(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory.isEmpty ? "." : directory).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    public static func load(path: String) throws -> Configuration {
        let data: Data
        switch SourceReader.read(path: path, maximumSize: LexiconLoader.maximumFileSize) {
        case .success(let bytes): data = Data(bytes)
        case .failure(let problem):
            throw YAMLFileError(
                "cannot read configuration: \(problem)", at: FileLocation(file: path, line: 1, column: 1))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw YAMLFileError("configuration is not valid UTF-8", at: FileLocation(file: path, line: 1, column: 1))
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws -> Configuration {
        var config = Configuration(path: path)
        guard let root = try YAMLValue.parse(text, file: path) else { return config }
        if case .scalar = root.node, (try? root.string(nonEmpty: false))?.isEmpty ?? false { return config }
        for (key, value) in try root.mapping(allowedKeys: keys, describing: "a .candor.yml file") {
            switch key {
            case "categories":
                for (category, setting) in try value.mapping(describing: "categories") {
                    config.categories[category] = try onOff(setting)
                    config.categoryLocations[category] = setting.location
                }
            case "rules":
                for (rule, setting) in try value.mapping(describing: "rules") {
                    let text = try setting.string().lowercased()
                    if text == "off" || text == "false" {
                        config.rules[rule] = .off
                    } else if text == "on" || text == "true" {
                        config.rules[rule] = .on
                    } else if let severity = Severity(rawValue: text) {
                        config.rules[rule] = .severity(severity)
                    } else {
                        throw setting.error("expected on, off, error, warning or suggestion, found '\(text)'")
                    }
                    config.ruleLocations[rule] = setting.location
                }
            case "lexicons":
                config.lexicons = try value.strings().map { resolve($0, against: config.directory) }
            case "accept":
                config.accept = try value.list().map { item in
                    PatternSource(literalPattern(try item.string()), at: item.location)
                }
            case "ignore":
                config.ignore = try value.list().map { item in
                    do { return try Glob(try item.string()) } catch let error as YAMLFileError { throw error } catch {
                        throw item.error("invalid glob: \(error.localizedDescription)")
                    }
                }
            case "quoted":
                let text = try value.string()
                guard let mode = QuotedMode(rawValue: text) else {
                    throw value.error("expected downgrade, ignore or keep, found '\(text)'")
                }
                config.quoted = mode
            case "scorer":
                let text = try value.string()
                switch text {
                case "on": config.scorer = true
                case "off": config.scorer = false
                default: throw value.error("expected on or off, found '\(text)'")
                }
            case "fail-level":
                let text = try value.string()
                guard let level = Severity(rawValue: text) else {
                    throw value.error("expected error, warning or suggestion, found '\(text)'")
                }
                config.failLevel = level
            case "weights":
                for (test, weight) in try value.mapping(describing: "weights") {
                    guard MessageTester.defaultWeights[test] != nil else {
                        let known = MessageTester.tests.map(\.id).joined(separator: ", ")
                        throw weight.error("unknown message test '\(test)' (known: \(known))")
                    }
                    guard let number = Double(try weight.string()), number >= 0 else {
                        throw weight.error("expected a number of 0 or more")
                    }
                    config.weights[test] = number
                }
            case "kind":
                let text = try value.string()
                let kinds = ["statement", "news", "advocacy", "guide"]
                guard kinds.contains(text) else {
                    throw value.error("expected one of \(kinds.joined(separator: ", "))")
                }
                config.kind = text
            default:
                break
            }
        }
        return config
    }

    private static func onOff(_ value: YAMLValue) throws -> Bool {
        switch try value.string().lowercased() {
        case "on", "true", "yes": return true
        case "off", "false", "no": return false
        default: throw value.error("expected on or off")
        }
    }

    static func resolve(_ path: String, against directory: String) -> String {
        if path.hasPrefix("/") { return path }
        return URL(fileURLWithPath: directory.isEmpty ? "." : directory).appendingPathComponent(path)
            .standardizedFileURL.path
    }

    /// Accepted phrases are plain words, not patterns: drop the pattern language's special characters.
    static func literalPattern(_ phrase: String) -> String {
        String(phrase.map { "()[]{}|*@<>".contains($0) ? " " : $0 })
    }

    /// The commented starter file `candor init` writes.
    public static let starter = """
        # Candor configuration. Candor uses the nearest .candor.yml above each file it lints.
        # Every key is optional; delete what you do not need. Docs: docs/configuration.md

        # Switch whole categories on or off: vague, intent, blaming.
        categories:
          vague: on
          intent: on
          blaming: on

        # Per-rule settings: on, off, or a severity (error | warning | suggestion).
        # `candor rules` lists the ids; `candor explain ID` says why each exists.
        rules:
          # vague.accuser: off            # if your newsroom follows AP on "accuser"
          # intent.asks-forgiveness: on           # rules shipped off can be switched on like this

        # Your own rules, in the same format as Candor's (docs/lexicon-format.md), relative to this file.
        lexicons: []

        # Phrases never reported, such as the exact name of your own policy.
        accept:
          # - Sexual Misconduct Policy

        # Files not to lint (globs relative to this file; ** crosses folders).
        ignore:
          # - archive/**
          # - "**/CHANGELOG.md"

        # Findings inside quotation marks and attributed speech: downgrade (to suggestion), ignore or keep.
        quoted: downgrade

        # The candidate scorer trained on labelled real text has the last word on built-in rules' matches
        # (docs/accuracy.md): on, or off for the rules alone.
        scorer: on

        # The lowest severity that makes `candor lint` exit 1: error | warning | suggestion.
        fail-level: warning

        """
}
