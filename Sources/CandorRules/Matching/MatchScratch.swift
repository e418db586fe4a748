import CandorText

/// Working memory for `Automaton.matches`, kept by each linter (one per thread) and reused for every block.
package final class MatchScratch {
    private(set) var stamp = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    /// Two thread lists of `capacity` entries each, swapped token by token.
    private(set) var threadsA = UnsafeMutablePointer<MatchThread>.allocate(capacity: 1)
    private(set) var threadsB = UnsafeMutablePointer<MatchThread>.allocate(capacity: 1)
    private var capacity = 0
    var step: Int32 = 0
    /// The tables the stamps belong to: a different automaton starts afresh.
    private(set) weak var tables: AutomatonTables?

    package init() {}

    func reset(for tables: AutomatonTables, stateCount: Int) {
        if capacity < stateCount {
            stamp.deallocate()
            threadsA.deallocate()
            threadsB.deallocate()
            stamp = UnsafeMutablePointer<Int32>.allocate(capacity: stateCount)
            threadsA = UnsafeMutablePointer<MatchThread>.allocate(capacity: stateCount)
            threadsB = UnsafeMutablePointer<MatchThread>.allocate(capacity: stateCount)
            capacity = stateCount
        }
        stamp.initialize(repeating: -1, count: stateCount)
        step = 0
        self.tables = tables
    }

    deinit {
        stamp.deallocate()
        threadsA.deallocate()
        threadsB.deallocate()
    }
}

/// One live path through the automaton: where it is and the token its match began at.
struct MatchThread {
    var state: Int32
    var start: Int32
}
