// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "digest",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "digest", targets: ["digest"]),
        .executable(name: "FuzzFeed", targets: ["FuzzFeed"]),
        .executable(name: "BenchCards", targets: ["BenchCards"]),
        .executable(name: "BenchPublish", targets: ["BenchPublish"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .executableTarget(name: "digest", dependencies: ["DigestCLI"]),
        .executableTarget(
            name: "FuzzFeed",
            dependencies: ["CFuzzer", "DigestCore", "DigestDates", "DigestMarkup", "DigestParse", "DigestExtract",
                           "DigestMetrics", "DigestCLI"]
        ),
        .systemLibrary(name: "CFuzzer"),
        .executableTarget(name: "BenchPublish", dependencies: ["DigestCore", "DigestStore"]),
        .executableTarget(name: "BenchCards", dependencies: ["DigestCore", "DigestMetrics", "DigestSummarize", "DigestRender", "DigestPipeline"]),
        .target(
            name: "DigestCLI",
            dependencies: [
                "DigestPipeline", "DigestCore", "DigestBytes", "DigestConfig", "DigestFetch", "DigestMarkup", "DigestParse",
                "DigestExtract", "DigestMetrics", "DigestSummarize", "DigestStore", "DigestPublish",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "DigestPipeline",
            dependencies: [
                "DigestCore", "DigestConfig", "DigestFetch", "DigestParse", "DigestExtract",
                "DigestMetrics", "DigestSummarize", "DigestRender", "DigestPublish", "DigestStore",
                "DigestFiles", "DigestLanguage", "DigestURL",
            ]
        ),
        // Value types shared by every module; no dependencies.
        .target(name: "DigestCore"),
        // Shared helpers, one concern each.
        .target(name: "DigestBytes", dependencies: ["CSystem"]),
        .target(name: "DigestDates", dependencies: ["DigestCore", "DigestBytes"]),
        .target(name: "DigestEncoding", dependencies: ["DigestBytes"]),
        .target(name: "DigestURL", dependencies: ["DigestBytes"]),
        .target(name: "DigestLanguage"),
        .target(name: "DigestFiles", dependencies: ["DigestCore", "CSystem"]),
        // Stages.
        .target(name: "DigestConfig", dependencies: ["DigestCore", "Yams"]),
        .target(name: "DigestStore", dependencies: ["DigestCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "DigestFetch", dependencies: ["DigestCore", "CCurl"]),
        .target(name: "DigestMarkup", dependencies: ["DigestCore", "DigestBytes", "DigestURL", "CLibXML2", "CArena"]),
        .target(name: "CArena"),
        .target(name: "DigestParse",
                dependencies: ["DigestCore", "DigestMarkup", "DigestBytes", "DigestDates", "DigestEncoding", "DigestURL"]),
        .target(name: "DigestExtract",
                dependencies: ["DigestCore", "DigestMarkup", "DigestBytes", "DigestDates", "DigestEncoding", "DigestLanguage"]),
        .target(name: "DigestMetrics", dependencies: ["DigestCore", "DigestBytes"], resources: [.process("Resources")]),
        .target(name: "DigestSummarize", dependencies: ["DigestCore", "DigestBytes", "DigestLanguage", "DigestURL", "Yams"]),
        .target(
            name: "DigestRender",
            dependencies: [
                "DigestCore", "Yams",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "DigestPublish",
            dependencies: ["DigestCore", "DigestFiles", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CSystem"),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .testTarget(
            name: "DigestTests",
            dependencies: [
                "DigestCore", "DigestConfig", "DigestFetch", "DigestMarkup", "DigestParse",
                "DigestExtract", "DigestMetrics", "DigestSummarize", "DigestRender", "DigestPublish",
                "DigestPipeline", "DigestStore", "DigestBytes", "DigestDates", "DigestEncoding", "DigestURL",
                "DigestLanguage", "DigestFiles", "DigestCLI",
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
