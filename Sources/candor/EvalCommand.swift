import ArgumentParser
import CandorKit
import Foundation

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure precision and recall per category on labelled drafts.",
        discussion: """
            Takes JSON Lines files (one labelled draft per line) or folders of .txt drafts with inline \
            markers such as [[vague:sexual misconduct]]. Format: docs/accuracy.md.
            """
    )

    @Argument(help: "Labelled files (.jsonl) or folders of marked .txt drafts.")
    var paths: [String]

    @OptionGroup var lexiconOptions: LexiconOptions

    @Option(help: "Exit 1 when any category's precision is below this.")
    var minPrecision: Double?

    @Option(help: "Exit 1 when any category's recall is below this.")
    var minRecall: Double?

    @Flag(help: "List every false positive and missed span.")
    var verbose = false

    @Flag(help: "Add each rule's hits, false positives and precision, the rule with most false positives first.")
    var byRule = false

    @Flag(help: "Measure the rules alone, without the candidate scorer.")
    var noScorer = false

    @Option(
        name: .customLong("enable"),
        help: ArgumentHelp(
            "Turn on a rule that is off by default, such as intent.sentence-model (repeatable).", valueName: "rule-id"))
    var enabledRules: [String] = []

    @Option(
        help: ArgumentHelp(
            "Write every candidate, labelled, with what the rules decided and its features (JSON Lines): for training the scorer, and for seeing why a rule did not fire.",
            valueName: "path"))
    var writeCandidates: String?

    func run() throws {
        let lexicons = try withLexiconErrors { try lexiconOptions.loadLexicons() }
        let ruleSet = try withLexiconErrors { try RuleSet.compile(lexicons) }
        var documents: [LabelledDocument] = []
        do {
            for path in paths { documents += try Self.load(path) }
        } catch let error as EvaluationError {
            throw UserError(error.description)
        }
        if documents.isEmpty { throw UserError("no labelled drafts found in \(paths.joined(separator: ", "))") }
        var options = LintOptions()
        options.usesScorer = !noScorer
        for id in enabledRules {
            guard ruleSet.rule(id: id) != nil else {
                throw UserError("--enable: no rule '\(id)' (candor rules lists them)")
            }
            options.enabledRules.insert(id)
        }
        let linter = try Linter(ruleSet: ruleSet, options: options)
        if let writeCandidates { try Self.writeCandidates(documents, linter: linter, to: writeCandidates) }
        let evaluation = Evaluation(documents: documents, linter: linter)
        writeOut(evaluation.table())
        if byRule { writeOut("\n" + evaluation.ruleTable()) }
        if verbose {
            for miss in evaluation.falsePositives {
                writeOut("false positive  \(miss.document): \(miss.rule ?? "") \"\(miss.text)\"\n")
            }
            for miss in evaluation.falseNegatives {
                writeOut("missed          \(miss.document): \(miss.category) \"\(miss.text)\"\n")
            }
        }
        let low = evaluation.scores.contains { _, score in
            (minPrecision.map { score.precision < $0 } ?? false) || (minRecall.map { score.recall < $0 } ?? false)
        }
        if low { throw ExitCode(1) }
    }

    /// One JSON line per candidate: the document, the rule, where, what the rules decided (and whether the scorer
    /// judges it), its label (`tp`, `fp` or `neutral`, scored as `Evaluation` scores findings) and its features.
    static func writeCandidates(_ documents: [LabelledDocument], linter: Linter, to path: String) throws {
        var out = ""
        for document in documents {
            var records: [CandidateRecord] = []
            linter.candidateLog = { records.append($0) }
            _ = linter.lint(text: document.text, path: document.id)
            linter.candidateLog = nil
            for record in records {
                let range = record.offset..<(record.offset + record.length)
                let label =
                    document.spans.contains { $0.category == Evaluation.neutral && $0.range.overlaps(range) }
                    ? "neutral"
                    : document.spans.contains { $0.category == record.category && $0.range.overlaps(range) }
                        ? "tp" : "fp"
                let object: [String: Any] = [
                    "id": document.id, "rule": record.rule, "category": record.category, "offset": record.offset,
                    "length": record.length, "decision": record.decision, "kept": record.kept,
                    "judged": record.judged, "label": label,
                    "features": record.features
                ]
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                out += String(decoding: data, as: UTF8.self) + "\n"
            }
        }
        do {
            try out.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw UserError("--write-candidates \(path): cannot write: \(error.localizedDescription)")
        }
    }

    static func load(_ path: String) throws -> [LabelledDocument] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw EvaluationError("\(path): no such file or directory")
        }
        if !isDirectory.boolValue {
            if path.hasSuffix(".jsonl") || path.hasSuffix(".json") {
                return try LabelledDocument.readJSONLines(path: path)
            }
            return [try LabelledDocument.parseMarked(try LabelledDocument.readText(path: path), id: path)]
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: path).filter {
            $0.hasSuffix(".txt") || $0.hasSuffix(".jsonl")
        }.sorted()
        return try names.flatMap { try load((path as NSString).appendingPathComponent($0)) }
    }
}
