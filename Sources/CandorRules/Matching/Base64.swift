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

    /// For each of a quad's four places, every byte's six bits already shifted into place; a byte outside the
    /// alphabet sets the top bit, so one test per quad finds it. Start-up decodes about a megabyte of quads,
    /// and this keeps each to four loads and three ORs.
    private static let shifted: [UInt32] = {
        var table = [UInt32](repeating: 0x8000_0000, count: 4 * 256)
        for place in 0..<4 {
            for byte in 0..<256 where values[byte] != 0xFF {
                table[place * 256 + byte] = UInt32(values[byte]) << (18 - 6 * place)
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
        let shifted = Self.shifted
        return values.withUnsafeBufferPointer { values -> [UInt8]? in
            var valid = true
            let output = [UInt8](unsafeUninitializedCapacity: length + padding) { buffer, count in
                var index = 0
                var out = 0
                let quads = text.count / 4 - (padding > 0 ? 1 : 0)
                // Whole quads, with no padding to look for.
                shifted.withUnsafeBufferPointer { shifted in
                    guard let table = shifted.baseAddress, let output = buffer.baseAddress else { return }
                    for _ in 0..<quads {
                        let word =
                            table[Int(input[index])] | table[256 + Int(input[index + 1])]
                            | table[512 + Int(input[index + 2])] | table[768 + Int(input[index + 3])]
                        if word & 0x8000_0000 != 0 {
                            valid = false
                            break
                        }
                        output[out] = UInt8(truncatingIfNeeded: word >> 16)
                        output[out + 1] = UInt8(truncatingIfNeeded: word >> 8)
                        output[out + 2] = UInt8(truncatingIfNeeded: word)
                        index += 4
                        out += 3
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
