import CandorRules
import CandorText

/// Output that may be coloured for a terminal. Colour is on only when the caller asks (the CLI asks on a
/// terminal without NO_COLOR), so every coloured piece goes through `paint`, which leaves text alone otherwise.
protocol TerminalColoring {
    var color: Bool { get }
}

extension TerminalColoring {
    /// `text` in the ANSI style `code` ("1;31" is bold red), then back to plain.
    func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension TextReporter: TerminalColoring {}

extension ScorecardReporter: TerminalColoring {}
