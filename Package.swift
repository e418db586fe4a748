// swift-tools-version: 6.1
import Foundation
import PackageDescription

let package = Package(
    name: "Candor",
    products: [
        .executable(name: "candor", targets: ["candor"]),
        .library(name: "CandorKit", targets: ["CandorText", "CandorRules", "CandorKit", "CandorBuiltins"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Yams keeps node positions, so a broken lexicon or config names its line and column.
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0")
    ],
    targets: [
        // ICU behind plain C types: Foundation on Linux carries its own ICU headers.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]
        ),
        // cmark-gfm behind plain C types. Debian puts its headers in /usr/include, so a plain C target that links
        // the two libraries builds without pkg-config (Debian ships no libcmark-gfm-extensions.pc anyway).
        .target(
            name: "CCmark",
            linkerSettings: [.linkedLibrary("cmark-gfm-extensions"), .linkedLibrary("cmark-gfm")]
        ),
        // libxml2's headers live in a subdirectory (/usr/include/libxml2), which only pkg-config knows: the
        // system-library target exists to pass that include path and -lxml2 on to CHTML, without unsafe flags.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "CHTML", dependencies: ["CLibXML2"]),
        // The pipeline in three layers; each target uses only the ones above it, and the compiler enforces that.
        // Source → Markup → Text: bytes to prose to tokens.
        .target(name: "CandorText", dependencies: ["CICU", "CCmark", "CHTML"]),
        // Lexicon → Matching → Context → Findings: rules, and what they find in tokens.
        .target(
            name: "CandorRules",
            dependencies: ["CandorText", .product(name: "Yams", package: "Yams")]
        ),
        // Config, Engine (planner, runner, linter), Checks, Fixing, Evaluation, Report: running it for users.
        // It re-exports the two layers below, so `import CandorKit` is the whole library.
        .target(
            name: "CandorKit",
            dependencies: ["CandorText", "CandorRules", .product(name: "Yams", package: "Yams")]
        ),
        // The built-in lexicons, embedded at build time as text and as the rule set compiled from them: the
        // tool links CandorRules to compile them, so start-up decodes a snapshot instead of parsing and compiling.
        // SwiftPM builds a plugin's tool and its dependencies a second time, for the host: depending on
        // CandorRules alone keeps CandorKit out of that second build (every release build, and every
        // pre-commit install of the `candor` hook, compiles one module fewer).
        .executableTarget(name: "candor-embed", dependencies: ["CandorRules"], path: "Sources/candor-embed"),
        .plugin(
            name: "EmbedLexicons",
            capability: .buildTool(),
            dependencies: ["candor-embed"]
        ),
        .target(
            name: "CandorBuiltins",
            dependencies: ["CandorKit"],
            plugins: ["EmbedLexicons"]
        ),
        // `candor lsp`: the Language Server Protocol server (docs/editors.md).
        .target(name: "CandorLSP", dependencies: ["CandorKit"]),
        .executableTarget(
            name: "candor",
            dependencies: [
                "CandorKit", "CandorBuiltins", "CandorLSP",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ]
        ),
        // Throughput, scaling and memory figures (docs/performance.md); not part of the shipped tool.
        .executableTarget(
            name: "candor-bench",
            dependencies: ["CandorKit", "CandorBuiltins", "CICU"],
            path: "Benchmarks/candor-bench"
        ),
        .testTarget(
            name: "CandorKitTests",
            // The CLI is a dependency so that its tests run the real binary.
            dependencies: ["CandorText", "CandorRules", "CandorKit", "CandorBuiltins", "CandorLSP", "candor"]
        )
    ],
    swiftLanguageModes: [.v6]
)

// Coverage-guided fuzz targets (Fuzz/README.md), only when asked for: each main hands its entry point to
// libFuzzer's driver, so it links only with `-sanitize=fuzzer`. Fuzz/run.sh sets CANDOR_FUZZ and a build path
// of its own, so the ordinary build never sees them. They depend on CandorKit alone: building CandorBuiltins
// would build and link the embedding tool, whose own main clashes with libFuzzer's.
if ProcessInfo.processInfo.environment["CANDOR_FUZZ"] != nil {
    for name in ["lint", "config", "pattern", "snapshot"] {
        package.targets.append(
            .executableTarget(name: "fuzz-\(name)", dependencies: ["CandorKit"], path: "Fuzz/fuzz-\(name)"))
    }
}
