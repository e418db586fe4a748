import CandorText

/// A compiled rule set, with the lexicons it came from, as bytes.
///
/// The built-in lexicons are compiled once, at build time, and shipped as a snapshot, so that a `candor` run
/// with no lexicons or accepted phrases of its own starts without parsing YAML or building the automaton:
/// decoding is a few copies. The format is private to one build of Candor (the version word changes with it);
/// anything that does not decode is an error the caller answers by compiling from the lexicons instead.
public enum RuleSetSnapshot {
    static let magic: [UInt8] = Array("CNDRSNAP".utf8)
    /// Bump whenever the layout of anything written here changes.
    static let formatVersion: UInt32 = 10

    public typealias DecodingError = SnapshotDecodingError

    /// The snapshot of `ruleSet`, which must have been compiled from exactly `lexicons` with nothing accepted.
    public static func encode(lexicons: [Lexicon], ruleSet: RuleSet) -> [UInt8] {
        var writer = SnapshotWriter()
        writer.bytes.append(contentsOf: magic)
        writer.u32(formatVersion)
        writer.array(lexicons) { $0.lexicon($1) }
        ruleSet.encode(into: &writer)
        return writer.bytes
    }

    /// Decodes a base64 snapshot, as the build embeds it in a string literal.
    public static func decode(base64 text: StaticString) throws -> (lexicons: [Lexicon], ruleSet: RuleSet) {
        guard let bytes = text.withUTF8Buffer(Base64.decode) else {
            throw DecodingError(description: "snapshot is not valid base64")
        }
        return try decode(bytes)
    }

    /// The lexicons and the compiled rule set a snapshot holds.
    public static func decode(_ bytes: [UInt8]) throws -> (lexicons: [Lexicon], ruleSet: RuleSet) {
        var reader = SnapshotReader(bytes)
        guard Array(try reader.raw(magic.count)) == magic else {
            throw DecodingError(description: "not a rule-set snapshot")
        }
        let version = try reader.u32()
        guard version == formatVersion else {
            throw DecodingError(description: "snapshot format \(version), this build reads \(formatVersion)")
        }
        let lexicons = try reader.array { try $0.lexicon() }
        let ruleSet = try RuleSet(snapshot: &reader, rules: lexicons.flatMap(\.rules))
        guard reader.isAtEnd else { throw DecodingError(description: "snapshot has trailing bytes") }
        return (lexicons, ruleSet)
    }
}
