import CandorKit
import Foundation

// The compiled rule-set snapshot the binary decodes at start-up. It is written by the build, not by users,
// but a truncated or corrupted one must be refused with an error, never crash or allocate without bound.
// Random bytes rarely get past the header, so most inputs are edits of a real snapshot: the first byte
// chooses raw or edited, the next two cut the snapshot short, and each following triple (position, position,
// value) XORs one byte.

let lexicon = """
    category: test
    classes:
      PEOPLE: [the coach, a player|players]
    rules:
      - id: test.one
        severity: warning
        guidance: V1
        principles: [B1]
        patterns: ['sex(ual) scandal{,s}', '[had sex|slept] with @PEOPLE', '<minor-age> year old']
        exceptions: ['not a sex scandal']
        requires:
          sentence: [said, "said * coach"]
        message: 'flagged {match}'
        suggestions: [plainer]
        why: B1.
        examples:
          flag: [a sex scandal]
          pass: [a vote]
    """

let valid: [UInt8] = {
    do {
        let lexicons = [try LexiconLoader.parse(lexicon, path: "fuzz.yml")]
        return RuleSetSnapshot.encode(lexicons: lexicons, ruleSet: try RuleSet.compile(lexicons))
    } catch {
        fatalError("seed lexicon: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshot(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    guard let mode = input.first else { return 0 }
    if mode & 1 == 1 {
        _ = try? RuleSetSnapshot.decode(Array(input.dropFirst()))
        return 0
    }
    var bytes = valid
    if input.count >= 3 {
        let cut = (Int(input[1]) << 8 | Int(input[2])) % (valid.count + 1)
        if mode & 2 == 2 { bytes.removeLast(valid.count - cut) }
    }
    var index = 3
    while index + 2 < input.count {
        let position = (Int(input[index]) << 8 | Int(input[index + 1]))
        if !bytes.isEmpty { bytes[position % bytes.count] ^= input[index + 2] }
        index += 3
    }
    _ = try? RuleSetSnapshot.decode(bytes)
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
exit(runFuzzerDriver(&arguments, &values, fuzzSnapshot))
