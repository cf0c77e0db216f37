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
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .executableTarget(name: "digest", dependencies: ["DigestCLI"]),
        // Outside the product's sources: the fuzzer and the in-process benchmarks.
        .executableTarget(
            name: "FuzzFeed",
            dependencies: ["CFuzzer", "DigestCore", "DigestDates", "DigestMarkup", "DigestParse", "DigestExtract",
                           "DigestMetrics", "DigestCLI"],
            path: "Fuzz/FuzzFeed"
        ),
        .systemLibrary(name: "CFuzzer", path: "Fuzz/CFuzzer"),
        .executableTarget(name: "BenchPublish", dependencies: ["DigestCore", "DigestStore"], path: "Benchmarks/BenchPublish"),
        .executableTarget(
            name: "BenchCards",
            dependencies: ["DigestCore", "DigestMetrics", "DigestSummarize", "DigestRender", "DigestPipeline"],
            path: "Benchmarks/BenchCards"
        ),
        .target(
            name: "DigestCLI",
            dependencies: [
                "DigestPipeline", "DigestCore", "DigestBytes", "DigestConfig", "DigestFetch", "DigestMarkup", "DigestParse",
                "DigestExtract", "DigestMetrics", "DigestSelect", "DigestSummarize", "DigestStore", "DigestPublish",
                "DigestOPML", "DigestRender", "DigestFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // `digest init` writes the repository's feeds.yaml (a link to it), compiled into the program.
            resources: [.embedInCode("Defaults/feeds.yaml")]
        ),
        .target(
            name: "DigestPipeline",
            dependencies: [
                "DigestCore", "DigestConfig", "DigestFetch", "DigestParse", "DigestExtract",
                "DigestMetrics", "DigestSelect", "DigestSummarize", "DigestRender", "DigestPublish", "DigestStore",
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
        // Data files are compiled into the program (embedInCode), so an installed `digest` needs no folder beside it.
        .target(name: "DigestMetrics", dependencies: ["DigestCore", "DigestBytes", "DigestLanguage"],
                resources: [.embedInCode("Resources/lexicon.json"), .embedInCode("Resources/subjects.json")]),
        .target(name: "DigestSelect", dependencies: ["DigestCore", "DigestLanguage"],
                resources: [.embedInCode("Resources/relevance.json")]),
        .target(name: "DigestOPML", dependencies: ["DigestCore", "DigestMarkup"]),
        .target(name: "DigestSummarize", dependencies: ["DigestCore", "DigestBytes", "DigestLanguage", "DigestURL", "Yams"],
                resources: [.embedInCode("Resources/glossary.json")]),
        .target(
            name: "DigestRender",
            dependencies: [
                "DigestCore", "Yams",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The default templates: links to the top-level Templates/ files, compiled into the program.
            resources: [
                .embedInCode("Defaults/archive.html.mustache"),
                .embedInCode("Defaults/card.html.mustache"),
                .embedInCode("Defaults/card.md.mustache"),
                .embedInCode("Defaults/email.html.mustache"),
                .embedInCode("Defaults/feed.xml.mustache"),
                .embedInCode("Defaults/headlines.yaml"),
                .embedInCode("Defaults/labels.yaml"),
                .embedInCode("Defaults/page.html.mustache"),
                .embedInCode("Defaults/recap.html.mustache"),
                .embedInCode("Defaults/recap.md.mustache"),
                .embedInCode("Defaults/sitemap.xml.mustache"),
                .embedInCode("Defaults/style.css"),
                .embedInCode("Defaults/topic.html.mustache"),
                .embedInCode("Defaults/topics.yaml"),
            ]
        ),
        .target(
            name: "DigestPublish",
            dependencies: ["DigestCore", "DigestFiles"]
        ),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CSystem"),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // Tests: one target per module, helpers (servers, fixtures, goldens) in a library.
        .target(name: "DigestTestSupport", path: "Tests/DigestTestSupport"),
        .testTarget(
            name: "DigestBytesTests",
            dependencies: ["DigestBytes", "DigestCore", "DigestDates", "DigestEncoding", "DigestSummarize", "DigestTestSupport"]
        ),
        .testTarget(
            name: "DigestCLITests",
            dependencies: ["DigestCLI", "DigestCore", "DigestEncoding", "DigestTestSupport"]
        ),
        .testTarget(name: "DigestConfigTests", dependencies: ["DigestConfig", "DigestTestSupport"]),
        .testTarget(
            name: "DigestCoreTests",
            dependencies: ["DigestCLI", "DigestCore", "DigestDates", "DigestEncoding", "DigestMarkup", "DigestMetrics", "DigestSummarize", "DigestTestSupport"]
        ),
        .testTarget(
            name: "DigestDatesTests",
            dependencies: ["DigestBytes", "DigestCLI", "DigestCore", "DigestDates", "DigestEncoding", "DigestMarkup", "DigestMetrics", "DigestSummarize", "DigestTestSupport"]
        ),
        .testTarget(
            name: "DigestEncodingTests",
            dependencies: ["DigestBytes", "DigestCore", "DigestEncoding", "DigestMarkup", "DigestMetrics", "DigestParse", "DigestTestSupport", "DigestURL"]
        ),
        .testTarget(
            name: "DigestExtractTests",
            dependencies: ["DigestBytes", "DigestCLI", "DigestCore", "DigestEncoding", "DigestExtract", "DigestMarkup", "DigestParse", "DigestTestSupport"]
        ),
        .testTarget(name: "DigestFetchTests", dependencies: ["DigestFetch", "DigestParse", "DigestTestSupport"]),
        .testTarget(
            name: "DigestMarkupTests",
            dependencies: ["CLibXML2", "DigestBytes", "DigestCLI", "DigestCore", "DigestEncoding", "DigestExtract", "DigestMarkup", "DigestMetrics", "DigestParse", "DigestSummarize", "DigestTestSupport"]
        ),
        .testTarget(
            name: "DigestMetricsTests",
            dependencies: ["DigestCLI", "DigestCore", "DigestDates", "DigestEncoding", "DigestMarkup", "DigestMetrics", "DigestSummarize", "DigestTestSupport"]
        ),
        .testTarget(
            name: "DigestParseTests",
            dependencies: ["DigestBytes", "DigestCLI", "DigestCore", "DigestExtract", "DigestMarkup", "DigestParse", "DigestTestSupport"]
        ),
        .testTarget(name: "DigestPipelineTests", dependencies: ["DigestCore", "DigestFetch", "DigestPipeline", "DigestStore", "DigestSummarize",
                                                              "DigestTestSupport"]),
        .testTarget(name: "DigestPublishTests", dependencies: ["DigestFetch", "DigestTestSupport"]),
        .testTarget(
            name: "DigestRenderTests",
            dependencies: ["DigestCore", "DigestMetrics", "DigestPipeline", "DigestRender", "DigestSummarize", "DigestTestSupport"]
        ),
        .testTarget(
            name: "DigestSelectTests",
            dependencies: ["DigestCore", "DigestMetrics", "DigestSelect", "DigestTestSupport"]
        ),
        .testTarget(
            name: "DigestStoreTests",
            dependencies: ["DigestCore", "DigestRender", "DigestStore", "DigestTestSupport"]
        ),
        .testTarget(
            name: "DigestSummarizeTests",
            dependencies: ["DigestCore", "DigestLanguage", "DigestMarkup", "DigestMetrics", "DigestParse", "DigestSummarize", "DigestTestSupport"]
        ),
        .testTarget(name: "DigestURLTests", dependencies: ["DigestCore", "DigestTestSupport", "DigestURL"]),
    ],
    swiftLanguageModes: [.v6]
)
