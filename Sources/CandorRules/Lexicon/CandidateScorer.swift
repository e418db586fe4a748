import Foundation

/// A logistic model that has the last word on a built-in rule's candidate: it may keep a match one of the
/// rule's own exceptions dropped, and drop a match the rules kept, judging from the words around it.
///
/// Hand-written exceptions recognise the wording they were written from and no other (docs/accuracy.md,
/// rounds 13 to 24); this model is trained on every labelled excerpt (`fixtures/real/dev.jsonl`,
/// `fixtures/labelled` and every rule's examples, by `fixtures/real/tools/train_scorer.py`) and weighs what a
/// reader weighs: the rule, what its exceptions decided, the words matched and the words either side
/// (`CandidateFeatures`). It never overrides a gate (eight words either side cannot tell a fortune cookie
/// from a statement about abuse), quotation, negation, a mention, an offence's legal name, an accepted phrase
/// or a suppression.
///
/// The weights are `lexicons/scorer.tsv`: a `threshold`, a `veto` and an `intercept` line, any number of
/// `veto.CATEGORY` lines, then one `feature<TAB>weight` per line. The build embeds them hashed (`encoded()`), so a run decodes a few hundred
/// kilobytes of numbers, not fourteen thousand lines of text.
public struct CandidateScorer: Sendable {
    /// A candidate an exception dropped is a finding after all when its probability is at least this.
    public let threshold: Double
    /// A candidate the rules kept is dropped when its probability is below this. It is lower than `threshold`
    /// because overruling the rules' decision to report takes stronger evidence: a kept match has passed every
    /// gate and exception its author wrote.
    public let veto: Double
    /// A category's own veto, where one is given (`veto.blaming`): how much evidence overrules the rules differs
    /// by category (docs/accuracy.md, round 65). Few enough to search in order.
    public let categoryVetoes: [(category: String, veto: Double)]
    let intercept: Double
    /// Feature hashes, sorted, and their weights in the same order.
    let hashes: [UInt64]
    let weights: [Double]
    let table: Table

    /// Indexes of `hashes` by hash, at most half full.
    struct Table {
        let slots: [Int32]
        let mask: Int

        init(_ hashes: [UInt64]) {
            var size = 16
            while size < hashes.count * 2 { size *= 2 }
            mask = size - 1
            var slots = [Int32](repeating: -1, count: size)
            for (index, hash) in hashes.enumerated() {
                var slot = Int(truncatingIfNeeded: hash >> 17) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(index)
            }
            self.slots = slots
        }
    }

    /// `hash` turns a feature's name into the hash a lookup uses (by default `hash(_:)`; a sentence model hashes
    /// its word features its own way, `SentenceModel.hash(_:)`).
    public init(
        threshold: Double, veto: Double, categoryVetoes: [(category: String, veto: Double)] = [], intercept: Double,
        weights named: [String: Double], hash: (String) -> UInt64 = CandidateScorer.hash
    ) {
        let pairs = named.map { (hash($0.key), $0.value) }.sorted { $0.0 < $1.0 }
        self.init(
            threshold: threshold, veto: veto, categoryVetoes: categoryVetoes, intercept: intercept,
            hashes: pairs.map(\.0), weights: pairs.map(\.1))
    }

    init(
        threshold: Double, veto: Double, categoryVetoes: [(category: String, veto: Double)] = [], intercept: Double,
        hashes: [UInt64], weights: [Double]
    ) {
        self.threshold = threshold
        self.veto = veto
        self.categoryVetoes = categoryVetoes.sorted { $0.category < $1.category }
        self.intercept = intercept
        self.hashes = hashes
        self.weights = weights
        self.table = Table(hashes)
    }

    /// Parses the scorer file. Errors name the file and line, and what is wrong.
    public init(parsing text: String, path: String, hash: (String) -> UInt64 = CandidateScorer.hash) throws {
        var threshold: Double?
        var veto: Double?
        var categoryVetoes: [(category: String, veto: Double)] = []
        var intercept: Double?
        var named: [String: Double] = [:]
        var lineNumber = 0
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            let location = FileLocation(file: path, line: lineNumber, column: 1)
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard fields.count == 2, !fields[0].isEmpty,
                let value = Double(String(decoding: fields[1], as: UTF8.self)), value.isFinite
            else {
                throw YAMLFileError("expected 'feature<TAB>weight' with a finite number", at: location)
            }
            let name = String(decoding: fields[0], as: UTF8.self)
            switch name {
            case "threshold":
                guard value > 0 && value < 1 else {
                    throw YAMLFileError("threshold must be between 0 and 1", at: location)
                }
                threshold = value
            case "veto":
                guard value >= 0 && value < 1 else {
                    throw YAMLFileError("veto must be from 0 to below 1", at: location)
                }
                veto = value
            case "intercept": intercept = value
            case _ where name.hasPrefix("veto."):
                let category = String(name.dropFirst("veto.".count))
                guard !category.isEmpty, value >= 0 && value < 1 else {
                    throw YAMLFileError("'\(name)' needs a category and a value from 0 to below 1", at: location)
                }
                guard !categoryVetoes.contains(where: { $0.category == category }) else {
                    throw YAMLFileError("'\(name)' is listed twice", at: location)
                }
                categoryVetoes.append((category, value))
            default:
                if named.updateValue(value, forKey: name) != nil {
                    throw YAMLFileError("feature '\(name)' is listed twice", at: location)
                }
            }
        }
        let start = FileLocation(file: path, line: 1, column: 1)
        guard let threshold, let veto, let intercept else {
            throw YAMLFileError("needs a 'threshold', a 'veto' and an 'intercept' line", at: start)
        }
        guard veto <= threshold, categoryVetoes.allSatisfy({ $0.veto <= threshold }) else {
            throw YAMLFileError("veto must not be above threshold", at: start)
        }
        self.init(
            threshold: threshold, veto: veto, categoryVetoes: categoryVetoes, intercept: intercept, weights: named,
            hash: hash)
        if Set(hashes).count != hashes.count {
            throw YAMLFileError("two feature names have the same hash; rename one", at: start)
        }
    }

    /// FNV-1a, 64 bits, of a feature's name.
    public static func hash(_ name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 { hash = fnv(hash, byte) }
        return hash
    }

    /// One step of FNV-1a: a name's hash is its bytes fed in turn, so a prefix's hash can be carried on.
    @inline(__always) public static func fnv(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    func weight(_ hash: UInt64) -> Double {
        // Open addressing over a power-of-two table, filled once: a lookup is a probe or two.
        var slot = Int(truncatingIfNeeded: hash >> 17) & table.mask
        while true {
            let index = table.slots[slot]
            if index < 0 { return 0 }
            if hashes[Int(index)] == hash { return weights[Int(index)] }
            slot = (slot + 1) & table.mask
        }
    }

    /// How likely a careful editor would flag a candidate with these feature hashes.
    public func probability(hashes features: [UInt64]) -> Double {
        var sum = intercept
        for feature in features { sum += weight(feature) }
        return 1 / (1 + exp(-sum))
    }

    /// How likely a careful editor would flag a candidate with these features.
    public func probability(_ features: [String]) -> Double { probability(hashes: features.map(Self.hash)) }

    /// The veto for a rule of this category: its own, or the file's `veto`.
    public func veto(for category: String) -> Double {
        for entry in categoryVetoes where entry.category == category { return entry.veto }
        return veto
    }

    /// Whether a candidate is a finding, given what the rules decided, its rule's category and its feature hashes.
    public func keeps(hashes features: [UInt64], rulesKeep: Bool, category: String = "") -> Bool {
        let probability = probability(hashes: features)
        return rulesKeep ? probability >= veto(for: category) : probability >= threshold
    }

    public func keeps(_ features: [String], rulesKeep: Bool, category: String = "") -> Bool {
        keeps(hashes: features.map(Self.hash), rulesKeep: rulesKeep, category: category)
    }

    // MARK: Embedding

    static let magic = Array("CSCR2".utf8)

    /// The scorer as bytes: magic, the three numbers, the category vetoes (a count, then each category's length,
    /// bytes and veto), the count of weights, then each hash and weight (little-endian).
    public func encoded() -> [UInt8] {
        var bytes = Self.magic
        func append(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        for number in [threshold, veto, intercept] { append(number.bitPattern) }
        append(UInt64(categoryVetoes.count))
        for (category, veto) in categoryVetoes {
            append(UInt64(category.utf8.count))
            bytes.append(contentsOf: category.utf8)
            append(veto.bitPattern)
        }
        append(UInt64(hashes.count))
        for (hash, weight) in zip(hashes, weights) {
            append(hash)
            append(weight.bitPattern)
        }
        return bytes
    }

    /// Reads `encoded()` bytes; nil when they are not a scorer this build can read.
    public init?(encoded bytes: [UInt8]) {
        guard bytes.count >= Self.magic.count + 40, Array(bytes.prefix(Self.magic.count)) == Self.magic else {
            return nil
        }
        var offset = Self.magic.count
        func next() -> UInt64 {
            var value: UInt64 = 0
            for shift in 0..<8 { value |= UInt64(bytes[offset + shift]) << (8 * shift) }
            offset += 8
            return value
        }
        let threshold = Double(bitPattern: next())
        let veto = Double(bitPattern: next())
        let intercept = Double(bitPattern: next())
        // Every count and length is checked against the bytes left before it is used, so a damaged blob is nil,
        // never a crash.
        let vetoCount = next()
        guard vetoCount <= 64 else { return nil }
        var categoryVetoes: [(category: String, veto: Double)] = []
        for _ in 0..<vetoCount {
            guard offset + 8 <= bytes.count else { return nil }
            let length = next()
            guard length <= 64, offset + Int(length) + 16 <= bytes.count else { return nil }
            let category = String(decoding: bytes[offset..<(offset + Int(length))], as: UTF8.self)
            offset += Int(length)
            categoryVetoes.append((category, Double(bitPattern: next())))
        }
        let rawCount = next()
        guard rawCount <= UInt64((bytes.count - offset) / 16) else { return nil }
        let count = Int(rawCount)
        guard bytes.count == offset + count * 16 else { return nil }
        var hashes: [UInt64] = []
        var weights: [Double] = []
        hashes.reserveCapacity(count)
        weights.reserveCapacity(count)
        for _ in 0..<count {
            hashes.append(next())
            weights.append(Double(bitPattern: next()))
        }
        guard zip(hashes, hashes.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        self.init(
            threshold: threshold, veto: veto, categoryVetoes: categoryVetoes, intercept: intercept, hashes: hashes,
            weights: weights)
    }
}
