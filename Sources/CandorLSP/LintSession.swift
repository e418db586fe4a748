import CandorKit
import Foundation

/// Settings and linters for the documents a server has open: the nearest `.candor.yml` of each document
/// (re-read when it changes), the `--lexicon` files, and one linter per rule set.
///
/// `setup` runs on the server's message queue; `lint` on its lint queue, the only place linters are used.
final class LintSession: @unchecked Sendable {
    private let builtin: [Lexicon]
    private let precompiled: RuleSet
    private let lexicons: [String]
    /// A folder to look for `.candor.yml` from when a document has no file path (an unsaved buffer).
    var workspaceFolder: String?
    private var resolver: ConfigResolver
    private var linters: [ObjectIdentifier: Linter] = [:]
    private let lintersLock = NSLock()

    init(builtin: [Lexicon], precompiled: RuleSet, lexicons: [String]) {
        self.builtin = builtin
        self.precompiled = precompiled
        self.lexicons = lexicons
        self.resolver = Self.makeResolver(builtin: builtin, precompiled: precompiled, lexicons: lexicons)
    }

    private static func makeResolver(builtin: [Lexicon], precompiled: RuleSet, lexicons: [String]) -> ConfigResolver {
        var overrides = ConfigResolver.Overrides()
        overrides.lexicons = lexicons
        return ConfigResolver(builtin: builtin, precompiled: precompiled, overrides: overrides)
    }

    /// Forgets every configuration and lexicon read so far: the next `setup` reads them afresh.
    func reload() {
        resolver = Self.makeResolver(builtin: builtin, precompiled: precompiled, lexicons: lexicons)
        lintersLock.lock()
        linters.removeAll()
        lintersLock.unlock()
    }

    struct Work {
        var settings: InputSettings
        var markup: MarkupKind
    }

    /// The rule set, options and markup for a document, or why it cannot be linted (a broken config or lexicon).
    func work(for document: OpenDocument) -> Result<Work, LintProblem> {
        let path = document.path ?? workspaceFolder.map { ($0 as NSString).appendingPathComponent("untitled") } ?? "-"
        do {
            var settings = try resolver.settings(forConfigAt: resolver.configPath(for: path))
            settings.options.keepSource = false
            let markup = document.markup
            settings.options.markup = markup
            return .success(Work(settings: settings, markup: markup))
        } catch let error as YAMLFileError {
            return .failure(
                LintProblem(message: "candor cannot lint this document: configuration error: \(error.description)"))
        } catch {
            return .failure(LintProblem(message: "candor cannot lint this document: configuration error: \(error)"))
        }
    }

    func lint(_ bytes: [UInt8], path: String, work: Work) -> Result<[Finding], LintProblem> {
        let key = ObjectIdentifier(work.settings.ruleSet)
        lintersLock.lock()
        var linter = linters[key]
        if linter == nil {
            linter = try? Linter(ruleSet: work.settings.ruleSet)
            linters[key] = linter
        }
        lintersLock.unlock()
        guard let linter else {
            return .failure(LintProblem(message: "candor cannot lint this document: ICU is not available"))
        }
        if bytes.count > SourceReader.defaultMaximumSize {
            return .failure(
                LintProblem(
                    message: "candor cannot lint this document: "
                        + InputProblem.tooLarge(limit: SourceReader.defaultMaximumSize).description))
        }
        let report = linter.lint(SourceDocument(path: path, bytes: bytes), options: work.settings.options)
        if let error = report.error {
            return .failure(LintProblem(message: "candor cannot lint this document: \(error)"))
        }
        if let skipped = report.skipped {
            return .failure(LintProblem(message: "candor cannot lint this document: \(skipped)"))
        }
        return .success(report.findings)
    }
}

struct LintProblem: Error {
    var message: String
}
