/// Reading markup in the source as libxml2 reads it, so that the text between tags can be found.
extension HTMLWalk {
    /// The lower-case tag name starting at `at`.
    func tagName(at: Int) -> [UInt8] {
        var k = at
        var name: [UInt8] = []
        while k < source.count {
            let byte = source[k]
            if Self.isSpace(byte) || byte == 0x3E || byte == 0x2F { break }
            name.append(Folding.lowerASCII(byte))
            k += 1
        }
        return name
    }

    /// The end of the markup construct at `at` (which holds `<`), or nil when this `<` is text, as libxml2 reads it.
    func markupEnd(at: Int) -> Int? {
        let count = source.count
        guard at + 1 < count else { return nil }
        let next = source[at + 1]
        if next == 0x21 {
            if at + 3 < count && source[at + 2] == 0x2D && source[at + 3] == 0x2D {
                return find([0x2D, 0x2D, 0x3E], from: at + 4).map { $0 + 3 } ?? count
            }
            return find([0x3E], from: at + 2).map { $0 + 1 } ?? count
        }
        if next == 0x3F {
            return find([0x3E], from: at + 2).map { $0 + 1 } ?? count
        }
        if next == 0x2F {
            guard at + 2 < count, Self.isLetter(source[at + 2]) else { return nil }
            return find([0x3E], from: at + 2).map { $0 + 1 } ?? count
        }
        guard Self.isLetter(next) else { return nil }
        let name = tagName(at: at + 1)
        let end = startTagEnd(at: at + 1 + name.count)
        if name == Self.script || name == Self.style {
            // Raw text runs to the matching end tag, whatever it contains.
            var k = end
            while let close = find([0x3C, 0x2F], from: k) {
                if tagName(at: close + 2) == name { return find([0x3E], from: close + 2).map { $0 + 1 } ?? count }
                k = close + 2
            }
            return count
        }
        return end
    }

    private static let script = Array("script".utf8)
    private static let style = Array("style".utf8)

    /// Reads attributes from `at` (just after the tag name) to the closing `>`; returns the offset after it.
    func parseStartTagBody(at: Int, collect: Bool, into spans: inout [(name: [UInt8], value: Range<Int>)]) -> Int {
        let count = source.count
        var k = at
        while k < count {
            let byte = source[k]
            if byte == 0x3E { return k + 1 }
            if Self.isSpace(byte) || byte == 0x2F {
                k += 1
                continue
            }
            let nameStart = k
            while k < count && !Self.isSpace(source[k]) && source[k] != 0x3D && source[k] != 0x3E && source[k] != 0x2F {
                k += 1
            }
            let nameEnd = k
            while k < count && Self.isSpace(source[k]) { k += 1 }
            guard k < count, source[k] == 0x3D else { continue }
            k += 1
            while k < count && Self.isSpace(source[k]) { k += 1 }
            guard k < count else { break }
            let value: Range<Int>
            if source[k] == 0x22 || source[k] == 0x27 {
                let quote = source[k]
                guard let close = find([quote], from: k + 1) else {
                    // An unclosed quote: libxml2 gives up on the attribute; the tag still ends at the next `>`.
                    return find([0x3E], from: k).map { $0 + 1 } ?? count
                }
                value = (k + 1)..<close
                k = close + 1
            } else {
                let start = k
                while k < count && !Self.isSpace(source[k]) && source[k] != 0x3E { k += 1 }
                value = start..<k
            }
            if collect {
                spans.append((source[nameStart..<nameEnd].map(Folding.lowerASCII), value))
            }
        }
        return count
    }

    private func startTagEnd(at: Int) -> Int {
        var ignored: [(name: [UInt8], value: Range<Int>)] = []
        return parseStartTagBody(at: at, collect: false, into: &ignored)
    }

    private func find(_ needle: [UInt8], from: Int) -> Int? {
        let count = source.count
        guard let first = needle.first else { return nil }
        var k = from
        while k + needle.count <= count {
            if source[k] == first {
                var matched = true
                for offset in 1..<needle.count where Folding.lowerASCII(source[k + offset]) != needle[offset] {
                    matched = false
                    break
                }
                if matched { return k }
            }
            k += 1
        }
        return nil
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C
    }

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26
    }
}
