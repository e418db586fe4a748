import CICU

/// Case folding plus the normalisation patterns rely on: curly quotes become straight, all dashes become `-`.
///
/// ASCII text, and the typographic characters and Latin-1 letters of common prose, never leave Swift;
/// anything else goes through ICU's full case folding and NFKC. `FastWordBreakerTests` checks the two agree.
public enum Folding {
    @inline(__always)
    package static func lowerASCII(_ byte: UInt8) -> UInt8 {
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
        return foldCommon(bytes) ?? foldWithICU(bytes)
    }

    /// Folds text made of ASCII and the characters `FastWordBreaker` supports, or returns nil for anything else.
    ///
    /// What ICU's folding and NFKC make of each: the non-breaking space is a space, the ellipsis three periods,
    /// curly quotes straight and dashes hyphens; capital Latin-1 letters become small ones and ß becomes "ss".
    static func foldCommon(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 4)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte < 0x80 {
                output.append(lowerASCII(byte))
                i += 1
                continue
            }
            guard let length = FastWordBreaker.supportedLength(bytes, i) else { return nil }
            switch (byte, bytes[i + 1]) {
            case (0xC2, _):
                output.append(0x20)
            case (0xC3, 0x9F):
                output.append(contentsOf: [0x73, 0x73])
            case (0xC3, let second):
                output.append(0xC3)
                output.append(second < 0xA0 ? second + 0x20 : second)
            default:
                switch bytes[i + 2] {
                case 0x93, 0x94: output.append(UInt8(ascii: "-"))
                case 0x98, 0x99: output.append(UInt8(ascii: "'"))
                case 0x9C, 0x9D: output.append(UInt8(ascii: "\""))
                default: output.append(contentsOf: [0x2E, 0x2E, 0x2E])
                }
            }
            i += length
        }
        return output
    }

    /// ICU's full case folding, then NFKC, then the punctuation patterns rely on.
    static func foldWithICU(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
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
