import CandorKit
import Foundation

// .candor.yml as anyone might write it, and its ignore: globs against paths. Errors are expected; a crash or
// a hang (libFuzzer's -timeout) is not. The input is split at the first NUL: the config, then paths to match.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let split = bytes.firstIndex(of: 0) ?? size
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<split]), as: UTF8.self)
    let paths =
        split < size
        ? String(decoding: UnsafeBufferPointer(rebasing: bytes[(split + 1)...]), as: UTF8.self).split(separator: "\n")
            .map(String.init)
        : ["/repo/a/b/c.md", "/repo/archive/2019/old.md", "/elsewhere/x.txt"]
    guard let config = try? ConfigLoader.parse(text, path: "/repo/.candor.yml") else { return 0 }
    for path in paths.prefix(16) { _ = config.ignores(path) }
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
exit(runFuzzerDriver(&arguments, &values, fuzzConfig))
