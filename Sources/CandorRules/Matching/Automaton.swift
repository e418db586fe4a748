import CandorText

/// Every pattern of every rule, compiled into one nondeterministic automaton over interned tokens.
///
/// Matching runs all patterns in one left-to-right pass. The root's transitions are an array indexed by
/// symbol, so a token that starts no pattern costs one array read whatever the number of rules; the few
/// threads alive after a token that does start one are advanced together (a Pike VM), each remembering
/// where its match began.
public struct Automaton: Sendable {
    /// Flat arrays indexed through per-state start offsets: the matching loop reads them through raw buffers,
    /// with no nested arrays to retain and release for every thread and token. Symbol edges are sorted by
    /// symbol, so a state followed by a class of sixty words costs a binary search.
    let tables: AutomatonTables

    static let root: Int32 = 0

    public var stateCount: Int { tables.stateCount }

    /// All matches of all patterns in `tokens`. Spaces and hyphens are transparent. Sentences are not known
    /// yet (they are numbered only for blocks with matches), so callers drop matches that cross one.
    package func matches(in tokens: [Token], attributes: TokenAttributes, scratch: MatchScratch) -> [RawMatch] {
        var probe = NoMatchProbe()
        return matches(in: tokens, attributes: attributes, scratch: scratch, probe: &probe)
    }

    /// The same pass, telling `probe` about every thread it advances: `candor-bench threads` counts them by state
    /// to show which patterns make matching slow. The lint path passes a probe that does nothing, and the
    /// compiler specialises it away.
    package func matches<Probe: MatchProbe>(
        in tokens: [Token], attributes: TokenAttributes, scratch: MatchScratch, probe: inout Probe
    ) -> [RawMatch] {
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
                    probe.advanced(thread.state)
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
                // A transparent adverb between two words of a pattern: every thread also waits on it. Added after
                // the accepts above, so a match never ends on the adverb, and threads never start on one.
                if attributes.isTransparent(symbol) {
                    for slot in 0..<currentCount {
                        let thread = current[slot]
                        if thread.state != Self.root { enter(thread.state, start: thread.start) }
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

/// Watches the matcher advance its threads (see `Automaton.matches(in:attributes:scratch:probe:)`).
package protocol MatchProbe {
    mutating func advanced(_ state: Int32)
}

struct NoMatchProbe: MatchProbe {
    @inline(__always) mutating func advanced(_ state: Int32) {}
}

/// How many times the matcher advanced a thread in each state.
package struct StateVisits: MatchProbe {
    package private(set) var counts: [Int]

    package init(stateCount: Int) { counts = [Int](repeating: 0, count: stateCount) }

    package mutating func advanced(_ state: Int32) { counts[Int(state)] += 1 }
}

extension Automaton {
    /// The patterns a thread in `state` can still complete: what a busy state costs on behalf of.
    package func patternsReachable(from state: Int32) -> [Int32] {
        let t = tables
        var seen = Set([state])
        var stack = [state]
        var patterns = Set<Int32>()
        while let current = stack.popLast() {
            let index = Int(current)
            for accept in Int(t.acceptStart[index])..<Int(t.acceptStart[index + 1]) {
                patterns.insert(t.acceptPatterns[accept])
            }
            let symbolTargets = (Int(t.edgeStart[index])..<Int(t.edgeStart[index + 1])).map { t.edgeTargets[$0] }
            let otherTargets = (Int(t.otherStart[index])..<Int(t.otherStart[index + 1])).map { t.otherTargets[$0] }
            for next in symbolTargets + otherTargets where seen.insert(next).inserted {
                stack.append(next)
            }
        }
        return patterns.sorted()
    }
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
            case .symbol(let symbol):
                writer.bytes.append(0)
                writer.i32(symbol)
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
            !rootBySymbol.isEmpty
        else {
            throw RuleSetSnapshot.DecodingError(description: "automaton tables do not match in size")
        }
        let tables = AutomatonTables(
            edgeStart: edgeStart, edgeSymbols: edgeSymbols, edgeTargets: edgeTargets,
            otherStart: otherStart, otherLabels: otherLabels, otherTargets: otherTargets,
            acceptStart: acceptStart, acceptPatterns: acceptPatterns,
            rootBySymbol: rootBySymbol, rootTargets: rootTargets)
        guard Int(rootBySymbol[rootBySymbol.count - 1]) == rootTargets.count, tables.isConsistent else {
            throw RuleSetSnapshot.DecodingError(description: "automaton tables point outside themselves")
        }
        self.tables = tables
    }

    /// Whether every accepted pattern id is below `count` (the number of pattern roles).
    func patternsAreBelow(_ count: Int) -> Bool {
        (0..<tables.acceptCount).allSatisfy { tables.acceptPatterns[$0] >= 0 && Int(tables.acceptPatterns[$0]) < count }
    }

    /// Whether a non-symbol edge accepts `token`. `minorAge` caches the age test, the one costly check.
    @inline(__always)
    static func admits(_ label: EdgeLabel, _ token: Token, _ attributes: TokenAttributes, minorAge: inout Bool?) -> Bool
    {
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
