/// What a transition of the automaton consumes.
enum EdgeLabel: Equatable, Sendable {
    case symbol(Int32)
    case anyWord
    case number
    case minorAge
}

/// A match of one pattern: token indices, both inclusive.
public struct RawMatch: Equatable, Sendable {
    public var pattern: Int32
    public var first: Int32
    public var last: Int32
}

/// Every pattern of every rule, compiled into one nondeterministic automaton over interned tokens.
///
/// Matching runs all patterns in one left-to-right pass. The root's transitions are an array indexed by
/// symbol, so a token that starts no pattern costs one array read whatever the number of rules; the few
/// threads alive after a token that does start one are advanced together (a Pike VM), each remembering
/// where its match began.
public struct Automaton: Sendable {
    struct State: Sendable {
        var edges: [(label: EdgeLabel, target: Int32)] = []
        var epsilons: [Int32] = []
        var accepts: [Int32] = []
    }

    private(set) var states: [State] = [State()]

    // Filled by `freeze()`. Each state's symbol edges sit sorted by symbol in one flat array, so a state
    // followed by a class of sixty words costs a binary search, not sixty comparisons.
    private var edgeStart: [Int32] = []
    private var edgeSymbols: [Int32] = []
    private var edgeTargets: [Int32] = []
    private var otherEdges: [[(label: EdgeLabel, target: Int32)]] = []
    private var closedEdges: [[(label: EdgeLabel, target: Int32)]] = []
    private var closedAccepts: [[Int32]] = []
    private var rootBySymbol: [(start: Int32, count: Int32)] = []
    private var rootTargets: [Int32] = []
    private var rootOther: [(label: EdgeLabel, target: Int32)] = []

    static let root: Int32 = 0

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

    /// Precomputes closures and the root's symbol table. Call once after the last pattern is added.
    mutating func freeze(symbolCount: Int) {
        closedEdges = []
        closedAccepts = []
        closedEdges.reserveCapacity(states.count)
        closedAccepts.reserveCapacity(states.count)
        var stamps = [Int32](repeating: -1, count: states.count)
        for index in states.indices {
            let members = closure(of: Int32(index), stamps: &stamps, stamp: Int32(index))
            if members.count == 1 {
                closedEdges.append(states[index].edges)
                closedAccepts.append(states[index].accepts)
                continue
            }
            closedEdges.append(members.flatMap { states[Int($0)].edges })
            var accepts: [Int32] = []
            for member in members { for pattern in states[Int(member)].accepts where !accepts.contains(pattern) { accepts.append(pattern) } }
            closedAccepts.append(accepts)
        }
        edgeStart = [0]
        edgeSymbols = []
        edgeTargets = []
        otherEdges = []
        for edges in closedEdges {
            var symbolEdges: [(Int32, Int32)] = []
            var others: [(label: EdgeLabel, target: Int32)] = []
            for edge in edges {
                if case .symbol(let symbol) = edge.label { symbolEdges.append((symbol, edge.target)) } else { others.append(edge) }
            }
            symbolEdges.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            for (symbol, target) in symbolEdges {
                edgeSymbols.append(symbol)
                edgeTargets.append(target)
            }
            edgeStart.append(Int32(edgeSymbols.count))
            otherEdges.append(others)
        }
        closedEdges = []
        var bySymbol = [[Int32]](repeating: [], count: symbolCount)
        rootOther = []
        for index in Int(edgeStart[Int(Self.root)])..<Int(edgeStart[Int(Self.root) + 1]) {
            bySymbol[Int(edgeSymbols[index])].append(edgeTargets[index])
        }
        rootOther = otherEdges[Int(Self.root)]
        rootBySymbol = []
        rootTargets = []
        for targets in bySymbol {
            rootBySymbol.append((Int32(rootTargets.count), Int32(targets.count)))
            rootTargets.append(contentsOf: targets)
        }
    }

    public var stateCount: Int { states.count }

    /// All matches of all patterns in `tokens`. Spaces and hyphens are transparent. Sentences are not known
    /// yet (they are numbered only for blocks with matches), so callers drop matches that cross one.
    func matches(in tokens: [Token], attributes: TokenAttributes) -> [RawMatch] {
        var found: [RawMatch] = []
        var current: [(state: Int32, start: Int32)] = []
        var next: [(state: Int32, start: Int32)] = []
        var stamp = [Int32](repeating: -1, count: states.count)
        var step: Int32 = 0

        for index in tokens.indices {
            let token = tokens[index]
            if token.kind == .space || token.symbol == attributes.hyphen { continue }
            step += 1
            next.removeAll(keepingCapacity: true)
            let position = Int32(index)
            let isMinorAge = attributes.isMinorAge(token)

            @inline(__always) func admits(_ label: EdgeLabel) -> Bool {
                switch label {
                case .symbol(let symbol): return symbol == token.symbol
                case .anyWord: return token.kind == .word || token.kind == .number
                case .number: return token.kind == .number
                case .minorAge: return isMinorAge
                }
            }

            for thread in current {
                let state = Int(thread.state)
                var low = Int(edgeStart[state])
                var high = Int(edgeStart[state + 1])
                if token.symbol >= 0 && low < high {
                    // Lower bound of the token's symbol among the state's sorted edges.
                    while low < high {
                        let mid = (low + high) >> 1
                        if edgeSymbols[mid] < token.symbol { low = mid + 1 } else { high = mid }
                    }
                    let end = Int(edgeStart[state + 1])
                    while low < end && edgeSymbols[low] == token.symbol {
                        let target = edgeTargets[low]
                        if stamp[Int(target)] != step {
                            stamp[Int(target)] = step
                            next.append((target, thread.start))
                        }
                        low += 1
                    }
                }
                for edge in otherEdges[state] where admits(edge.label) && stamp[Int(edge.target)] != step {
                    stamp[Int(edge.target)] = step
                    next.append((edge.target, thread.start))
                }
            }
            if token.symbol >= 0 && Int(token.symbol) < rootBySymbol.count {
                let slice = rootBySymbol[Int(token.symbol)]
                var i = Int(slice.start)
                let end = i + Int(slice.count)
                while i < end {
                    let target = rootTargets[i]
                    if stamp[Int(target)] != step {
                        stamp[Int(target)] = step
                        next.append((target, position))
                    }
                    i += 1
                }
            }
            for edge in rootOther where admits(edge.label) && stamp[Int(edge.target)] != step {
                stamp[Int(edge.target)] = step
                next.append((edge.target, position))
            }
            for thread in next {
                for pattern in closedAccepts[Int(thread.state)] {
                    found.append(RawMatch(pattern: pattern, first: thread.start, last: position))
                }
            }
            swap(&current, &next)
        }
        return found
    }
}

/// Facts about tokens that patterns can test beyond their symbol.
struct TokenAttributes {
    let hyphen: Int32
    let minorAgeWords: [Bool]
    let text: UnsafeBufferPointer<UInt8>

    @inline(__always)
    func isMinorAge(_ token: Token) -> Bool {
        switch token.kind {
        case .number:
            var value = 0
            for offset in Int(token.start)..<Int(token.end) {
                let digit = Int(text[offset]) - 48
                guard digit >= 0 && digit <= 9 else { return false }
                value = value * 10 + digit
                if value >= 18 { return false }
            }
            return true
        case .word:
            return token.symbol >= 0 && Int(token.symbol) < minorAgeWords.count && minorAgeWords[Int(token.symbol)]
        default:
            return false
        }
    }
}
