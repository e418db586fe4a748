import CICU
import CandorBuiltins
import CandorKit
import CandorRules
import CandorText
import Dispatch
import Foundation

// candor-bench: throughput, rule scaling and memory figures for docs/performance.md.
//   candor-bench corpus DIR [--mb N] [--files N]   write the deterministic corpus (big.txt, small/, big.md)
//   candor-bench throughput FILE [--repeat N]      one core: ICU word breaking alone vs the whole pipeline
//   candor-bench scaling FILE                      the same text with 1x and 10x the rules
//   candor-bench markup FILE.txt FILE.md           plain text vs Markdown on the same prose
//   candor-bench startup                           loading the embedded lexicons: YAML, then compiling

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("candor-bench: \(message)\n".utf8))
    exit(2)
}

func option(_ name: String, default value: Int) -> Int {
    guard let index = CommandLine.arguments.firstIndex(of: name), index + 1 < CommandLine.arguments.count,
        let number = Int(CommandLine.arguments[index + 1])
    else { return value }
    return number
}

func read(_ path: String) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    return Array(data)
}

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The best of several runs: the least disturbed by the rest of the machine.
func best(_ runs: Int, _ body: () -> Void) -> Double {
    (0..<max(1, runs)).map { _ in seconds(body) }.min()!
}

func megabytesPerSecond(_ bytes: Int, _ time: Double) -> String {
    String(format: "%.1f MB/s", Double(bytes) / 1e6 / time)
}

/// The floor of an ICU design: word breaking over a UTF-8 UText, counting words, nothing else.
func icuWordCount(_ bytes: [UInt8]) -> Int {
    var error: Int32 = 0
    guard let breaker = candor_breaker_create(Int32(CANDOR_BREAK_WORD), &error) else { fail("ICU: \(error)") }
    defer { candor_breaker_destroy(breaker) }
    var words = 0
    bytes.withUnsafeBufferPointer { buffer in
        candor_breaker_set_text(breaker, buffer.baseAddress, Int64(buffer.count))
        var kind: Int32 = 0
        while candor_breaker_next(breaker, &kind) >= 0 { if kind != Int32(CANDOR_SEGMENT_OTHER) { words += 1 } }
    }
    return words
}

func builtinRuleSet(extraRules: Int = 0) -> RuleSet {
    do {
        var lexicons = try BuiltinLexicons.load()
        if CommandLine.arguments.contains("--no-signals") {
            lexicons = lexicons.map {
                var l = $0
                l.signals = [:]
                return l
            }
        }
        if extraRules > 0 {
            lexicons.append(try LexiconLoader.parse(syntheticLexicon(rules: extraRules), path: "synthetic.yml"))
        }
        return try RuleSet.compile(lexicons)
    } catch {
        fail("lexicons: \(error)")
    }
}

/// Rules shaped like real ones (two- to four-word phrases with alternatives), over invented words, so that
/// they cost what real rules cost without ever matching.
func syntheticLexicon(rules: Int) -> String {
    var generator = CorpusGenerator(seed: 7)
    let syllables = ["ka", "lo", "mi", "ter", "vus", "pra", "den", "sol", "qui", "rax", "bel", "nor"]
    func word() -> String { (0..<3).map { _ in generator.pick(syllables) }.joined() }
    var yaml = "category: synthetic\nrules:\n"
    for index in 0..<rules {
        yaml += """
              - id: synthetic.rule-\(index)
                severity: warning
                guidance: V1
                principles: [B1]
                patterns: ["\(word())|\(word()) \(word()) (\(word()))", "\(word()) of the \(word())"]
                message: m
                suggestions: [s]
                why: B1.
                examples: {flag: [x], pass: [y]}

            """
    }
    return yaml
}

func lintAll(_ bytes: [UInt8], ruleSet: RuleSet, markup: MarkupKind) -> Int {
    var options = LintOptions()
    options.markup = markup
    let linter = try! Linter(ruleSet: ruleSet, options: options)
    return linter.lint(SourceDocument(path: "corpus", bytes: bytes)).findings.count
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 || arguments.dropFirst().first == "startup" else {
    fail(
        "usage: candor-bench corpus DIR [--mb N] [--files N] | throughput FILE | scaling FILE | threads FILE | markup FILE.txt FILE.md | startup"
    )
}

switch arguments[1] {
case "corpus":
    let directory = arguments[2]
    let megabytes = option("--mb", default: 100)
    let files = option("--files", default: 1000)
    try? FileManager.default.createDirectory(atPath: directory + "/small", withIntermediateDirectories: true)
    var generator = CorpusGenerator(seed: 42)
    let chunk = generator.text(bytes: 1 << 20)
    var big = ""
    big.reserveCapacity(megabytes << 20)
    // Repeating fresh 1 MB chunks keeps generation fast while the text still varies.
    for index in 0..<megabytes { big += index % 8 == 0 ? chunk : generator.text(bytes: 1 << 20) }
    try! big.write(toFile: directory + "/big.txt", atomically: false, encoding: .utf8)
    let perFile = max(1, (megabytes << 20) / max(files, 1))
    for index in 0..<files {
        try! generator.text(bytes: perFile).write(
            toFile: String(format: "%@/small/draft-%05d.txt", directory, index),
            atomically: false, encoding: .utf8)
    }
    var markdown = CorpusGenerator(seed: 42)
    try! markdown.markdown(bytes: 8 << 20).write(toFile: directory + "/big.md", atomically: false, encoding: .utf8)
    var small = CorpusGenerator(seed: 9)
    try! small.text(bytes: 2048).write(toFile: directory + "/draft-2k.txt", atomically: false, encoding: .utf8)
    print(
        "wrote \(directory)/big.txt (\(megabytes) MB), \(files) files in \(directory)/small, \(directory)/big.md, \(directory)/draft-2k.txt"
    )

case "throughput":
    let bytes = read(arguments[2])
    let runs = option("--repeat", default: 3)
    let ruleSet = builtinRuleSet()
    var words = 0
    var findings = 0
    let icu = best(runs) { words = icuWordCount(bytes) }
    let candor = best(runs) { findings = lintAll(bytes, ruleSet: ruleSet, markup: .text) }
    print("input            \(bytes.count) bytes, \(words) words, \(findings) findings, \(ruleSet.rules.count) rules")
    print("ICU words alone  \(megabytesPerSecond(bytes.count, icu))")
    print(
        "candor (1 core)  \(megabytesPerSecond(bytes.count, candor))   ratio to ICU: \(String(format: "%.2fx", candor / icu))"
    )

case "scaling":
    let bytes = read(arguments[2])
    let runs = option("--repeat", default: 3)
    let base = builtinRuleSet()
    let tenfold = builtinRuleSet(extraRules: base.rules.count * 9)
    let one = best(runs) { _ = lintAll(bytes, ruleSet: base, markup: .text) }
    let ten = best(runs) { _ = lintAll(bytes, ruleSet: tenfold, markup: .text) }
    print("rules \(base.rules.count): \(megabytesPerSecond(bytes.count, one))")
    print(
        "rules \(tenfold.rules.count): \(megabytesPerSecond(bytes.count, ten))   time ratio: \(String(format: "%.2fx", ten / one))"
    )

case "markup":
    guard arguments.count >= 4 else { fail("usage: candor-bench markup FILE.txt FILE.md") }
    let text = read(arguments[2])
    let markdown = read(arguments[3])
    let ruleSet = builtinRuleSet()
    let runs = option("--repeat", default: 3)
    let plain = best(runs) { _ = lintAll(text, ruleSet: ruleSet, markup: .text) }
    let marked = best(runs) { _ = lintAll(markdown, ruleSet: ruleSet, markup: .markdown) }
    let plainRate = Double(text.count) / plain
    let markdownRate = Double(markdown.count) / marked
    print("plain text  \(megabytesPerSecond(text.count, plain))")
    print(
        "markdown    \(megabytesPerSecond(markdown.count, marked))   cost per byte vs plain: \(String(format: "%.2fx", plainRate / markdownRate))"
    )

case "stages":
    // Where the time goes: each stage added to the ones before it.
    let bytes = read(arguments[2])
    let ruleSet = builtinRuleSet()
    let runs = option("--repeat", default: 3)
    let blocks = PlainTextReader().read(bytes).blocks
    let tokenizer = try! Tokenizer()
    let split = best(runs) { _ = PlainTextReader().read(bytes) }
    var tokenCount = 0
    let tokenize = best(runs) {
        tokenCount = 0
        bytes.withUnsafeBufferPointer { text in
            for block in blocks {
                tokenCount += tokenizer.tokenize(text, range: block.range, vocabulary: ruleSet.vocabulary).count
            }
        }
    }
    var matchCount = 0
    let match = best(runs) {
        matchCount = 0
        bytes.withUnsafeBufferPointer { text in
            for block in blocks {
                let tokens = tokenizer.tokenize(text, range: block.range, vocabulary: ruleSet.vocabulary)
                matchCount += ruleSet.debugMatchCount(tokens, text: text)
            }
        }
    }
    let full = best(runs) { _ = lintAll(bytes, ruleSet: ruleSet, markup: .text) }
    print(
        "blocks \(blocks.count), tokens \(tokenCount), raw matches \(matchCount), automaton states \(ruleSet.automaton.stateCount)"
    )
    print("split paragraphs      \(megabytesPerSecond(bytes.count, split))")
    print("+ tokenize            \(megabytesPerSecond(bytes.count, tokenize))")
    print("+ match               \(megabytesPerSecond(bytes.count, match))")
    print("+ context, findings   \(megabytesPerSecond(bytes.count, full))")

case "threads":
    // Which patterns make matching slow: every thread the matcher advances, counted by state and charged to the
    // patterns that state can still complete. A pattern that begins with a common word (or an optional word
    // or a wildcard after one) keeps threads alive on every occurrence; this lists the worst first.
    let bytes = read(arguments[2])
    let ruleSet = builtinRuleSet()
    let tokenizer = try! Tokenizer()
    var visits = StateVisits(stateCount: ruleSet.automaton.stateCount)
    var tokenCount = 0
    bytes.withUnsafeBufferPointer { text in
        for block in PlainTextReader().read(bytes).blocks {
            let tokens = tokenizer.tokenize(text, range: block.range, vocabulary: ruleSet.vocabulary)
            tokenCount += tokens.count
            _ = ruleSet.debugMatch(tokens, text: text, probe: &visits)
        }
    }
    let total = visits.counts.reduce(0, +)
    var byOwner: [String: Int] = [:]
    for (state, count) in visits.counts.enumerated() where count > 0 {
        let owners = Set(ruleSet.automaton.patternsReachable(from: Int32(state)).map(ruleSet.describePattern))
        let owner =
            owners.count == 1
            ? owners.first!
            : owners.count <= 3 ? owners.sorted().joined(separator: " + ") : "shared by \(owners.count) owners"
        byOwner[owner, default: 0] += count
    }
    print(
        "tokens \(tokenCount), threads advanced \(total) (\(String(format: "%.2f", Double(total) / Double(max(tokenCount, 1)))) per token), states \(ruleSet.automaton.stateCount)"
    )
    for (owner, count) in byOwner.sorted(by: { $0.value > $1.value }).prefix(option("--top", default: 30)) {
        print(String(format: "%6.2f%%  %10d  ", 100 * Double(count) / Double(max(total, 1)), count) + owner)
    }

case "startup":
    // The two costs a `candor lint` pays before reading any input. The first run is the one a process pays
    // (cold caches, page faults); later ones show the steady cost.
    // `candor` decodes the build's snapshot; the YAML path is what a run with its own lexicons or accepted
    // phrases still pays for the compile (but not the parse) of the built-in part.
    for run in 1...option("--repeat", default: 3) {
        var decoded: RuleSet?
        let decode = seconds { decoded = try! RuleSetSnapshot.decode(base64: BuiltinRules.snapshot).ruleSet }
        var lexicons: [Lexicon] = []
        let load = seconds { lexicons = try! BuiltinLexicons.load() }
        var ruleSet: RuleSet?
        let compile = seconds { ruleSet = try! RuleSet.compile(lexicons) }
        print(
            String(
                format:
                    "run %d: decode snapshot %.1f ms | parse YAML %.1f ms, compile %.1f ms (%d rules, %d automaton states)",
                run, decode * 1000, load * 1000, compile * 1000, ruleSet!.rules.count, ruleSet!.automaton.stateCount))
        precondition(decoded!.automaton.stateCount == ruleSet!.automaton.stateCount)
    }

default:
    fail("unknown command \(arguments[1])")
}
