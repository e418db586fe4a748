import CandorRules
import CandorText

/// Everything decided for one input before it is read: the rules it is linted with, the options that choose
/// which findings are reported (markup resolved), and the configuration file that governs it, if any.
public struct InputSettings: Sendable {
    public var ruleSet: RuleSet
    public var options: LintOptions
    /// The `.candor.yml` in force (its fail level, message-test weights and kind), or nil.
    public var configuration: Configuration?

    public init(ruleSet: RuleSet, options: LintOptions, configuration: Configuration? = nil) {
        self.ruleSet = ruleSet
        self.options = options
        self.configuration = configuration
    }

    /// The configuration's `fail-level:`; the command line's `--fail-level` wins over it.
    public var failLevel: Severity? { configuration?.failLevel }
}
