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

    // Filled by `freeze()`, as flat arrays indexed through per-state start offsets: the matching loop reads
    // them through raw buffers, with no nested arrays to retain and release for every thread and token.
    // Symbol edges are sorted by symbol, so a state followed by a class of sixty words costs a binary search.
    private var tables = AutomatonTables(edgeStart: [0, 0], edgeSymbols: [], edgeTargets: [], otherStart: [0, 0],
                                         otherLabels: [], otherTargets: [], acceptStart: [0, 0], acceptPatterns: [],
                                         rootBySymbol: [0], rootTargets: [])

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

    /// Precomputes closures and the root's symbol table. Call once after the last pattern is added.
    mutating func freeze(symbolCount: Int) {
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
        for index in Int(edgeStart[Int(Self.root)])..<Int(edgeStart[Int(Self.root) + 1]) {
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
        tables = AutomatonTables(edgeStart: edgeStart, edgeSymbols: edgeSymbols, edgeTargets: edgeTargets,
                                 otherStart: otherStart, otherLabels: otherLabels, otherTargets: otherTargets,
                                 acceptStart: acceptStart, acceptPatterns: acceptPatterns,
                                 rootBySymbol: rootBySymbol, rootTargets: rootTargets)
    }

    public var stateCount: Int { tables.stateCount }

    /// All matches of all patterns in `tokens`. Spaces and hyphens are transparent. Sentences are not known
    /// yet (they are numbered only for blocks with matches), so callers drop matches that cross one.
    func matches(in tokens: [Token], attributes: TokenAttributes, scratch: MatchScratch) -> [RawMatch] {
        if scratch.tables !== tables || scratch.step > Int32.max - Int32(tokens.count) - 2 {
            scratch.reset(for: tables, stateCount: tables.stateCount)
        }
        // Stamps keep counting up across calls, so the state-sized array is never cleared between blocks.
        // A state enters the next thread list at most once per token, so each list needs room for every state.
        var step = scratch.step
        var found: [RawMatch] = []
        var current = scratch.threadsA
        var next = scratch.threadsB
        var currentCount = 0
        let stamp = scratch.stamp
        let t = tables
        let symbolLimit = Int32(t.symbolCount)

        tokens.withUnsafeBufferPointer { tokens in
            for index in tokens.indices {
                let token = tokens[index]
                if token.kind == .space || token.symbol == attributes.hyphen { continue }
                step += 1
                var nextCount = 0
                let position = Int32(index)
                let symbol = token.symbol
                var minorAge: Bool?

                @inline(__always) func enter(_ target: Int32, start: Int32) {
                    if stamp[Int(target)] != step {
                        stamp[Int(target)] = step
                        next[nextCount] = MatchThread(state: target, start: start)
                        nextCount += 1
                    }
                }

                /// Wildcard, number and age edges: tested on the token rather than looked up by its symbol.
                @inline(__always) func enterOtherEdges(of state: Int, start: Int32) {
                    var edge = Int(t.otherStart[state])
                    let end = Int(t.otherStart[state + 1])
                    while edge < end {
                        if Self.admits(t.otherLabels[edge], token, attributes, minorAge: &minorAge) {
                            enter(t.otherTargets[edge], start: start)
                        }
                        edge += 1
                    }
                }

                for slot in 0..<currentCount {
                    let thread = current[slot]
                    let state = Int(thread.state)
                    var low = Int(t.edgeStart[state])
                    let end = Int(t.edgeStart[state + 1])
                    if symbol >= 0 && low < end {
                        var high = end
                        while low < high {
                            let mid = (low + high) >> 1
                            if t.edgeSymbols[mid] < symbol { low = mid + 1 } else { high = mid }
                        }
                        while low < end && t.edgeSymbols[low] == symbol {
                            enter(t.edgeTargets[low], start: thread.start)
                            low += 1
                        }
                    }
                    enterOtherEdges(of: state, start: thread.start)
                }
                if symbol >= 0 && symbol < symbolLimit {
                    var slot = Int(t.rootBySymbol[Int(symbol)])
                    let end = Int(t.rootBySymbol[Int(symbol) + 1])
                    while slot < end {
                        enter(t.rootTargets[slot], start: position)
                        slot += 1
                    }
                }
                enterOtherEdges(of: Int(Self.root), start: position)
                for slot in 0..<nextCount {
                    let thread = next[slot]
                    let state = Int(thread.state)
                    var accept = Int(t.acceptStart[state])
                    let end = Int(t.acceptStart[state + 1])
                    while accept < end {
                        found.append(RawMatch(pattern: t.acceptPatterns[accept], first: thread.start, last: position))
                        accept += 1
                    }
                }
                swap(&current, &next)
                currentCount = nextCount
            }
        }
        scratch.step = step
        return found
    }
}

/// One live path through the automaton: where it is and the token its match began at.
struct MatchThread {
    var state: Int32
    var start: Int32
}

extension Automaton {
    /// Only the frozen tables are written: a snapshot is for matching, not for adding patterns.
    func encode(into writer: inout SnapshotWriter) {
        let t = tables
        func ints(_ pointer: UnsafeMutablePointer<Int32>, _ count: Int) -> [Int32] {
            Array(UnsafeBufferPointer(start: pointer, count: count))
        }
        writer.int32s(ints(t.edgeStart, t.stateCount + 1))
        writer.int32s(ints(t.edgeSymbols, t.edgeCount))
        writer.int32s(ints(t.edgeTargets, t.edgeCount))
        writer.int32s(ints(t.otherStart, t.stateCount + 1))
        writer.array(Array(UnsafeBufferPointer(start: t.otherLabels, count: t.otherCount))) { writer, label in
            switch label {
            case .symbol(let symbol): writer.bytes.append(0); writer.i32(symbol)
            case .anyWord: writer.bytes.append(1)
            case .number: writer.bytes.append(2)
            case .minorAge: writer.bytes.append(3)
            }
        }
        writer.int32s(ints(t.otherTargets, t.otherCount))
        writer.int32s(ints(t.acceptStart, t.stateCount + 1))
        writer.int32s(ints(t.acceptPatterns, t.acceptCount))
        writer.int32s(ints(t.rootBySymbol, t.symbolCount + 1))
        writer.int32s(ints(t.rootTargets, t.rootTargetCount))
    }

    init(snapshot reader: inout SnapshotReader) throws {
        let edgeStart = try reader.int32s()
        let edgeSymbols = try reader.int32s()
        let edgeTargets = try reader.int32s()
        let otherStart = try reader.int32s()
        let otherLabels: [EdgeLabel] = try reader.array { reader in
            switch try reader.raw(1).first! {
            case 0: return .symbol(try reader.i32())
            case 1: return .anyWord
            case 2: return .number
            case 3: return .minorAge
            default: throw RuleSetSnapshot.DecodingError(description: "unknown edge label")
            }
        }
        let otherTargets = try reader.int32s()
        let acceptStart = try reader.int32s()
        let acceptPatterns = try reader.int32s()
        let rootBySymbol = try reader.int32s()
        let rootTargets = try reader.int32s()
        guard edgeSymbols.count == edgeTargets.count, otherLabels.count == otherTargets.count,
              !edgeStart.isEmpty, otherStart.count == edgeStart.count, acceptStart.count == edgeStart.count,
              !rootBySymbol.isEmpty else {
            throw RuleSetSnapshot.DecodingError(description: "automaton tables do not match in size")
        }
        let tables = AutomatonTables(edgeStart: edgeStart, edgeSymbols: edgeSymbols, edgeTargets: edgeTargets,
                                     otherStart: otherStart, otherLabels: otherLabels, otherTargets: otherTargets,
                                     acceptStart: acceptStart, acceptPatterns: acceptPatterns,
                                     rootBySymbol: rootBySymbol, rootTargets: rootTargets)
        guard Int(rootBySymbol[rootBySymbol.count - 1]) == rootTargets.count, tables.isConsistent else {
            throw RuleSetSnapshot.DecodingError(description: "automaton tables point outside themselves")
        }
        self.states = []
        self.tables = tables
    }

    /// Whether every accepted pattern id is below `count` (the number of pattern roles).
    func patternsAreBelow(_ count: Int) -> Bool {
        (0..<tables.acceptCount).allSatisfy { tables.acceptPatterns[$0] >= 0 && Int(tables.acceptPatterns[$0]) < count }
    }

    /// Whether a non-symbol edge accepts `token`. `minorAge` caches the age test, the one costly check.
    @inline(__always)
    static func admits(_ label: EdgeLabel, _ token: Token, _ attributes: TokenAttributes, minorAge: inout Bool?) -> Bool {
        switch label {
        case .symbol(let wanted): return wanted == token.symbol
        case .anyWord: return token.kind == .word || token.kind == .number
        case .number: return token.kind == .number
        case .minorAge:
            if minorAge == nil { minorAge = attributes.isMinorAge(token) }
            return minorAge!
        }
    }
}

/// The frozen automaton as raw buffers, allocated once and read without bounds checks or reference counting.
final class AutomatonTables: @unchecked Sendable {
    let edgeStart: UnsafeMutablePointer<Int32>
    let edgeSymbols: UnsafeMutablePointer<Int32>
    let edgeTargets: UnsafeMutablePointer<Int32>
    let otherStart: UnsafeMutablePointer<Int32>
    let otherLabels: UnsafeMutablePointer<EdgeLabel>
    let otherTargets: UnsafeMutablePointer<Int32>
    let acceptStart: UnsafeMutablePointer<Int32>
    let acceptPatterns: UnsafeMutablePointer<Int32>
    let rootBySymbol: UnsafeMutablePointer<Int32>
    let rootTargets: UnsafeMutablePointer<Int32>
    let symbolCount: Int
    let stateCount: Int
    let edgeCount: Int
    let otherCount: Int
    let acceptCount: Int
    private var allocations: [UnsafeMutableRawPointer] = []

    init(edgeStart: [Int32], edgeSymbols: [Int32], edgeTargets: [Int32], otherStart: [Int32], otherLabels: [EdgeLabel],
         otherTargets: [Int32], acceptStart: [Int32], acceptPatterns: [Int32], rootBySymbol: [Int32], rootTargets: [Int32]) {
        var allocations: [UnsafeMutableRawPointer] = []
        func copy<T>(_ array: [T]) -> UnsafeMutablePointer<T> {
            let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(array.count, 1))
            pointer.initialize(from: array, count: array.count)
            allocations.append(UnsafeMutableRawPointer(pointer))
            return pointer
        }
        self.edgeStart = copy(edgeStart)
        self.edgeSymbols = copy(edgeSymbols)
        self.edgeTargets = copy(edgeTargets)
        self.otherStart = copy(otherStart)
        self.otherLabels = copy(otherLabels)
        self.otherTargets = copy(otherTargets)
        self.acceptStart = copy(acceptStart)
        self.acceptPatterns = copy(acceptPatterns)
        self.rootBySymbol = copy(rootBySymbol)
        self.rootTargets = copy(rootTargets)
        self.symbolCount = rootBySymbol.count - 1
        self.stateCount = edgeStart.count - 1
        self.edgeCount = edgeSymbols.count
        self.otherCount = otherLabels.count
        self.acceptCount = acceptPatterns.count
        self.allocations = allocations
    }

    /// Whether every array's offsets stay inside the arrays they index, and every target is a state: checked
    /// on a snapshot, whose bytes the matching loop reads without bounds checks.
    var isConsistent: Bool {
        func offsets(_ starts: UnsafeMutablePointer<Int32>, _ count: Int, limit: Int) -> Bool {
            var previous: Int32 = 0
            for index in 0..<count {
                guard starts[index] >= previous, Int(starts[index]) <= limit else { return false }
                previous = starts[index]
            }
            return count > 0 && Int(starts[count - 1]) == limit
        }
        func targets(_ pointer: UnsafeMutablePointer<Int32>, _ count: Int) -> Bool {
            (0..<count).allSatisfy { pointer[$0] >= 0 && Int(pointer[$0]) < stateCount }
        }
        return stateCount > 0
            && offsets(edgeStart, stateCount + 1, limit: edgeCount) && offsets(otherStart, stateCount + 1, limit: otherCount)
            && offsets(acceptStart, stateCount + 1, limit: acceptCount)
            && offsets(rootBySymbol, symbolCount + 1, limit: rootTargetCount)
            && targets(edgeTargets, edgeCount) && targets(otherTargets, otherCount) && targets(rootTargets, rootTargetCount)
    }

    var rootTargetCount: Int { Int(rootBySymbol[symbolCount]) }

    deinit {
        // Every element type here is trivial, so freeing the memory is all that is needed.
        for pointer in allocations { pointer.deallocate() }
    }
}

/// Working memory for `Automaton.matches`, kept by each linter (one per thread) and reused for every block.
final class MatchScratch {
    private(set) var stamp = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    /// Two thread lists of `capacity` entries each, swapped token by token.
    private(set) var threadsA = UnsafeMutablePointer<MatchThread>.allocate(capacity: 1)
    private(set) var threadsB = UnsafeMutablePointer<MatchThread>.allocate(capacity: 1)
    private var capacity = 0
    var step: Int32 = 0
    /// The tables the stamps belong to: a different automaton starts afresh.
    private(set) weak var tables: AutomatonTables?

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
