import Foundation
import Testing

/// `candor lsp` end to end: the real binary driven over stdio by a client (LSPTestClient).
@Suite(.serialized) struct LanguageServerTests {
    let uri = "file:///tmp/candor-lsp-test/draft.md"
    /// An astral character (2 UTF-16 units, 4 UTF-8 bytes) and a combining mark (1 unit, 2 bytes) before the finding.
    let astralLine = "😀 e\u{301} Police found child pornography on it."

    /// [start line, start character, end line, end character] of a range, or of an object's `range`.
    func range(_ object: [String: Any]) -> [Int] {
        let range = object["range"] ?? object
        return ["start", "end"].flatMap { end in ["line", "character"].map { json(range, end, $0) as? Int ?? -1 } }
    }

    @Test func capabilitiesDefaultToUTF16() throws {
        let client = try LSPTestClient()
        let response = try client.initialize()
        let capabilities = json(response, "result", "capabilities") as? [String: Any]
        #expect(capabilities?["positionEncoding"] as? String == "utf-16")
        #expect(json(capabilities, "textDocumentSync", "change") as? Int == 2)
        #expect(json(capabilities, "textDocumentSync", "openClose") as? Bool == true)
        #expect(json(capabilities, "codeActionProvider", "codeActionKinds", "0") as? String == "quickfix")
        #expect(capabilities?["hoverProvider"] as? Bool == true)
        #expect(json(response, "result", "serverInfo", "name") as? String == "candor")
        #expect(try client.shutdown() == 0)
        #expect(client.garbage == nil)
    }

    @Test func exactUTF16Ranges() throws {
        let client = try LSPTestClient()
        _ = try client.initialize(capabilities: ["general": ["positionEncodings": ["utf-16"]]])
        client.open(uri, "# Title\n\n\(astralLine)\n")
        let diagnostics = try client.diagnostics(uri, version: 1)
        #expect(diagnostics.count == 1)
        // 😀 (2) + space + e + U+0301 + space + "Police found " (13) = 19
        #expect(range(diagnostics[0]) == [2, 19, 2, 36])
        #expect(diagnostics[0]["source"] as? String == "candor")
        #expect(diagnostics[0]["code"] as? String == "vague.child-pornography")
        #expect(diagnostics[0]["severity"] as? Int == 1)
        #expect((json(diagnostics[0], "codeDescription", "href") as? String)?.contains("lexicons/vague.yml#L") == true)
        #expect((diagnostics[0]["message"] as? String)?.contains("Try: child sexual abuse material") == true)
        _ = try client.shutdown()
    }

    @Test func exactUTF8RangesWhenOffered() throws {
        let client = try LSPTestClient()
        let response = try client.initialize(capabilities: ["general": ["positionEncodings": ["utf-8", "utf-16"]]])
        #expect(json(response, "result", "capabilities", "positionEncoding") as? String == "utf-8")
        client.open(uri, "# Title\n\n\(astralLine)\n")
        let diagnostics = try client.diagnostics(uri, version: 1)
        // 😀 (4) + space + e + U+0301 (2) + space + 13 = 22
        #expect(range(diagnostics[0]) == [2, 22, 2, 39])
        _ = try client.shutdown()
    }

    @Test func incrementalEditsRefreshDiagnostics() throws {
        let client = try LSPTestClient()
        _ = try client.initialize()
        client.open(uri, "\(astralLine)\nA quiet line.\r\nThe end.\n")
        #expect(try client.diagnostics(uri, version: 1).count == 1)
        // Insert a second finding after the astral character on line 2 (CRLF), in UTF-16 units.
        client.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": uri, "version": 2],
                "contentChanges": [
                    [
                        "range": ["start": ["line": 1, "character": 2], "end": ["line": 1, "character": 7]],
                        "text": "😀 child porn"
                    ]
                ]
            ])
        let second = try client.diagnostics(uri, version: 2)
        #expect(second.map(range) == [[0, 19, 0, 36], [1, 5, 1, 15]])
        // Remove the first by replacing it; a change without a range replaces the whole text.
        client.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": uri, "version": 3],
                "contentChanges": [
                    [
                        "range": ["start": ["line": 0, "character": 19], "end": ["line": 0, "character": 36]],
                        "text": "child sexual abuse material"
                    ]
                ]
            ])
        #expect(try client.diagnostics(uri, version: 3).map(range) == [[1, 5, 1, 15]])
        client.notify(
            "textDocument/didChange",
            ["textDocument": ["uri": uri, "version": 4], "contentChanges": [["text": "All good.\n"]]])
        #expect(try client.diagnostics(uri, version: 4).isEmpty)
        _ = try client.shutdown()
    }

    @Test func debouncedLatestVersionWinsAndStaleIsNeverPublished() throws {
        let client = try LSPTestClient()
        _ = try client.initialize(options: ["debounceMilliseconds": 150])
        client.open(uri, "Nothing here.\n")
        #expect(try client.diagnostics(uri, version: 1).isEmpty)
        for version in 2...6 {
            let text =
                version == 6 ? "He kept child pornography.\n" : "Draft \(version): child porn and child pornography.\n"
            client.notify(
                "textDocument/didChange",
                ["textDocument": ["uri": uri, "version": version], "contentChanges": [["text": text]]])
        }
        let published = client.collect(for: 1.0) { $0["method"] as? String == "textDocument/publishDiagnostics" }
        #expect(published.map { json($0, "params", "version") as? Int } == [6])
        #expect((json(published.first, "params", "diagnostics") as? [Any])?.count == 1)
        _ = try client.shutdown()
    }

    @Test func quickFixesPreferTheRuleFixAndOfferPlainSuggestions() throws {
        let client = try LSPTestClient()
        _ = try client.initialize()
        let text = "Intro line.\nPolice found Child pornography on it.\n"
        client.open(uri, text)
        _ = try client.diagnostics(uri, version: 1)
        let response = try client.request(
            "textDocument/codeAction",
            [
                "textDocument": ["uri": uri],
                "range": ["start": ["line": 1, "character": 20], "end": ["line": 1, "character": 20]],
                "context": ["diagnostics": [Any]()]
            ])
        let actions = response["result"] as? [[String: Any]] ?? []
        let titles = actions.map { $0["title"] as? String ?? "" }
        #expect(
            titles == [
                "Replace with “Child sexual abuse material”", "Replace with “Child sexual abuse images”",
                "Replace with “Indecent images of children”", "Disable vague.child-pornography for this line"
            ])
        #expect(actions[0]["isPreferred"] as? Bool == true)
        #expect(actions[1]["isPreferred"] == nil)
        #expect(actions.allSatisfy { $0["kind"] as? String == "quickfix" })
        #expect(json(actions[0], "diagnostics", "0", "code") as? String == "vague.child-pornography")
        let edit = json(actions[0], "edit", "changes", uri, "0") as? [String: Any]
        #expect(edit.map(range) == [1, 13, 1, 30])
        // The directive goes at the end of the line before, as inline HTML, so the paragraph is not split.
        let directive = json(actions[3], "edit", "changes", uri, "0") as? [String: Any]
        #expect(directive?["newText"] as? String == " <!-- candor-disable-next-line vague.child-pornography -->")
        #expect(directive.map(range) == [0, 11, 0, 11])
        // Applying it silences the finding.
        let disabled =
            "Intro line. <!-- candor-disable-next-line vague.child-pornography -->\nPolice found Child pornography on it.\n"
        client.notify(
            "textDocument/didChange",
            ["textDocument": ["uri": uri, "version": 2], "contentChanges": [["text": disabled]]])
        #expect(try client.diagnostics(uri, version: 2).isEmpty)
        _ = try client.shutdown()
    }

    @Test func disableDirectiveFitsTheMarkup() throws {
        let client = try LSPTestClient()
        _ = try client.initialize()
        let cases: [(uri: String, language: String, text: String, expected: String)] = [
            (
                "file:///tmp/candor-lsp-test/a.txt", "plaintext", "  He kept child porn.\n",
                "  candor-disable-next-line vague.child-pornography\n"
            ),
            (
                "file:///tmp/candor-lsp-test/a.html", "html", "<p>\n  He kept child porn.\n</p>\n",
                "  <!-- candor-disable-next-line vague.child-pornography -->\n"
            ),
            (
                "file:///tmp/candor-lsp-test/b.md", "markdown", "He kept child porn.\r\n",
                "<!-- candor-disable-next-line vague.child-pornography -->\r\n"
            )
        ]
        for (uri, language, text, expected) in cases {
            client.open(uri, text, languageId: language)
            let diagnostics = try client.diagnostics(uri, version: 1)
            #expect(diagnostics.count == 1, "\(uri)")
            let start = json(diagnostics.first, "range", "start") as! [String: Any]
            let response = try client.request(
                "textDocument/codeAction",
                [
                    "textDocument": ["uri": uri], "range": ["start": start, "end": start],
                    "context": ["diagnostics": [Any]()]
                ])
            let actions = response["result"] as? [[String: Any]] ?? []
            let directive = actions.first { ($0["title"] as? String)?.hasPrefix("Disable") == true }
            let edit = json(directive, "edit", "changes", uri, "0") as? [String: Any]
            #expect(edit?["newText"] as? String == expected, "\(uri)")
            // Inserted at the start of the finding's line, then relinted: nothing left.
            let line = start["line"] as! Int
            var lines = text.components(separatedBy: "\n")
            lines[line] =
                expected.trimmingCharacters(in: .newlines) + (text.contains("\r\n") ? "\r\n" : "\n") + lines[line]
            client.notify(
                "textDocument/didChange",
                [
                    "textDocument": ["uri": uri, "version": 2],
                    "contentChanges": [["text": lines.joined(separator: "\n")]]
                ])
            #expect(try client.diagnostics(uri, version: 2).isEmpty, "\(uri)")
        }
        _ = try client.shutdown()
    }

    @Test func hoverExplainsTheRuleInMarkdown() throws {
        let client = try LSPTestClient()
        _ = try client.initialize()
        client.open(uri, "\(astralLine)\n")
        _ = try client.diagnostics(uri, version: 1)
        let hover = try client.request(
            "textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 25]])
        #expect(json(hover, "result", "contents", "kind") as? String == "markdown")
        let value = json(hover, "result", "contents", "value") as? String ?? ""
        #expect(value.hasPrefix("**vague.child-pornography** (vague, error)"))
        #expect(value.contains("**Why:** B9"))
        #expect(value.contains("**Automatic fix:** child sexual abuse material"))
        #expect(value.contains("- child sexual abuse images"))
        #expect((json(hover, "result", "range") as? [String: Any]).map(range) == [0, 19, 0, 36])
        let nothing = try client.request(
            "textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 3]])
        #expect(nothing["result"] is NSNull)
        _ = try client.shutdown()
    }

    @Test func configIsAppliedAndReloaded() throws {
        let folder = try CLITests.temporaryDirectory()
        let draft = folder.appendingPathComponent("draft.md")
        let uri = draft.absoluteString
        let client = try LSPTestClient()
        _ = try client.initialize(
            capabilities: ["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]],
            rootURI: folder.absoluteString)
        let registration = try client.next { $0["method"] as? String == "client/registerCapability" }
        #expect(
            (json(registration, "params", "registrations", "0", "method") as? String)
                == "workspace/didChangeWatchedFiles")
        client.send(["id": registration["id"]!, "result": NSNull()])
        client.open(uri, "He kept child porn.\n")
        #expect(try client.diagnostics(uri, version: 1).count == 1)

        let config = folder.appendingPathComponent(".candor.yml")
        try "rules:\n  vague.child-pornography: off\n".write(to: config, atomically: true, encoding: .utf8)
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": config.absoluteString, "type": 1]]])
        #expect(try client.diagnostics(uri, version: 1).isEmpty)

        // A broken config: one diagnostic saying why, at the top.
        try "rules:\n  vague.child-pornogrpahy: off\n".write(to: config, atomically: true, encoding: .utf8)
        client.notify("textDocument/didSave", ["textDocument": ["uri": uri]])
        let broken = try client.diagnostics(uri, version: 1)
        #expect(broken.count == 1)
        #expect((broken.first?["message"] as? String)?.contains("configuration error") == true)
        #expect((broken.first?["message"] as? String)?.contains("vague.child-pornogrpahy") == true)

        try "rules:\n  vague.child-pornography: suggestion\n".write(to: config, atomically: true, encoding: .utf8)
        client.notify("textDocument/didSave", ["textDocument": ["uri": uri]])
        let downgraded = try client.diagnostics(uri, version: 1)
        #expect(downgraded.map { $0["severity"] as? Int } == [3])
        _ = try client.shutdown()
    }

    @Test func lexiconOptionIsHonoured() throws {
        let folder = try CLITests.temporaryDirectory()
        let lexicon = folder.appendingPathComponent("team.yml")
        try TestSupport.lexicon(["unfortunate incident"]).write(to: lexicon, atomically: true, encoding: .utf8)
        let client = try LSPTestClient(arguments: ["--lexicon", lexicon.path])
        _ = try client.initialize()
        client.open(uri, "It was an unfortunate incident.\n")
        let diagnostics = try client.diagnostics(uri, version: 1)
        #expect(diagnostics.map { $0["code"] as? String } == ["test.r0"])
        _ = try client.shutdown()
    }

    @Test func malformedMessagesGetErrorsAndTheServerKeepsRunning() throws {
        let client = try LSPTestClient()
        let early = try client.request(
            "textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 0]])
        #expect(json(early, "error", "code") as? Int == -32002)
        _ = try client.initialize()
        client.sendRaw(Array("Content-Length: 9\r\n\r\n{not json".utf8))
        let parse = try client.next { json($0, "error", "code") as? Int == -32700 }
        #expect(parse["id"] is NSNull)
        client.sendRaw(Array("Content-Length: 2\r\n\r\n[]".utf8))
        #expect(try client.next { json($0, "error", "code") as? Int == -32600 }["id"] is NSNull)
        // Stray bytes before a header: the message after them is still read.
        client.sendRaw(Array("stray output".utf8))
        let hover = try client.request(
            "textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 0]])
        #expect(hover["result"] is NSNull)
        let unknown = try client.request("candor/unknown")
        #expect(json(unknown, "error", "code") as? Int == -32601)
        client.open(uri, "He kept child porn.\n")
        #expect(try client.diagnostics(uri, version: 1).count == 1)
        #expect(try client.shutdown() == 0)
        #expect(client.garbage == nil)
    }

    @Test func aDocumentThatCannotBeLintedGetsOneDiagnosticSayingWhy() throws {
        let client = try LSPTestClient()
        _ = try client.initialize()
        client.open(uri, "He kept child porn.\u{0}\n")
        let diagnostics = try client.diagnostics(uri, version: 1)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["code"] as? String == "candor.cannot-lint")
        #expect((diagnostics.first?["message"] as? String)?.contains("binary") == true)
        _ = try client.shutdown()
    }

    @Test func codeActionsOfOtherKindsOnlyAreEmpty() throws {
        let client = try LSPTestClient()
        _ = try client.initialize()
        client.open(uri, "He kept child porn.\n")
        _ = try client.diagnostics(uri, version: 1)
        let position = ["line": 0, "character": 10]
        let refactor = try client.request(
            "textDocument/codeAction",
            [
                "textDocument": ["uri": uri], "range": ["start": position, "end": position],
                "context": ["diagnostics": [Any](), "only": ["refactor"]]
            ])
        #expect((refactor["result"] as? [Any])?.isEmpty == true)
        let quickfix = try client.request(
            "textDocument/codeAction",
            [
                "textDocument": ["uri": uri], "range": ["start": position, "end": position],
                "context": ["diagnostics": [Any](), "only": ["quickfix"]]
            ])
        #expect((quickfix["result"] as? [Any])?.count == 4)
        _ = try client.shutdown()
    }

    @Test func exitWithoutShutdownIsStatusOne() throws {
        let client = try LSPTestClient()
        _ = try client.initialize()
        client.notify("exit", [:])
        #expect(try client.waitForExit(timeout: 5) == 1)
    }

    @Test func requestsAfterShutdownAreRefused() throws {
        let client = try LSPTestClient()
        _ = try client.initialize()
        try client.request("shutdown")
        let late = try client.request(
            "textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 0]])
        #expect(json(late, "error", "code") as? Int == -32600)
        client.notify("exit", [:])
        #expect(try client.waitForExit(timeout: 5) == 0)
    }
}
