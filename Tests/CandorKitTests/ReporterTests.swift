import Foundation
import Testing

@testable import CandorKit
@testable import CandorRules
@testable import CandorText

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The CI formats: each is read by a tool that is strict in its own way (GitHub's escaping and annotation
/// cap, XML well-formedness, reviewdog's byte columns, code scanning's fingerprints), so each is checked
/// against that tool's rules on a hand-built run.
@Suite struct ReporterTests {
    static let lexicon = """
        category: test
        rules:
          - id: test.vague-term
            severity: warning
            guidance: V1
            principles: [B1, B4]
            patterns: [bad thing]
            message: '"{match}" hides what happened.'
            suggestions: [name the act, say who did it]
            why: B1, name the harm. A vague phrase lets readers imagine the mildest case.
            examples:
              flag: ['the [[bad thing]]']
              pass: [the act]
          - id: test.blame
            severity: error
            guidance: B6
            principles: [B6]
            patterns: [she provoked]
            message: Blames the person harmed.
            suggestions: [say what he did]
            why: B6, place responsibility. Wording that blames the victim moves the act onto her.
            examples:
              flag: ['[[she provoked]] it']
              pass: [he hit her]
          - id: test.soft-word
            severity: suggestion
            enabled: false
            guidance: T1
            principles: [B2]
            patterns: [alleged victim]
            message: Softer than needed.
            suggestions: [survivor]
            fix: survivor
            why: B2, plain words.
            examples:
              flag: ['the [[alleged victim]]']
              pass: [the survivor]
        """

    static let rules: [Rule] = {
        do { return try LexiconLoader.parse(lexicon, path: "test.yml").rules } catch { fatalError("lexicon: \(error)") }
    }()

    /// Source with an emoji (4 bytes, 1 scalar) and curly quotes (3 bytes each) before the match on line 2.
    static let source = "Intro line.\nShe said 😀 “hi” then the bad thing.\nNo % problem: she provoked, here.\n"

    /// A finding for the `occurrence`-th `match` in `source`, positioned as the linter positions it.
    static func finding(
        _ rule: String, _ match: String, in source: String, occurrence: Int = 0,
        severity: Severity? = nil, message: String? = nil, context: MatchContext? = nil,
        fix: String? = nil
    ) -> Finding {
        let bytes = Array(source.utf8)
        let needle = Array(match.utf8)
        var found: [Int] = []
        var index = 0
        while index + needle.count <= bytes.count {
            if Array(bytes[index..<index + needle.count]) == needle { found.append(index) }
            index += 1
        }
        let offset = found[occurrence]
        let lines = LineIndex(bytes)
        let start = lines.position(of: offset)
        let end = lines.position(of: offset + needle.count)
        let ruleValue = rules.first { $0.id == rule }
        var result = Finding(
            rule: rule, category: FindingCategory("test"), severity: severity ?? ruleValue?.severity ?? .warning,
            line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
            offset: offset, length: needle.count, match: match,
            message: message ?? ruleValue?.message(for: match) ?? "flagged",
            suggestions: ruleValue?.suggestions ?? [], context: context, fix: fix)
        result.lineText = lines.line(start.line).trimmingCharacters(in: .whitespaces)
        return result
    }

    static let awkwardMessage = "100% sure: this, that\nnext"

    /// The run every format is checked on: an emoji line, a message needing escapes, a path with a comma,
    /// a file that could not be read, a skipped file, a fix, and a clean file.
    static func sampleRun(keepSource: Bool = true) -> RunReport {
        let findings = [
            finding("test.vague-term", "bad thing", in: source),
            finding("test.blame", "she provoked", in: source, message: awkwardMessage, context: .quoted),
            finding("test.soft-word", "She said", in: source, fix: "survivor")
        ]
        return RunReport(
            files: [
                FileReport(path: "./notes/a,b.md", findings: findings, source: keepSource ? Array(source.utf8) : nil),
                FileReport(path: "clean.md", source: keepSource ? [] : nil),
                FileReport(path: "missing.md", error: "no such file or directory"),
                FileReport(path: "image.txt", skipped: "binary file")
            ],
            rules: rules,
            version: "0.1.0"
        )
    }

    /// `candor lint --format json` streams each file's part as bytes (`file(_:index:writeBytes:)`); it must be the
    /// same text the `String` path writes, batch boundaries (every 256 findings) included, pretty or compact.
    @Test(arguments: [true, false])
    func jsonStreamsTheSameBytesAsItsString(pretty: Bool) throws {
        let many = (0..<600).map { _ in Self.finding("test.vague-term", "bad thing", in: Self.source) }
        let files = [
            FileReport(path: "many.md", findings: many), FileReport(path: "clean.md"),
            FileReport(path: "missing.md", error: "no such file or directory"),
            FileReport(path: "image.txt", skipped: "binary file")
        ]
        let reporter = JSONReporter(pretty: pretty)
        for (index, file) in files.enumerated() {
            var text = ""
            reporter.file(file, index: index) { text += $0 }
            var bytes: [UInt8] = []
            reporter.file(file, index: index) { (part: UnsafeBufferPointer<UInt8>) in bytes.append(contentsOf: part) }
            #expect(Array(text.utf8) == bytes)
        }
        var streamed: [UInt8] = Array(reporter.begin(version: "0.1.0").utf8)
        for (index, file) in files.enumerated() {
            reporter.file(file, index: index) { (part: UnsafeBufferPointer<UInt8>) in streamed.append(contentsOf: part)
            }
        }
        streamed += Array(reporter.end(RunSummary(RunReport(files: files, rules: [], version: "0.1.0"))).utf8)
        let parsed = try JSONSerialization.jsonObject(with: Data(streamed)) as? [String: Any]
        let parsedFiles = parsed?["files"] as? [[String: Any]]
        #expect((parsedFiles?.first?["findings"] as? [Any])?.count == 600)
        #expect(parsedFiles?.count == 4)
    }

    // MARK: GitHub

    @Test(arguments: [
        "plain", "", "quote \" and backslash \\", "line\nbreak\r\ttab", "bell\u{07}nul\u{0}esc\u{1B}",
        "curly “quotes” and an em dash — stay as they are", "separators \u{2028} and \u{2029}", "emoji 👩🏽‍⚖️ é"
    ])
    func jsonStringsRoundTrip(text: String) throws {
        let quoted = JSONWriter.quote(text)
        let parsed = try JSONSerialization.jsonObject(with: Data("[\(quoted)]".utf8)) as? [String]
        #expect(parsed == [text])
        // Nothing a JSON or JavaScript reader takes as a line break or control character is left raw.
        #expect(!quoted.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x2028 || $0.value == 0x2029 })
        #expect(quoted.contains("“") == text.contains("“"))
    }

    @Test func jsonNumbersAndNesting() {
        var json = JSONWriter(pretty: false)
        json.beginObject()
        json.field("zero", 0)
        json.field("negative", -1_234_567_890)
        json.field("max", Int.max)
        json.field("list", ["a", "b"])
        json.key("empty")
        json.beginArray()
        json.endArray()
        json.endObject()
        #expect(
            json.output == #"{"zero":0,"negative":-1234567890,"max":9223372036854775807,"list":["a","b"],"empty":[]}"#)
    }

    @Test func githubEscapesMessagesAndPropertiesExactlyAsTheToolkit() {
        let output = GitHubReporter().render(Self.sampleRun())
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            lines.contains(
                "::warning file=notes/a%2Cb.md,line=2,endLine=2,col=26,endColumn=35,title=Candor [test.vague-term]::"
                    + "\"bad thing\" hides what happened.%0ATry: name the act; say who did it"))
        #expect(
            lines.contains(
                "::error file=notes/a%2Cb.md,line=3,endLine=3,col=15,endColumn=27,title=Candor [test.blame]::"
                    + "100%25 sure: this, that%0Anext (quoted)%0ATry: say what he did"))
        #expect(
            lines.contains(
                "::notice file=notes/a%2Cb.md,line=2,endLine=2,col=1,endColumn=9,"
                    + "title=Candor [test.soft-word]::Softer than needed.%0ATry: survivor"))
        #expect(lines.contains("::error file=missing.md,title=Candor::missing.md: no such file or directory"))
        #expect(GitHubReporter.escapeProperty("a%b,c:d\r\ne") == "a%25b%2Cc%3Ad%0D%0Ae")
        #expect(GitHubReporter.escapeData("a%b,c:d\r\ne") == "a%25b,c:d%0D%0Ae")
        // Nothing was dropped, so there is no overflow notice, and every line is a command.
        #expect(!output.contains("not annotated"))
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("::") })
    }

    @Test func githubOmitsColumnsOnMultiLineFindingsAndFileOnStdin() {
        let text = "the bad\nthing\n"
        var finding = Self.finding("test.vague-term", "bad\nthing", in: text)
        finding.message = "m"
        finding.suggestions = []
        let run = RunReport(files: [FileReport(path: "-", findings: [finding])], rules: Self.rules)
        #expect(GitHubReporter().render(run) == "::warning line=1,endLine=2,title=Candor [test.vague-term]::m\n")
    }

    @Test func githubCapsAnnotationsPerLevelAndSaysHowManyWereLeftOut() {
        var text = ""
        for index in 0..<37 { text += "line \(index) bad thing\n" }
        var findings: [Finding] = []
        for index in 0..<25 {
            findings.append(Self.finding("test.vague-term", "bad thing", in: text, occurrence: index))
        }
        for index in 25..<35 {
            findings.append(
                Self.finding("test.soft-word", "bad thing", in: text, occurrence: index, severity: .suggestion))
        }
        for index in 35..<37 {
            findings.append(Self.finding("test.blame", "bad thing", in: text, occurrence: index, severity: .error))
        }
        let run = RunReport(files: [FileReport(path: "big.md", findings: findings)], rules: Self.rules)
        let lines = GitHubReporter().render(run).split(separator: "\n").map(String.init)

        let warnings = lines.filter { $0.hasPrefix("::warning ") }
        let errors = lines.filter { $0.hasPrefix("::error ") }
        let notices = lines.filter { $0.hasPrefix("::notice ") }
        #expect(warnings.count == 10)
        #expect(errors.count == 2)
        // Ten notices in all: nine findings and the overflow notice, which would otherwise be the one dropped.
        #expect(notices.count == 10)
        #expect(warnings.first?.contains("line=1,") == true)
        #expect(warnings.last?.contains("line=10,") == true)

        let overflow = lines.last
        #expect(overflow?.hasPrefix("::notice title=Candor::Candor: 16 more findings were not annotated") == true)
        #expect(overflow?.contains("--format sarif") == true)
        // The left-out findings are still in the log, as plain lines that GitHub will not parse as commands.
        #expect(
            lines.contains(
                "big.md:11:9: warning: \"bad thing\" hides what happened. Try: name the act; say who did it [test.vague-term]"
            ))
        #expect(lines.filter { !$0.hasPrefix("::") }.count == 16)
    }

    @Test func githubOverflowCannotInjectWorkflowCommands() {
        let text = String(repeating: "line bad thing\n", count: 12)
        let path = "::error title=X::a.md"
        let findings = (0..<12).map { Self.finding("test.vague-term", "bad thing", in: text, occurrence: $0) }
        let run = RunReport(
            files: [FileReport(path: path, findings: findings), FileReport(path: "##[error]b.md", error: "x")],
            rules: Self.rules)
        let lines = GitHubReporter().render(run).split(separator: "\n").map(String.init)
        // Every line is a command Candor meant, or sits between ::stop-commands::TOKEN and ::TOKEN::.
        var stopped: String?
        for line in lines {
            if let token = stopped {
                if line == "::\(token)::" { stopped = nil }
                continue
            }
            if line.hasPrefix("::stop-commands::") {
                stopped = String(line.dropFirst("::stop-commands::".count))
                continue
            }
            #expect(
                line.hasPrefix("::warning file=%3A%3Aerror title=X%3A%3Aa.md,")
                    || line.hasPrefix("::notice title=Candor::")
                    || line.hasPrefix("::error file=##[error]b.md,"), "\(line)")
        }
        #expect(stopped == nil)
        #expect(lines.contains { $0.hasPrefix("::error title=X::a.md:11:") })
    }

    @Test func githubAddsNoNoticeWhenEveryLevelFits() {
        var text = ""
        for index in 0..<10 { text += "line \(index) bad thing\n" }
        let findings = (0..<10).map {
            Self.finding("test.soft-word", "bad thing", in: text, occurrence: $0, severity: .suggestion)
        }
        let run = RunReport(files: [FileReport(path: "ten.md", findings: findings)], rules: Self.rules)
        let lines = GitHubReporter().render(run).split(separator: "\n")
        #expect(lines.count == 10)
        #expect(lines.allSatisfy { $0.hasPrefix("::notice file=ten.md,") })
    }

    // MARK: Checkstyle

    @Test func checkstyleIsWellFormedAndCarriesEveryAttribute() throws {
        let output = CheckstyleReporter().render(Self.sampleRun())
        #expect(output.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<checkstyle version=\"4.3\">"))
        let document = try XMLDocumentReader.parse(output)
        #expect(document.elements.first?.name == "checkstyle")
        #expect(document.elements.first?.attributes["version"] == "4.3")
        let files = document.elements.filter { $0.name == "file" }.map { $0.attributes["name"] }
        #expect(files == ["notes/a,b.md", "clean.md", "missing.md", "image.txt"])

        let errors = document.elements.filter { $0.name == "error" }
        #expect(errors.count == 4)
        let vague = try #require(errors.first { $0.attributes["source"] == "candor.rules.test.vague-term" })
        #expect(vague.attributes["line"] == "2")
        #expect(vague.attributes["column"] == "26")
        #expect(vague.attributes["severity"] == "warning")
        #expect(vague.attributes["message"] == "\"bad thing\" hides what happened. Try: name the act; say who did it")
        let blame = try #require(errors.first { $0.attributes["source"] == "candor.rules.test.blame" })
        #expect(blame.attributes["severity"] == "error")
        // The line break survives as a character reference instead of being normalised to a space.
        #expect(blame.attributes["message"] == Self.awkwardMessage + " (quoted) Try: say what he did")
        let soft = try #require(errors.first { $0.attributes["source"] == "candor.rules.test.soft-word" })
        #expect(soft.attributes["severity"] == "info")
        let input = try #require(errors.first { $0.attributes["source"] == "candor.input" })
        #expect(input.attributes["severity"] == "error")
        #expect(input.attributes["message"] == "no such file or directory")
    }

    @Test func xmlEscapingCoversQuotesAndDropsCharactersXMLForbids() throws {
        #expect(ReportSupport.xmlAttribute("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&apos;f")
        #expect(ReportSupport.xmlAttribute("x\u{01}y\u{1B}z\u{FFFE}") == "xyz")
        #expect(ReportSupport.xmlAttribute("t\tn\nr\r") == "t&#9;n&#10;r&#13;")

        var finding = Self.finding("test.vague-term", "bad thing", in: Self.source)
        finding.message = "bell\u{07} <b>&'\"\u{0}"
        let run = RunReport(files: [FileReport(path: "x\u{01}<&>.md", findings: [finding])], rules: Self.rules)
        for output in [CheckstyleReporter().render(run), JUnitReporter().render(run)] {
            let document = try XMLDocumentReader.parse(output)
            #expect(document.elements.contains { $0.attributes["name"] == "x<&>.md" })
        }
    }

    // MARK: JUnit

    @Test func junitIsWellFormedWithOneCasePerFile() throws {
        let output = JUnitReporter().render(Self.sampleRun())
        #expect(output.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"))
        let document = try XMLDocumentReader.parse(output)
        let suites = try #require(document.elements.first)
        #expect(suites.name == "testsuites")
        #expect(suites.attributes["name"] == "candor")
        #expect(suites.attributes["tests"] == "4")
        #expect(suites.attributes["failures"] == "1")
        #expect(suites.attributes["errors"] == "1")
        let suite = try #require(document.elements.first { $0.name == "testsuite" })
        #expect(suite.attributes["tests"] == "4")

        let cases = document.elements.filter { $0.name == "testcase" }
        #expect(cases.map { $0.attributes["name"] } == ["notes/a,b.md", "clean.md", "missing.md", "image.txt"])
        #expect(cases.allSatisfy { $0.attributes["classname"] == "candor" })

        let failures = document.elements.filter { $0.name == "failure" }
        #expect(failures.map { $0.attributes["type"] } == ["test.vague-term", "test.blame", "test.soft-word"])
        #expect(
            failures[0].text == "notes/a,b.md:2:26: warning: \"bad thing\" hides what happened. [test.vague-term]\n"
                + "Try: name the act; say who did it")
        #expect(failures[1].attributes["message"] == "error: " + Self.awkwardMessage)
        let error = try #require(document.elements.first { $0.name == "error" })
        #expect(error.attributes["message"] == "no such file or directory")
        #expect(error.text == "missing.md: no such file or directory")
        #expect(document.elements.contains { $0.name == "skipped" && $0.attributes["message"] == "binary file" })
    }

    // MARK: rdjson

    @Test func rdjsonCountsColumnsInUTF8BytesWithAnExclusiveEnd() throws {
        let output = RDJSONReporter().render(Self.sampleRun())
        let root = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let source = try #require(root["source"] as? [String: Any])
        #expect(source["name"] as? String == "candor")
        let diagnostics = try #require(root["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 4)

        let vague = try #require(
            diagnostics.first { ($0["code"] as? [String: Any])?["value"] as? String == "test.vague-term" })
        let location = try #require(vague["location"] as? [String: Any])
        #expect(location["path"] as? String == "notes/a,b.md")
        let range = try #require(location["range"] as? [String: [String: Int]])
        // "She said " (9) + 😀 (4) + " " (1) + “hi” (3 + 2 + 3) + " then the " (10) = 32 bytes before the match,
        // where the scalar column is 26.
        #expect(range["start"] == ["line": 2, "column": 33])
        #expect(range["end"] == ["line": 2, "column": 42])
        #expect(vague["severity"] as? String == "WARNING")
        #expect(vague["suggestions"] == nil)

        let soft = try #require(
            diagnostics.first { ($0["code"] as? [String: Any])?["value"] as? String == "test.soft-word" })
        #expect(soft["severity"] as? String == "INFO")
        let suggestions = try #require(soft["suggestions"] as? [[String: Any]])
        #expect(suggestions.count == 1)
        #expect(suggestions[0]["text"] as? String == "survivor")
        let suggestionRange = try #require(suggestions[0]["range"] as? [String: [String: Int]])
        #expect(suggestionRange["start"] == ["line": 2, "column": 1])
        #expect(suggestionRange["end"] == ["line": 2, "column": 9])

        let input = try #require(
            diagnostics.first { ($0["code"] as? [String: Any])?["value"] as? String == "candor.input" })
        #expect(input["severity"] as? String == "ERROR")
        #expect((input["location"] as? [String: Any])?["path"] as? String == "missing.md")
    }

    @Test func rdjsonWithoutSourceOffersNoSuggestionItCannotPlaceExactly() throws {
        let output = RDJSONReporter().render(Self.sampleRun(keepSource: false))
        #expect(!output.contains("\"suggestions\""))
        #expect(OutputFormat.rdjson.needsSource)
    }

    // MARK: SARIF

    static func sarif(_ run: RunReport) throws -> [String: Any] {
        let output = SARIFReporter().render(run)
        return try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    }

    @Test func sarifHasWhatCodeScanningNeeds() throws {
        let root = try Self.sarif(Self.sampleRun())
        #expect(root["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(root["version"] as? String == "2.1.0")
        let runs = try #require(root["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let run = runs[0]
        #expect(run["columnKind"] as? String == "unicodeCodePoints")

        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "candor")
        #expect(driver["semanticVersion"] as? String == "0.1.0")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["test.vague-term", "test.blame", "test.soft-word"])
        let vagueRule = rules[0]
        #expect(vagueRule["name"] as? String == "VagueTerm")
        #expect(
            (vagueRule["shortDescription"] as? [String: Any])?["text"] as? String == "This phrase hides what happened.")
        #expect(
            (vagueRule["fullDescription"] as? [String: Any])?["text"] as? String
                == "B1, name the harm. A vague phrase lets readers imagine the mildest case.")
        let help = try #require(vagueRule["help"] as? [String: String])
        #expect(help["text"]?.contains("- name the act") == true)
        #expect(help["text"]?.contains("V1") == true)
        #expect(help["markdown"]?.contains("**Try instead:**") == true)
        #expect((vagueRule["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")
        let properties = try #require(vagueRule["properties"] as? [String: Any])
        #expect(properties["tags"] as? [String] == ["test", "V1", "B1", "B4"])
        #expect(properties["precision"] as? String == "medium")
        #expect(properties["problem.severity"] as? String == "warning")
        #expect((rules[2]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "note")
        #expect((rules[2]["properties"] as? [String: Any])?["problem.severity"] as? String == "recommendation")

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 3)
        let first = results[0]
        #expect(first["ruleId"] as? String == "test.vague-term")
        #expect(first["ruleIndex"] as? Int == 0)
        #expect(first["level"] as? String == "warning")
        #expect(
            (first["message"] as? [String: Any])?["text"] as? String
                == "\"bad thing\" hides what happened. Try: name the act; say who did it")
        let physical = try #require(
            ((first["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "notes/a,b.md")
        let region = try #require(physical["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 2)
        #expect(region["startColumn"] as? Int == 26)
        #expect(region["endLine"] as? Int == 2)
        #expect(region["endColumn"] as? Int == 35)
        #expect(region["byteOffset"] as? Int == 44)
        #expect(region["byteLength"] as? Int == 9)
        #expect((region["snippet"] as? [String: Any])?["text"] as? String == "bad thing")
        let fingerprint = (first["partialFingerprints"] as? [String: String])?["primaryLocationLineHash"]
        #expect(fingerprint?.count == 16)
        #expect(results[1]["level"] as? String == "error")
        #expect(results[2]["level"] as? String == "note")
        #expect(results[2]["fixes"] != nil)

        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notes = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notes.map { $0["level"] as? String } == ["error", "note"])
        #expect((notes[0]["message"] as? [String: Any])?["text"] as? String == "no such file or directory")
    }

    @Test func sarifFingerprintsSurviveEditsAboveAndTellRepeatsApart() throws {
        func fingerprints(_ text: String) throws -> [String] {
            let findings = [
                Self.finding("test.vague-term", "bad thing", in: text, occurrence: 0),
                Self.finding("test.vague-term", "bad thing", in: text, occurrence: 1)
            ]
            let root = try Self.sarif(
                RunReport(files: [FileReport(path: "doc.md", findings: findings)], rules: Self.rules))
            let results = try #require((root["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
            return results.compactMap { ($0["partialFingerprints"] as? [String: String])?["primaryLocationLineHash"] }
        }
        let before = try fingerprints("Intro.\nThe bad thing.\nAnother bad thing.\n")
        let after = try fingerprints("A new first paragraph.\n\nIntro.\nThe bad thing.\n\nAnother bad thing.\n")
        #expect(before.count == 2)
        #expect(before == after)
        #expect(before[0] != before[1])
        #expect(ReportSupport.fnv1a64("") == "cbf29ce484222325")
        #expect(ReportSupport.fnv1a64("a") == "af63dc4c8601ec8c")
    }

    @Test func sarifReportsASuccessfulRunAndStdin() throws {
        let finding = Self.finding("test.vague-term", "bad thing", in: Self.source)
        let root = try Self.sarif(RunReport(files: [FileReport(path: "-", findings: [finding])], rules: Self.rules))
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == true)
        #expect(invocation["toolExecutionNotifications"] == nil)
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        let physical = ((result["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any]
        #expect((physical?["artifactLocation"] as? [String: Any])?["uri"] as? String == "stdin")
    }

    @Test func pathsAreMadeRelativeAndURIsEncoded() {
        #expect(ReportSupport.reportPath("./docs/a.md") == "docs/a.md")
        #expect(ReportSupport.reportPath("/repo/docs//./a.md", base: "/repo") == "docs/a.md")
        #expect(ReportSupport.reportPath("/elsewhere/a.md", base: "/repo") == "/elsewhere/a.md")
        #expect(ReportSupport.reportPath("-") == "stdin")
        #expect(SARIFReporter.uri(for: "docs/my file,v2:café.md") == "docs/my%20file,v2%3Acaf%C3%A9.md")
        #expect(SARIFReporter.uri(for: "/elsewhere/a.md") == "file:///elsewhere/a.md")
        #expect(ReportSupport.camelCaseName("vague.sexual-misconduct") == "SexualMisconduct")
    }

    @Test func sarifValidatesAgainstTheSchema() throws {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let schema = packageRoot.deletingLastPathComponent().appendingPathComponent(
            "shared/data/sarif-schema-2.1.0.json")
        guard FileManager.default.fileExists(atPath: schema.path) else {
            print("skipped: SARIF schema not found at \(schema.path)")
            return
        }
        guard let probe = try? Self.python(["-c", "import jsonschema"]), probe.status == 0 else {
            print("skipped: jsonschema not installed (pip install jsonschema)")
            return
        }
        let sarif = FileManager.default.temporaryDirectory
            .appendingPathComponent("candor-\(UUID().uuidString).sarif")
        defer { try? FileManager.default.removeItem(at: sarif) }
        try SARIFReporter().render(Self.sampleRun()).write(to: sarif, atomically: true, encoding: .utf8)
        // The validator class follows the schema's own $schema (draft-04 for the OASIS SARIF schema).
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            document = json.load(open(sys.argv[2]))
            validator = jsonschema.validators.validator_for(schema)(schema)
            errors = sorted(validator.iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path])
            for error in errors:
                print("/".join(str(p) for p in error.absolute_path) + ": " + error.message)
            sys.exit(1 if errors else 0)
            """
        let result = try Self.python(["-c", script, schema.path, sarif.path])
        #expect(result.status == 0, "SARIF does not match the schema:\n\(result.output)")
    }

    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    // MARK: formats

    @Test func everyFormatHasAReporter() {
        for format in [OutputFormat.sarif, .github, .checkstyle, .rdjson, .junit] {
            #expect(!format.reporter(color: false, baseDirectory: nil).render(Self.sampleRun()).isEmpty)
        }
        #expect(OutputFormat(rawValue: "sarif") == .sarif)
        #expect(!OutputFormat.sarif.needsSource)
    }
}

/// Elements of an XML document in document order, read with Foundation's parser so that a test fails
/// on anything a strict consumer would reject.
final class XMLDocumentReader: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []

    static func parse(_ xml: String) throws -> XMLDocumentReader {
        let reader = XMLDocumentReader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        guard parser.parse() else {
            throw ParseError(
                description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error")"
                    + " at line \(parser.lineNumber)\n\(xml)")
        }
        return reader
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        open.append(elements.count)
        elements.append(Element(name: elementName, attributes: attributeDict))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        if let index = open.popLast() {
            elements[index].text = elements[index].text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}
