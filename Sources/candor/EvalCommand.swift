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
        let evaluation = Evaluation(documents: documents, linter: try Linter(ruleSet: ruleSet))
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
