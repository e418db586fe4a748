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
        var edgeStart: [Int32] = [0]
        var edgeSymbols: [Int32] = []
        var edgeTargets: [Int32] = []
        var otherStart: [Int32] = [0]
        var otherLabels: [EdgeLabel] = []
        var otherTargets: [Int32] = []
        var acceptStart: [Int32] = [0]
        var acceptPatterns: [Int32] = []
        var stamps = [Int32](repeating: -1, count: states.count)
        var symbolEdges: [(Int32, Int32)] = []
        for index in states.indices {
            let members = closure(of: Int32(index), stamps: &stamps, stamp: Int32(index))
            symbolEdges.removeAll(keepingCapacity: true)
            var accepts: [Int32] = []
            for member in members {
                for edge in states[Int(member)].edges {
                    if case .symbol(let symbol) = edge.label {
                        symbolEdges.append((symbol, edge.target))
                    } else {
                        otherLabels.append(edge.label)
                        otherTargets.append(edge.target)
                    }
                }
                for pattern in states[Int(member)].accepts where !accepts.contains(pattern) { accepts.append(pattern) }
            }
            symbolEdges.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            for (symbol, target) in symbolEdges {
                edgeSymbols.append(symbol)
                edgeTargets.append(target)
            }
            edgeStart.append(Int32(edgeSymbols.count))
            otherStart.append(Int32(otherLabels.count))
            acceptPatterns.append(contentsOf: accepts)
            acceptStart.append(Int32(acceptPatterns.count))
        }
        var bySymbol = [[Int32]](repeating: [], count: symbolCount)
        for index in Int(edgeStart[Int(Automaton.root)])..<Int(edgeStart[Int(Automaton.root) + 1]) {
            bySymbol[Int(edgeSymbols[index])].append(edgeTargets[index])
        }
        // Many patterns begin with the same word ("the", "a", "she"): each would start a thread of its own on
        // every such word in the text, and most die a token later. The first step is determinised instead: the
        // states a word leads to from the root are merged into one state with all their edges and accepts, so
        // a word starts one thread. Threads started together share their start, so nothing is lost.
        var mergedStates: [[Int32]: Int32] = [:]
        for symbol in bySymbol.indices where bySymbol[symbol].count > 1 {
            let targets = Array(Set(bySymbol[symbol])).sorted()
            if let existing = mergedStates[targets] {
                bySymbol[symbol] = [existing]
                continue
            }
            let merged = Int32(edgeStart.count - 1)
            var symbolEdges: [(Int32, Int32)] = []
            var others: [(EdgeLabel, Int32)] = []
            var accepts: [Int32] = []
            for target in targets.map(Int.init) {
                for index in Int(edgeStart[target])..<Int(edgeStart[target + 1]) {
                    symbolEdges.append((edgeSymbols[index], edgeTargets[index]))
                }
                for index in Int(otherStart[target])..<Int(otherStart[target + 1])
                where !others.contains(where: { $0.0 == otherLabels[index] && $0.1 == otherTargets[index] }) {
                    others.append((otherLabels[index], otherTargets[index]))
                }
                for index in Int(acceptStart[target])..<Int(acceptStart[target + 1])
                where !accepts.contains(acceptPatterns[index]) {
                    accepts.append(acceptPatterns[index])
                }
            }
            symbolEdges.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            var previous: (Int32, Int32)?
            for edge in symbolEdges where previous.map({ $0 != edge }) ?? true {
                edgeSymbols.append(edge.0)
                edgeTargets.append(edge.1)
                previous = edge
            }
            for (label, target) in others {
                otherLabels.append(label)
                otherTargets.append(target)
            }
            acceptPatterns.append(contentsOf: accepts)
            edgeStart.append(Int32(edgeSymbols.count))
            otherStart.append(Int32(otherLabels.count))
            acceptStart.append(Int32(acceptPatterns.count))
            mergedStates[targets] = merged
            bySymbol[symbol] = [merged]
        }
        var rootBySymbol: [Int32] = [0]
        var rootTargets: [Int32] = []
        for targets in bySymbol {
            rootTargets.append(contentsOf: targets)
            rootBySymbol.append(Int32(rootTargets.count))
        }
        let tables = AutomatonTables(
            edgeStart: edgeStart, edgeSymbols: edgeSymbols, edgeTargets: edgeTargets,
            otherStart: otherStart, otherLabels: otherLabels, otherTargets: otherTargets,
            acceptStart: acceptStart, acceptPatterns: acceptPatterns,
            rootBySymbol: rootBySymbol, rootTargets: rootTargets)
        return Automaton(tables: tables)
    }
}
