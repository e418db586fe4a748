import CICU

/// Case folding plus the normalisation patterns rely on: curly quotes become straight, all dashes become `-`.
///
/// ASCII text, which is almost all of it, never leaves Swift; anything else goes through ICU's full case folding and NFKC.
public enum Folding {
    @inline(__always)
    static func lowerASCII(_ byte: UInt8) -> UInt8 {
        (byte &- 65) < 26 ? byte | 0x20 : byte
    }

    /// The folded form of `bytes`, which must be valid UTF-8.
    public static func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            return bytes.map(lowerASCII)
        }
        var output = [UInt8](repeating: 0, count: bytes.count * 3 + 8)
        let needed = output.withUnsafeMutableBufferPointer { out in
            candor_fold_utf8(bytes.baseAddress, Int32(bytes.count), out.baseAddress, Int32(out.count))
        }
        if needed < 0 { return Array(bytes) }
        if Int(needed) > output.count {
            output = [UInt8](repeating: 0, count: Int(needed))
            _ = output.withUnsafeMutableBufferPointer { out in
                candor_fold_utf8(bytes.baseAddress, Int32(bytes.count), out.baseAddress, Int32(out.count))
            }
        }
        output.removeLast(output.count - Int(needed))
        return output
    }

    public static func fold(_ string: String) -> String {
        var utf8 = Array(string.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer in
            String(decoding: fold(UnsafeBufferPointer(buffer)), as: UTF8.self)
        }
    }
}
