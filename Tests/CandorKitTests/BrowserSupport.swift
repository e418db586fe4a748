import Foundation

/// Headless Chromium (Debian's `chromium`), for tests that load an HTML report in a real browser: the DOM
/// it built (`--dump-dom`) and a screenshot of the page.
enum Chromium {
    /// The browser on PATH, or nil (the tests that need it then say they skipped).
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }()

    static let skipMessage =
        "skipped: chromium is not installed (apt-get install chromium); the browser tests of the HTML report did not run"

    /// Where the tests leave their screenshots: `$CANDOR_SCREENSHOTS`, or a folder in the temporary directory.
    static var screenshotFolder: URL {
        let folder =
            ProcessInfo.processInfo.environment["CANDOR_SCREENSHOTS"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("candor-html-screenshots")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The page's DOM after Chromium parsed and laid it out, serialised.
    static func dumpDOM(_ page: URL) throws -> String {
        try run(["--dump-dom", page.absoluteString]).stdout
    }

    /// A PNG of the page at `width` × `height` CSS pixels (`scale` 2 renders it as at 200% zoom).
    static func screenshot(_ page: URL, to png: URL, width: Int = 1200, height: Int = 1600, scale: Int = 1) throws {
        try? FileManager.default.removeItem(at: png)
        _ = try run([
            "--screenshot=\(png.path)", "--window-size=\(width),\(height)", "--force-device-scale-factor=\(scale)",
            "--hide-scrollbars", page.absoluteString
        ])
    }

    private static func run(_ arguments: [String]) throws -> (stdout: String, stderr: String) {
        guard let executable else { throw BrowserError("chromium is not installed") }
        // A profile of its own, so that runs side by side do not share (and lock) one.
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "candor-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = executable
        // No sandbox: CI runs as root in a container, where Chromium's sandbox cannot start. The page has no
        // scripts and its CSP forbids them; networking is off for good measure.
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                "--proxy-server=127.0.0.1:9", "--user-data-dir=\(profile.path)"
            ] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes at once: a full stderr pipe would stall Chromium while we wait on stdout.
        let errors = PipeReader(err)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stdout = String(decoding: outData, as: UTF8.self)
        let stderr = String(decoding: errors.finish(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw BrowserError("chromium exited \(process.terminationStatus): \(stderr.suffix(2000))")
        }
        return (stdout, stderr)
    }
}

/// Drains a pipe on a thread of its own.
private final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        Thread { [self] in
            data = pipe.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }.start()
    }

    func finish() -> Data {
        done.wait()
        return data
    }
}

struct BrowserError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// What a test needs from a DOM Chromium serialised: every element with its attributes, the text inside
/// each finding's marks (by `data-finding`, pieces joined), and the page's text.
struct ReportDOM {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    var elements: [Element] = []
    /// Text inside the marks of each finding, pieces in document order.
    var markedText: [String: String] = [:]
    /// Every text node, decoded, outside `style` and `title`.
    var text = ""

    init(_ html: String) {
        let scalars = Array(html.unicodeScalars)
        var index = 0
        var openFindings: [String?] = []  // one entry per open <mark>, nil for a mark of no finding
        var rawTextUntil: String?  // inside <style> or <title>: skip to the closing tag
        while index < scalars.count {
            if scalars[index] == "<" {
                var end = index + 1
                var quote: Unicode.Scalar?
                while end < scalars.count {
                    let scalar = scalars[end]
                    if let open = quote {
                        if scalar == open { quote = nil }
                    } else if scalar == "\"" || scalar == "'" {
                        quote = scalar
                    } else if scalar == ">" {
                        break
                    }
                    end += 1
                }
                let tag = String(String.UnicodeScalarView(scalars[(index + 1)..<min(end, scalars.count)]))
                index = end + 1
                if let closing = rawTextUntil {
                    if tag.lowercased() == "/" + closing { rawTextUntil = nil }
                    continue
                }
                if tag.hasPrefix("!") { continue }
                if tag.hasPrefix("/") {
                    if tag.dropFirst().lowercased() == "mark", !openFindings.isEmpty { openFindings.removeLast() }
                    continue
                }
                let element = Self.element(tag)
                elements.append(element)
                if element.name == "mark" { openFindings.append(element.attributes["data-finding"]) }
                if element.name == "style" || element.name == "title" { rawTextUntil = element.name }
            } else {
                var end = index
                while end < scalars.count && scalars[end] != "<" { end += 1 }
                if rawTextUntil == nil {
                    let piece = Self.decode(String(String.UnicodeScalarView(scalars[index..<end])))
                    text += piece
                    for case let id? in openFindings { markedText[id, default: ""] += piece }
                }
                index = end
            }
        }
    }

    private static func element(_ tag: String) -> Element {
        let name = String(tag.prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
        var attributes: [String: String] = [:]
        let pattern = try! NSRegularExpression(
            pattern: #"([^\s=/"'>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?"#)
        let body = String(tag.dropFirst(name.count))
        let range = NSRange(body.startIndex..., in: body)
        for match in pattern.matches(in: body, range: range) {
            guard let nameRange = Range(match.range(at: 1), in: body) else { continue }
            var value = ""
            for group in 2...4 {
                if let valueRange = Range(match.range(at: group), in: body) { value = String(body[valueRange]) }
            }
            attributes[body[nameRange].lowercased()] = decode(value)
        }
        return Element(name: name, attributes: attributes)
    }

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&nbsp;", with: "\u{A0}").replacingOccurrences(of: "&amp;", with: "&")
    }

    func elements(named name: String) -> [Element] { elements.filter { $0.name == name } }
}
