import CandorText

/// Standard base64 (RFC 4648, with padding), decoded without Foundation's per-character overhead.
enum Base64 {
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = UInt8(index)
        }
        return table
    }()

    /// Every pair of alphabet bytes (the first in the low byte, as a little-endian load reads them) mapped to
    /// its twelve bits; a pair with a byte outside the alphabet sets the top bit, so one test per quad finds
    /// it. Start-up decodes over a million quads, and this keeps each to two lookups, with one load and one
    /// store for every two quads (the four-place table it replaced needed four loads, four lookups and three
    /// stores a quad: docs/performance.md, round 78).
    private static let pairs: [UInt16] = {
        var table = [UInt16](repeating: 0x8000, count: 1 << 16)
        for first in 0..<256 where values[first] != 0xFF {
            for second in 0..<256 where values[second] != 0xFF {
                table[first | second << 8] = UInt16(values[first]) << 6 | UInt16(values[second])
            }
        }
        return table
    }()

    static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard text.count % 4 == 0, let input = text.baseAddress else { return nil }
        if text.isEmpty { return [] }
        let padding =
            (text[text.count - 1] == UInt8(ascii: "=") ? 1 : 0) + (text[text.count - 2] == UInt8(ascii: "=") ? 1 : 0)
        let length = text.count / 4 * 3 - padding
        let pairs = Self.pairs
        return values.withUnsafeBufferPointer { values -> [UInt8]? in
            var valid = true
            let output = [UInt8](unsafeUninitializedCapacity: length + padding + 2) { buffer, count in
                var index = 0
                var out = 0
                let quads = text.count / 4 - (padding > 0 ? 1 : 0)
                // Whole quads, with no padding to look for.
                pairs.withUnsafeBufferPointer { pairs in
                    guard let table = pairs.baseAddress, let output = buffer.baseAddress else { return }
                    let raw = UnsafeRawPointer(input)
                    var remaining = quads
                    // Two quads at a time: one eight-byte load, and their six bytes in one eight-byte store whose
                    // last two bytes the next store overwrites (the buffer has two to spare past the end).
                    while remaining >= 2 {
                        let eight = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                        let a = UInt32(table[Int(truncatingIfNeeded: eight & 0xFFFF)])
                        let b = UInt32(table[Int(truncatingIfNeeded: eight &>> 16 & 0xFFFF)])
                        let c = UInt32(table[Int(truncatingIfNeeded: eight &>> 32 & 0xFFFF)])
                        let d = UInt32(table[Int(truncatingIfNeeded: eight &>> 48)])
                        if (a | b | c | d) & 0x8000 != 0 {
                            valid = false
                            break
                        }
                        // Each quad's 24 bits, first byte first in memory.
                        let first = UInt64((a &<< 12 | b).byteSwapped &>> 8)
                        let second = UInt64((c &<< 12 | d).byteSwapped &>> 8)
                        UnsafeMutableRawPointer(output + out).storeBytes(
                            of: (first | second &<< 24).littleEndian, as: UInt64.self)
                        index &+= 8
                        out &+= 6
                        remaining &-= 2
                    }
                    if valid && remaining == 1 {
                        let quad = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt32.self))
                        let high = UInt32(table[Int(quad & 0xFFFF)])
                        let low = UInt32(table[Int(quad &>> 16)])
                        if (high | low) & 0x8000 != 0 {
                            valid = false
                        } else {
                            let bytes = (high &<< 12 | low).byteSwapped &>> 8
                            UnsafeMutableRawPointer(output + out).storeBytes(of: bytes.littleEndian, as: UInt32.self)
                            index &+= 4
                            out &+= 3
                        }
                    }
                }
                if valid && padding > 0 {
                    let a = values[Int(input[index])]
                    let b = values[Int(input[index + 1])]
                    let c = padding == 2 ? 0 : values[Int(input[index + 2])]
                    if (a | b | c) & 0xC0 != 0 || (padding == 2 && input[index + 2] != UInt8(ascii: "=")) {
                        valid = false
                    } else {
                        buffer[out] = a << 2 | b >> 4
                        buffer[out + 1] = b << 4 | c >> 2
                        out += 3 - padding
                    }
                }
                count = valid ? out : 0
            }
            return valid ? output : nil
        }
    }
}
