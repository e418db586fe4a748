import CandorKit
import Foundation

// The whole pipeline on arbitrary bytes: source validation, the plain text, Markdown and HTML readers, the
// tokenizer, matching and positions. The first byte picks the markup, and whether the sentence model is on. Beyond not crashing, every finding
// must point inside the input, start and end on character boundaries, and carry the line and column its
// offset has when counted the slow way.

/// The built-in rules, read from lexicons/ in this checkout (the embedded snapshot needs the build plugin).
nonisolated(unsafe) let linter: Linter = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../lexicons")
        .standardized
    do {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yml") }
            .sorted()
        var lexicons = try names.map {
            try LexiconLoader.parseBuiltin(
                String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8), path: "lexicons/\($0)")
        }
        // The sentence model behind intent.sentence-model, which half the inputs turn on.
        let model = folder.appendingPathComponent("intent-sentences.tsv")
        lexicons[0].sentenceModels["intent-sentences"] = try SentenceModel(
            parsing: String(contentsOf: model, encoding: .utf8), path: model.path)
        return try Linter(ruleSet: RuleSet.compile(lexicons))
    } catch {
        fatalError("built-in rules: \(error)")
    }
}()

func slowPosition(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    var index = 0
    while index < offset {
        let byte = bytes[index]
        if byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
        index += 1
    }
    // A CR of a CRLF pair counts as a column on its line, as the line index counts it.
    return (line, column)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLint(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let markups: [MarkupKind] = [.text, .markdown, .html]
    let markup = markups[Int(data[0]) % markups.count]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    var options = LintOptions()
    options.markup = markup
    // The sentence model ships off; its matches come from its own sentence split, not the tokenizer's.
    if (Int(data[0]) / markups.count) % 2 == 1 { options.enabledRules.insert("intent.sentence-model") }
    let report = linter.lint(SourceDocument(path: "fuzz", bytes: bytes), options: options)
    for finding in report.findings {
        let end = finding.offset + finding.length
        guard finding.offset >= 0, finding.length >= 0, end <= bytes.count else {
            fatalError("finding outside the input: \(finding.offset)+\(finding.length) of \(bytes.count)")
        }
        func isBoundary(_ index: Int) -> Bool { index == bytes.count || bytes[index] & 0xC0 != 0x80 }
        guard isBoundary(finding.offset), isBoundary(end) else {
            fatalError("finding splits a character at \(finding.offset)")
        }
        let start = slowPosition(of: finding.offset, in: bytes)
        guard start == (finding.line, finding.column) else {
            fatalError("\(markup) finding at \(finding.offset): \(finding.line):\(finding.column), counted \(start)")
        }
    }
    return 0
}

// SwiftPM gives an executable a main of its own, so libFuzzer's main never runs: start its driver from here.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

var arguments = CommandLine.argc
var values = CommandLine.unsafeArgv
exit(runFuzzerDriver(&arguments, &values, fuzzLint))
