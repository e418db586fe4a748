import CandorBuiltins
import Foundation
import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

/// The rule-set snapshot the build embeds: `candor` lints with it, so it must be the YAML compiled, exactly.
@Suite struct SnapshotTests {
    static let fromYAML: (lexicons: [Lexicon], ruleSet: RuleSet) = {
        let lexicons = try! BuiltinLexicons.load()
        return (lexicons, try! RuleSet.compile(lexicons))
    }()

    @Test func theShippedSnapshotDecodesToTheLexiconsItWasBuiltFrom() throws {
        let shipped = try BuiltinRules.decodeSnapshot()
        let yaml = Self.fromYAML
        #expect(shipped.lexicons.map(\.path) == yaml.lexicons.map(\.path))
        #expect(shipped.ruleSet.rules.count == yaml.ruleSet.rules.count)
        for (decoded, parsed) in zip(shipped.ruleSet.rules, yaml.ruleSet.rules) {
            #expect(decoded.id == parsed.id)
            #expect(decoded.message == parsed.message && decoded.message(for: "x") == parsed.message(for: "x"))
            #expect(decoded.suggestions == parsed.suggestions && decoded.fix == parsed.fix && decoded.why == parsed.why)
            #expect(decoded.severity == parsed.severity && decoded.enabled == parsed.enabled)
            #expect(decoded.withoutContext == parsed.withoutContext && decoded.splitFrom == parsed.splitFrom)
            #expect(decoded.flagExamples == parsed.flagExamples && decoded.passExamples == parsed.passExamples)
            #expect(decoded.location.description == parsed.location.description)
            #expect(decoded.patterns.map(\.text) == parsed.patterns.map(\.text))
            #expect(decoded.isBuiltin && parsed.isBuiltin)
        }
        #expect(shipped.ruleSet.rules.contains { $0.withoutContext == .suggestion })
        #expect(shipped.ruleSet.automaton.stateCount == yaml.ruleSet.automaton.stateCount)
        #expect(shipped.ruleSet.signalNames == yaml.ruleSet.signalNames)
        #expect(shipped.ruleSet.vocabulary.count == yaml.ruleSet.vocabulary.count)
    }

    @Test func encodingIsDeterministicAndRoundTrips() throws {
        let yaml = Self.fromYAML
        let bytes = RuleSetSnapshot.encode(lexicons: yaml.lexicons, ruleSet: yaml.ruleSet)
        #expect(bytes == RuleSetSnapshot.encode(lexicons: yaml.lexicons, ruleSet: try RuleSet.compile(yaml.lexicons)))
        let decoded = try RuleSetSnapshot.decode(bytes)
        #expect(RuleSetSnapshot.encode(lexicons: decoded.lexicons, ruleSet: decoded.ruleSet) == bytes)
        let shipped = try BuiltinRules.decodeSnapshot()
        #expect(RuleSetSnapshot.encode(lexicons: shipped.lexicons, ruleSet: shipped.ruleSet) == bytes)
    }

    /// The differential test: every fixture draft gets the same findings from both rule sets.
    @Test func theSnapshotLintsEveryFixtureExactlyAsTheCompiledYAML() throws {
        let shipped = try Linter(ruleSet: try BuiltinRules.decodeSnapshot().ruleSet)
        let compiled = try Linter(ruleSet: Self.fromYAML.ruleSet)
        var files = 0
        for folder in ["fixtures/drafts", "fixtures/labelled", "fixtures/heldout"] {
            let directory = TestSupport.packageRoot.appendingPathComponent(folder).path
            for name in try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
            where name.hasSuffix(".txt") || name.hasSuffix(".md") || name.hasSuffix(".html") {
                let bytes = Array(FileManager.default.contents(atPath: directory + "/" + name)!)
                let document = SourceDocument(path: name, bytes: bytes)
                #expect(shipped.lint(document).findings == compiled.lint(document).findings, "\(folder)/\(name)")
                files += 1
            }
        }
        #expect(files > 100)
    }

    @Test func aDamagedSnapshotIsAnErrorNeverACrash() throws {
        let yaml = Self.fromYAML
        let bytes = RuleSetSnapshot.encode(lexicons: yaml.lexicons, ruleSet: yaml.ruleSet)
        // Cut short anywhere: every read checks that its bytes are there.
        for length in [0, 4, 8, 12, 100, bytes.count / 3, bytes.count / 2, bytes.count - 1] {
            #expect(throws: RuleSetSnapshot.DecodingError.self) {
                try RuleSetSnapshot.decode(Array(bytes.prefix(length)))
            }
        }
        #expect(throws: RuleSetSnapshot.DecodingError.self) { try RuleSetSnapshot.decode(bytes + [0]) }
        // Another format version is refused rather than misread.
        var versioned = bytes
        versioned[8] &+= 1
        #expect(throws: RuleSetSnapshot.DecodingError.self) { try RuleSetSnapshot.decode(versioned) }
        // A flipped byte anywhere decodes to an error, or to a rule set that is still safe to lint with:
        // indices and tables that point outside what they index are refused. 300 places spread over the whole
        // snapshot, each flipped in a different bit, the same in every run.
        for (number, index) in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)).enumerated() {
            var damaged = bytes
            damaged[index] ^= UInt8(1) << UInt8(number % 8)
            if let decoded = try? RuleSetSnapshot.decode(damaged) {
                _ = try Linter(ruleSet: decoded.ruleSet).lint(text: "She was drunk and it was a sex scandal, he said.")
            }
        }
    }

    @Test func notBase64IsAnError() {
        #expect(throws: RuleSetSnapshot.DecodingError.self) { try RuleSetSnapshot.decode(base64: "not base64!") }
        // The buffer is used inside the closure: a pointer returned out of it would dangle.
        #expect(Array("TWFu".utf8).withUnsafeBufferPointer(Base64.decode) == Array("Man".utf8))
        #expect(Array("TWE=".utf8).withUnsafeBufferPointer(Base64.decode) == Array("Ma".utf8))
        #expect(Array("TQ==".utf8).withUnsafeBufferPointer(Base64.decode) == Array("M".utf8))
        #expect(Array("TQ==TWFu".utf8).withUnsafeBufferPointer(Base64.decode) == nil)
        #expect(Array("TW\u{0}u".utf8).withUnsafeBufferPointer(Base64.decode) == nil)
        #expect(Array("TWF\u{FF}".utf8).withUnsafeBufferPointer(Base64.decode) == nil)
        // A bad byte in either quad of a pair the decoder reads together, and in the odd quad after them.
        #expect(Array("TWFuTW\u{0}u".utf8).withUnsafeBufferPointer(Base64.decode) == nil)
        #expect(Array("T\u{80}FuTWFu".utf8).withUnsafeBufferPointer(Base64.decode) == nil)
        #expect(Array("TWFuTWFuTW-u".utf8).withUnsafeBufferPointer(Base64.decode) == nil)
        #expect(Array("TWFuTWFuTWFu".utf8).withUnsafeBufferPointer(Base64.decode) == Array("ManManMan".utf8))
    }

    /// The bulk readers copy and check whole runs of bytes; they must read exactly what the writer wrote.
    @Test func bulkArraysRoundTripAndAFlagOtherThanZeroOrOneIsAnError() throws {
        var writer = SnapshotWriter()
        let numbers: [Int32] = [0, 1, -1, .max, .min, 123_456]
        let flags = [true, false, false, true]
        writer.int32s(numbers)
        writer.bools(flags)
        writer.int32s([])
        writer.bools([])
        var reader = SnapshotReader(writer.bytes)
        #expect(try reader.int32s() == numbers)
        #expect(try reader.bools() == flags)
        #expect(try reader.int32s() == [])
        #expect(try reader.bools() == [])
        #expect(reader.isAtEnd)

        var damaged = SnapshotWriter()
        damaged.bools([true, false])
        var bytes = damaged.bytes
        bytes[bytes.count - 1] = 2
        var bad = SnapshotReader(bytes)
        #expect(throws: SnapshotDecodingError.self) { try bad.bools() }
        var short = SnapshotReader(Array(writer.bytes.prefix(10)))
        #expect(throws: SnapshotDecodingError.self) { try short.int32s() }
    }

    @Test func base64AgreesWithFoundation() {
        var state: UInt64 = 5
        for length in 0..<200 {
            let bytes = (0..<length).map { _ -> UInt8 in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt8(truncatingIfNeeded: state >> 40)
            }
            let text = Array(Data(bytes).base64EncodedString().utf8)
            #expect(text.withUnsafeBufferPointer(Base64.decode) == bytes, "length \(length)")
        }
    }

    @Test func theResolverUsesThePrecompiledSetOnlyWhenNothingIsAdded() throws {
        let shipped = try BuiltinRules.decodeSnapshot()
        let plain = ConfigResolver(builtin: shipped.lexicons, precompiled: shipped.ruleSet, overrides: .init())
        #expect(try plain.settings(forConfigAt: nil).ruleSet === shipped.ruleSet)

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "candor-snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent(".candor.yml").path
        try "accept: [\"sex scandal\"]\n".write(toFile: config, atomically: true, encoding: .utf8)
        let accepting = try plain.settings(forConfigAt: config)
        #expect(accepting.ruleSet !== shipped.ruleSet)
        let findings = try Linter(ruleSet: accepting.ruleSet).lint(text: "It was a sex scandal.")
        #expect(findings.isEmpty)
    }
}
