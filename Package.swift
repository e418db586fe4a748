// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Candor",
    products: [
        .executable(name: "candor", targets: ["candor"]),
        .library(name: "CandorKit", targets: ["CandorKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Yams keeps node positions, so a broken lexicon or config names its line and column.
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // ICU behind plain C types: Foundation on Linux carries its own ICU headers.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]
        ),
        .executableTarget(name: "candor-embed", path: "Sources/candor-embed"),
        .plugin(
            name: "EmbedLexicons",
            capability: .buildTool(),
            dependencies: ["candor-embed"]
        ),
        .target(
            name: "CandorKit",
            dependencies: ["CICU", .product(name: "Yams", package: "Yams")],
            plugins: ["EmbedLexicons"]
        ),
        .executableTarget(
            name: "candor",
            dependencies: ["CandorKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Throughput, scaling and memory figures (docs/performance.md); not part of the shipped tool.
        .executableTarget(
            name: "candor-bench",
            dependencies: ["CandorKit", "CICU"],
            path: "Benchmarks/candor-bench"
        ),
        .testTarget(
            name: "CandorKitTests",
            // The CLI is a dependency so that its tests run the real binary.
            dependencies: ["CandorKit", "candor"]
        ),
    ],
    swiftLanguageModes: [.v5]
)
