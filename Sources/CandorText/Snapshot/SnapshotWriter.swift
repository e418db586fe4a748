/// Little-endian fields, length-prefixed strings and arrays.
package struct SnapshotWriter {
    package var bytes: [UInt8] = []

    package init() {}

    package mutating func u32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    package mutating func i32(_ value: Int32) { u32(UInt32(bitPattern: value)) }
    package mutating func int(_ value: Int) { i32(Int32(value)) }
    package mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    package mutating func string(_ value: String) {
        u32(UInt32(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }

    package mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    package mutating func array<T>(_ values: [T], _ write: (inout SnapshotWriter, T) -> Void) {
        u32(UInt32(values.count))
        for value in values { write(&self, value) }
    }

    package mutating func int32s(_ values: [Int32]) {
        u32(UInt32(values.count))
        for value in values { i32(value) }
    }

    package mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }
    package mutating func bools(_ values: [Bool]) { array(values) { $0.bool($1) } }
}
