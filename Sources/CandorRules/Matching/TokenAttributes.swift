import CandorText

/// Facts about tokens that patterns can test beyond their symbol.
package struct TokenAttributes {
    let hyphen: Int32
    let minorAgeWords: [Bool]
    /// Adverbs a pattern may step over between two of its words ("to anyone I may have genuinely offended").
    let transparentWords: [Bool]
    let text: UnsafeBufferPointer<UInt8>

    package init(hyphen: Int32, minorAgeWords: [Bool], transparentWords: [Bool], text: UnsafeBufferPointer<UInt8>) {
        self.hyphen = hyphen
        self.minorAgeWords = minorAgeWords
        self.transparentWords = transparentWords
        self.text = text
    }

    @inline(__always)
    func isTransparent(_ symbol: Int32) -> Bool {
        symbol >= 0 && Int(symbol) < transparentWords.count && transparentWords[Int(symbol)]
    }

    @inline(__always)
    func isMinorAge(_ token: Token) -> Bool {
        switch token.kind {
        case .number:
            var value = 0
            for offset in Int(token.start)..<Int(token.end) {
                let digit = Int(text[offset]) - 48
                guard digit >= 0 && digit <= 9 else { return false }
                value = value * 10 + digit
                if value >= 18 { return false }
            }
            return true
        case .word:
            return token.symbol >= 0 && Int(token.symbol) < minorAgeWords.count && minorAgeWords[Int(token.symbol)]
        default:
            return false
        }
    }
}
