import CandorText

/// What a transition of the automaton consumes.
enum EdgeLabel: Equatable, Sendable {
    case symbol(Int32)
    case anyWord
    case number
    case minorAge
}
