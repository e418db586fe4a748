import CandorText

/// Builds every pattern into one nondeterministic automaton (the rule-set compiler adds states and edges,
/// Thompson-style), then freezes it into the flat tables the matcher reads.
struct AutomatonBuilder {
    struct State: Sendable {
        var edges: [(label: EdgeLabel, target: Int32)] = []
        var epsilons: [Int32] = []
        var accepts: [Int32] = []
    }

    private(set) var states: [State] = [State()]

    mutating func addState() -> Int32 {
        states.append(State())
        return Int32(states.count - 1)
    }

    mutating func addEdge(from: Int32, _ label: EdgeLabel, to: Int32) {
        states[Int(from)].edges.append((label, to))
    }

    mutating func addEpsilon(from: Int32, to: Int32) {
        states[Int(from)].epsilons.append(to)
    }

    mutating func accept(_ state: Int32, pattern: Int32) {
        states[Int(state)].accepts.append(pattern)
    }

    /// States reachable by empty moves, `state` first. `stamps` marks visits; reusing it across calls (with a
    /// new `stamp` each time) keeps start-up free of hashing.
    private func closure(of state: Int32, stamps: inout [Int32], stamp: Int32) -> [Int32] {
        if states[Int(state)].epsilons.isEmpty { return [state] }
        stamps[Int(state)] = stamp
        var stack = [state]
        var order: [Int32] = []
        while let s = stack.popLast() {
            order.append(s)
            for next in states[Int(s)].epsilons where stamps[Int(next)] != stamp {
                stamps[Int(next)] = stamp
                stack.append(next)
            }
        }
        return order
    }

    /// How many edges the frozen tables will hold for the states from `first` on (each state keeps the edges of
    /// its whole closure), counting no further than just past `limit`. The empty moves of one pattern's states
    /// stay among its own states, so the visit marks cover only those.
    func closureEdgeCount(ofStatesFrom first: Int32, limit: Int) -> Int {
        let base = Int(first)
        var stamps = [Int32](repeating: -1, count: states.count - base)
        var total = 0
        var stack: [Int32] = []
        for index in base..<states.count {
            if states[index].epsilons.isEmpty {
                total += states[index].edges.count
            } else {
                let stamp = Int32(index - base)
                stamps[index - base] = stamp
                stack.append(Int32(index))
                while let s = stack.popLast() {
                    total += states[Int(s)].edges.count
                    for next in states[Int(s)].epsilons where next >= first && stamps[Int(next) - base] != stamp {
                        stamps[Int(next) - base] = stamp
                        stack.append(next)
                    }
                }
            }
            if total > limit { return total }
        }
        return total
    }

    /// The automaton the matcher runs: closures precomputed and the root's symbol table built. Call after the
    /// last pattern is added.
    func freeze(symbolCount: Int) -> Automaton {
        var frozen = FrozenStates()
        var stamps = [Int32](repeating: -1, count: states.count)
        for index in states.indices {
            var symbolEdges: [(Int32, Int32)] = []
            var others: [(EdgeLabel, Int32)] = []
            var accepts: [Int32] = []
            for member in closure(of: Int32(index), stamps: &stamps, stamp: Int32(index)) {
                for edge in states[Int(member)].edges {
                    if case .symbol(let symbol) = edge.label {
                        symbolEdges.append((symbol, edge.target))
                    } else {
                        others.append((edge.label, edge.target))
                    }
                }
                for pattern in states[Int(member)].accepts where !accepts.contains(pattern) { accepts.append(pattern) }
            }
            symbolEdges.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            frozen.append(symbolEdges: symbolEdges, others: others, accepts: accepts)
        }
        var bySymbol = [[Int32]](repeating: [], count: symbolCount)
        for (symbol, target) in frozen.symbolEdges[Int(Automaton.root)] {
            bySymbol[Int(symbol)].append(target)
        }
        // Many patterns begin with the same word ("the", "a", "she"): each would start a thread of its own on
        // every such word in the text, and most die a token later. The first step is determinised instead: the
        // states a word leads to from the root are merged into one state with all their edges and accepts, so
        // a word starts one thread. Threads started together share their start, so nothing is lost.
        for symbol in bySymbol.indices where bySymbol[symbol].count > 1 {
            bySymbol[symbol] = [frozen.merge(Array(Set(bySymbol[symbol])).sorted())]
        }
        // The same for a wildcard step: "the (*) misunderstanding", "the (*) encounter" and every other pattern
        // that allows any word after "the" would each add a thread after every "the" in the text; merged, they
        // add one. Merged states are visited too, so a gap of several wildcards is merged at every step.
        var state = 0
        while state < frozen.count && frozen.count < 4 * states.count {
            let wildcardTargets = frozen.others[state].filter { $0.0 == .anyWord }.map(\.1)
            if Set(wildcardTargets).count > 1 {
                let merged = frozen.merge(Array(Set(wildcardTargets)).sorted())
                frozen.others[state] = frozen.others[state].filter { $0.0 != .anyWord } + [(.anyWord, merged)]
            }
            state += 1
        }
        var rootBySymbol: [Int32] = [0]
        var rootTargets: [Int32] = []
        for targets in bySymbol {
            rootTargets.append(contentsOf: targets)
            rootBySymbol.append(Int32(rootTargets.count))
        }
        return Automaton(tables: frozen.tables(rootBySymbol: rootBySymbol, rootTargets: rootTargets))
    }
}

/// The frozen automaton while it is built: each state's edges (its closure's) and accepts, and the states made
/// by merging several into one, then flattened into `AutomatonTables`.
private struct FrozenStates {
    var symbolEdges: [[(Int32, Int32)]] = []
    var others: [[(EdgeLabel, Int32)]] = []
    var accepts: [[Int32]] = []
    private var mergedStates: [[Int32]: Int32] = [:]

    var count: Int { accepts.count }

    mutating func append(symbolEdges: [(Int32, Int32)], others: [(EdgeLabel, Int32)], accepts: [Int32]) {
        self.symbolEdges.append(symbolEdges)
        self.others.append(others)
        self.accepts.append(accepts)
    }

    /// One state that does what all of `targets` (sorted, distinct) do together; the same set gives the same state.
    mutating func merge(_ targets: [Int32]) -> Int32 {
        if let existing = mergedStates[targets] { return existing }
        var edges: [(Int32, Int32)] = []
        var mergedOthers: [(EdgeLabel, Int32)] = []
        var mergedAccepts: [Int32] = []
        for target in targets.map(Int.init) {
            edges.append(contentsOf: symbolEdges[target])
            for other in others[target] where !mergedOthers.contains(where: { $0 == other }) {
                mergedOthers.append(other)
            }
            for pattern in accepts[target] where !mergedAccepts.contains(pattern) { mergedAccepts.append(pattern) }
        }
        edges.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var distinct: [(Int32, Int32)] = []
        for edge in edges where distinct.last.map({ $0 != edge }) ?? true { distinct.append(edge) }
        let merged = Int32(count)
        append(symbolEdges: distinct, others: mergedOthers, accepts: mergedAccepts)
        mergedStates[targets] = merged
        return merged
    }

    func tables(rootBySymbol: [Int32], rootTargets: [Int32]) -> AutomatonTables {
        var edgeStart: [Int32] = [0]
        var edgeSymbols: [Int32] = []
        var edgeTargets: [Int32] = []
        var otherStart: [Int32] = [0]
        var otherLabels: [EdgeLabel] = []
        var otherTargets: [Int32] = []
        var acceptStart: [Int32] = [0]
        var acceptPatterns: [Int32] = []
        for state in 0..<count {
            for (symbol, target) in symbolEdges[state] {
                edgeSymbols.append(symbol)
                edgeTargets.append(target)
            }
            for (label, target) in others[state] {
                otherLabels.append(label)
                otherTargets.append(target)
            }
            acceptPatterns.append(contentsOf: accepts[state])
            edgeStart.append(Int32(edgeSymbols.count))
            otherStart.append(Int32(otherLabels.count))
            acceptStart.append(Int32(acceptPatterns.count))
        }
        return AutomatonTables(
            edgeStart: edgeStart, edgeSymbols: edgeSymbols, edgeTargets: edgeTargets,
            otherStart: otherStart, otherLabels: otherLabels, otherTargets: otherTargets,
            acceptStart: acceptStart, acceptPatterns: acceptPatterns,
            rootBySymbol: rootBySymbol, rootTargets: rootTargets)
    }
}
