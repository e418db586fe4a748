import CandorKit
import Foundation

// The pattern language, and a lexicon file around it, compiled. Syntax errors are expected; a crash, a stack overflow
// or a hang is not. The first byte chooses between a bare pattern and a whole lexicon file.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPattern(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    if data[0] & 1 == 0 {
        _ = try? PatternParser.parse(text)
    } else {
        // Compiled too: the compiler is where class chains and optional runs could blow up.
        if let lexicon = try? LexiconLoader.parse(text, path: "fuzz.yml") { _ = try? RuleSet.compile([lexicon]) }
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
exit(runFuzzerDriver(&arguments, &values, fuzzPattern))
