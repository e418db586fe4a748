import CandorText

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

    init(
        edgeStart: [Int32], edgeSymbols: [Int32], edgeTargets: [Int32], otherStart: [Int32], otherLabels: [EdgeLabel],
        otherTargets: [Int32], acceptStart: [Int32], acceptPatterns: [Int32], rootBySymbol: [Int32],
        rootTargets: [Int32]
    ) {
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
            && offsets(edgeStart, stateCount + 1, limit: edgeCount)
            && offsets(otherStart, stateCount + 1, limit: otherCount)
            && offsets(acceptStart, stateCount + 1, limit: acceptCount)
            && offsets(rootBySymbol, symbolCount + 1, limit: rootTargetCount)
            && targets(edgeTargets, edgeCount) && targets(otherTargets, otherCount)
            && targets(rootTargets, rootTargetCount)
    }

    var rootTargetCount: Int { Int(rootBySymbol[symbolCount]) }

    deinit {
        // Every element type here is trivial, so freeing the memory is all that is needed.
        for pointer in allocations { pointer.deallocate() }
    }
}
