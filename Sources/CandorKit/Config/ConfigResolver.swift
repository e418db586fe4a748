import CandorRules
import CandorText
import Foundation

/// Decides which configuration and compiled rule set apply to each input, caching both: a run over 10,000
/// files under one `.candor.yml` reads that file once and compiles the rules once.
public final class ConfigResolver {
    /// Choices made on the command line; they win over any config file.
    public struct Overrides {
        public var configPath: String?
        public var noConfig = false
        public var lexicons: [String] = []
        public var quoted: QuotedMode?
        /// `--no-scorer`: the rules alone, whatever the config says.
        public var noScorer = false
        public var markup: MarkupKind?
        public var keepSource = false
        public var keepCleanSource = false
        public var keepLineText = false

        public init() {}
    }

    private let builtin: [Lexicon]
    /// `builtin` compiled ahead of time (the build's snapshot), used when nothing is added to it.
    private let precompiled: RuleSet?
    private let overrides: Overrides
    private var configByDirectory: [String: String?] = [:]
    private var configs: [String: Configuration] = [:]
    private var settingsByConfig: [String: InputSettings] = [:]
    private var userLexicons: [String: Lexicon] = [:]

    public init(builtin: [Lexicon], precompiled: RuleSet? = nil, overrides: Overrides) {
        self.builtin = builtin
        self.precompiled = precompiled
        self.overrides = overrides
    }

    /// The config file named on the command line (`--config`), unless `--no-config` says to use none.
    public var overridesConfigPath: String? { overrides.noConfig ? nil : overrides.configPath }

    /// The config file for a file at `path` (or for standard input named `path`), or nil.
    public func configPath(for path: String) -> String? {
        if overrides.noConfig { return nil }
        if let explicit = overrides.configPath { return explicit }
        let directory =
            path == "-" ? FileManager.default.currentDirectoryPath : (path as NSString).deletingLastPathComponent
        let key = directory.isEmpty ? "." : directory
        if let cached = configByDirectory[key] { return cached }
        let found = ConfigLoader.discover(from: key)
        configByDirectory[key] = found
        return found
    }

    public func configuration(at path: String) throws -> Configuration {
        if let cached = configs[path] { return cached }
        let config = try ConfigLoader.load(path: path)
        configs[path] = config
        return config
    }

    /// The rule set, options and configuration for files governed by `configPath` (nil: no config). Markup is
    /// the command line's choice or nil here; the planner resolves it for each input from its name.
    public func settings(forConfigAt configPath: String?) throws -> InputSettings {
        let key = configPath ?? ""
        if let cached = settingsByConfig[key] { return cached }
        let config = try configPath.map(configuration(at:))
        var lexicons = builtin
        for path in overrides.lexicons + (config?.lexicons ?? []) {
            if let loaded = userLexicons[path] {
                lexicons.append(loaded)
            } else {
                let loaded = try LexiconLoader.load(path: path)
                userLexicons[path] = loaded
                lexicons.append(loaded)
            }
        }
        let accept = config?.accept ?? []
        let ruleSet: RuleSet
        if let precompiled, lexicons.count == builtin.count, accept.isEmpty {
            ruleSet = precompiled
        } else {
            ruleSet = try RuleSet.compile(lexicons, accept: accept)
        }
        if let config {
            for (rule, location) in config.ruleLocations.sorted(by: { $0.value.line < $1.value.line })
            where ruleSet.rule(id: rule) == nil {
                let close = ruleSet.rules.map(\.id).filter {
                    $0.hasSuffix(rule.split(separator: ".").last.map(String.init) ?? rule)
                }
                let hint = close.isEmpty ? " (run 'candor rules' to list them)" : "; did you mean \(close[0])?"
                throw YAMLFileError("unknown rule id '\(rule)'\(hint)", at: location, field: "rules.\(rule)")
            }
            // Checked against the rules in play, since a team lexicon may bring a category of its own.
            let known = Set(ruleSet.rules.map(\.category))
            for (category, location) in config.categoryLocations.sorted(by: { $0.value.line < $1.value.line })
            where !known.contains(category) {
                let list = known.sorted().joined(separator: ", ")
                throw YAMLFileError(
                    "unknown category '\(category)' (known: \(list))", at: location,
                    field: "categories.\(category)")
            }
        }
        var options = LintOptions()
        config?.apply(to: &options)
        if let quoted = overrides.quoted { options.quoted = quoted }
        if overrides.noScorer { options.usesScorer = false }
        options.markup = overrides.markup
        options.keepSource = overrides.keepSource
        options.keepCleanSource = overrides.keepCleanSource
        options.keepLineText = overrides.keepLineText
        let settings = InputSettings(ruleSet: ruleSet, options: options, configuration: config)
        settingsByConfig[key] = settings
        return settings
    }
}
