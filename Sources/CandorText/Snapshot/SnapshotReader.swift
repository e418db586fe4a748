/// Reads what `SnapshotWriter` wrote; every read checks that the bytes are there.
package struct SnapshotReader {
    private let bytes: [UInt8]
    private var position = 0

    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    package var isAtEnd: Bool { position == bytes.count }

    private func truncated() -> SnapshotDecodingError {
        SnapshotDecodingError(description: "snapshot is truncated at byte \(position)")
    }

    package mutating func raw(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, bytes.count - position >= count else { throw truncated() }
        defer { position += count }
        return bytes[position..<position + count]
    }

    package mutating func u32() throws -> UInt32 {
        let slice = try raw(4)
        var value: UInt32 = 0
        for (shift, byte) in slice.enumerated() { value |= UInt32(byte) << (8 * UInt32(shift)) }
        return value
    }

    package mutating func i32() throws -> Int32 { Int32(bitPattern: try u32()) }
    package mutating func int() throws -> Int { Int(try i32()) }

    package mutating func bool() throws -> Bool {
        let byte = try raw(1).first!
        guard byte <= 1 else { throw SnapshotDecodingError(description: "bad flag at byte \(position - 1)") }
        return byte == 1
    }

    package mutating func count() throws -> Int {
        let count = Int(try u32())
        // Every element takes at least one byte: a count past the end is corruption, not a huge allocation.
        guard count <= bytes.count - position else { throw truncated() }
        return count
    }

    package mutating func string() throws -> String {
        let slice = try raw(try count())
        return slice.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    package mutating func optionalString() throws -> String? { try bool() ? try string() : nil }

    package mutating func array<T>(_ read: (inout SnapshotReader) throws -> T) throws -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    package mutating func int32s() throws -> [Int32] {
        let count = try count()
        guard bytes.count - position >= 4 * count else { throw truncated() }
        // One copy into uninitialised storage: start-up reads some two million of these, and zeroing the array
        // first, then mapping it, cost 9 M instructions of every run.
        let values = bytes.withUnsafeBytes { source in
            [Int32](unsafeUninitializedCapacity: count) { target, initialised in
                UnsafeMutableRawBufferPointer(target).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: source[position..<position + 4 * count]))
                initialised = count
            }
        }
        position += 4 * count
        #if _endian(big)
            // The bytes are little-endian; on a big-endian machine each value is turned around.
            return values.map { Int32(littleEndian: $0) }
        #else
            return values
        #endif
    }

    package mutating func strings() throws -> [String] { try array { try $0.string() } }
    package mutating func bools() throws -> [Bool] {
        let count = try count()
        let flags = try raw(count)
        if let bad = flags.firstIndex(where: { $0 > 1 }) {
            throw SnapshotDecodingError(description: "bad flag at byte \(bad)")
        }
        return flags.map { $0 == 1 }
    }
}
