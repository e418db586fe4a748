/// Interns folded words as small integers, so that matching compares integers, not strings.
///
/// An open-addressing table over a flat byte store: a lookup of an ASCII word folds and hashes it in one
/// pass without allocating, which keeps the per-token cost of matching close to the cost of breaking words.
public struct Vocabulary: Sendable {
    public static let unknown: Int32 = -1

    private var bytes: [UInt8] = []
    private var offsets: [Int32] = [0]
    private var slots: [Int32]
    private var mask: Int

    public init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    public var count: Int { offsets.count - 1 }

    /// The folded text of an interned word.
    public func word(_ id: Int32) -> String {
        let range = Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// Interns an already-folded word and returns its id.
    @discardableResult
    public mutating func intern(_ folded: String) -> Int32 {
        let utf8 = Array(folded.utf8)
        if let existing = utf8.withUnsafeBufferPointer({ find(folded: $0) }) { return existing }
        if count * 2 >= slots.count { grow() }
        let id = Int32(count)
        bytes.append(contentsOf: utf8)
        offsets.append(Int32(bytes.count))
        insert(id: id, hash: Self.hash(utf8))
        return id
    }

    /// Looks up raw (unfolded) UTF-8 text, folding it on the way.
    public func lookup(_ text: UnsafeBufferPointer<UInt8>) -> Int32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text {
            if byte >= 0x80 {
                let folded = Folding.fold(text)
                return folded.withUnsafeBufferPointer { find(folded: $0) } ?? Vocabulary.unknown
            }
            hash = (hash ^ UInt64(Folding.lowerASCII(byte))) &* 0x100_0000_01b3
        }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return Vocabulary.unknown }
            if equalsFolded(id, text) { return id }
            slot = (slot + 1) & mask
        }
    }

    private func equalsFolded(_ id: Int32, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(offsets[Int(id)])
        let end = Int(offsets[Int(id) + 1])
        guard end - start == text.count else { return false }
        var i = start
        for byte in text {
            if bytes[i] != Folding.lowerASCII(byte) { return false }
            i += 1
        }
        return true
    }

    private func find(folded: UnsafeBufferPointer<UInt8>) -> Int32? {
        var slot = Int(truncatingIfNeeded: Self.hash(folded)) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            let start = Int(offsets[Int(id)])
            let end = Int(offsets[Int(id) + 1])
            if end - start == folded.count && bytes[start..<end].elementsEqual(folded) { return id }
            slot = (slot + 1) & mask
        }
    }

    private static func hash<C: Sequence>(_ folded: C) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in folded { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    private mutating func insert(id: Int32, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    package func encode(into writer: inout SnapshotWriter) {
        writer.u32(UInt32(bytes.count))
        writer.bytes.append(contentsOf: bytes)
        writer.int32s(offsets)
        writer.int32s(slots)
    }

    package init(snapshot reader: inout SnapshotReader) throws {
        bytes = Array(try reader.raw(Int(try reader.u32())))
        offsets = try reader.int32s()
        slots = try reader.int32s()
        mask = slots.count - 1
        let count = offsets.count - 1
        guard count >= 0, offsets.first == 0, Int(offsets[count]) == bytes.count,
            zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }),
            slots.count.nonzeroBitCount == 1, slots.count > count, slots.allSatisfy({ $0 < Int32(count) })
        else {
            throw SnapshotDecodingError(description: "vocabulary tables do not hang together")
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for id in 0..<count {
            let range = Int(offsets[id])..<Int(offsets[id + 1])
            insert(id: Int32(id), hash: Self.hash(bytes[range]))
        }
    }
}
