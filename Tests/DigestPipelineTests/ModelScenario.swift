import DigestTestSupport
import Foundation

/// The sample sources (plus feeds a test adds) with `summarizer:` pointing at a scripted
/// chat-completions server on 127.0.0.1 (`Tests/Support/chat_script_server.py`).
struct ModelScenario {
    let dir: URL
    let port: Int
    let server: Process
    let config: URL

    /// Starts the server with `script` and writes feeds.yaml with `summarizer` settings (`base_url`
    /// and `model` added) and `extraSources` (YAML list entries) after the samples'.
    init(_ name: String, script: [String: Any], summarizer: String = "", language: String = "en",
         extraSources: String = "", withModel: Bool = true) throws {
        dir = TestPaths.temporaryDirectory(name)
        let scriptURL = dir.appendingPathComponent("script.json")
        try JSONSerialization.data(withJSONObject: script, options: [.sortedKeys]).write(to: scriptURL)
        (server, port) = try ServerProcess.start(["python3", TestPaths.root.appendingPathComponent("Tests/Support/chat_script_server.py").path,
                                                  scriptURL.path, dir.appendingPathComponent("requests.jsonl").path, "240"])
        let root = TestPaths.root.path
        var cfg = try String(contentsOf: TestPaths.root.appendingPathComponent("Samples/feeds.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "output: ../output", with: "output: \(dir.path)/out")
            .replacingOccurrences(of: "url: feeds/", with: "url: \(root)/Samples/feeds/")
            .replacingOccurrences(of: "language: en\n", with: "language: \(language)\n")
        if withModel {
            cfg = cfg.replacingOccurrences(of: "sources:\n", with: """
                summarizer:
                  base_url: http://127.0.0.1:\(port)/v1
                  model: test-model
                \(summarizer)
                sources:

                """)
        }
        config = dir.appendingPathComponent("feeds.yaml")
        try (cfg + extraSources).write(to: config, atomically: true, encoding: .utf8)
    }

    func stop() { server.terminate() }

    /// `digest run` for the sample week.
    func run(_ extra: [String] = [], environment: [String: String] = [:]) throws -> CLI.Result {
        try CLI.run(["run", "--config", config.path, "--week", "2026-W48", "--now", "2026-11-30T08:00:00Z", "--quiet"] + extra,
                    environment: environment)
    }

    /// The requests the server received, oldest first.
    func requests() throws -> [[String: Any]] {
        let url = dir.appendingPathComponent("requests.jsonl")
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }

    /// The messages of a logged request.
    static func messages(_ request: [String: Any]) -> [[String: String]] {
        ((request["body"] as? [String: Any])?["messages"] as? [[String: Any]] ?? []).map { m in
            m.compactMapValues { $0 as? String }
        }
    }

    /// The card file of the week whose name starts with `prefix` (`ext`: md or html).
    func card(_ prefix: String, _ ext: String = "md") throws -> String {
        let cards = dir.appendingPathComponent("out/cards")
        for day in try FileManager.default.contentsOfDirectory(atPath: cards.path).sorted() {
            let folder = cards.appendingPathComponent(day)
            if let f = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
                .first(where: { $0.hasPrefix(prefix) && $0.hasSuffix("." + ext) }) {
                return try String(contentsOf: folder.appendingPathComponent(f), encoding: .utf8)
            }
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "card \(prefix)*.\(ext)"])
    }
}

/// Scripted answers (`chat_script_server.py` replies).
enum Scripted {
    static func answer(_ object: [String: Any]) -> [String: Any] { ["answer": object] }
    static func s(_ text: String, _ cites: [Int]) -> [String: Any] { ["text": text, "cites": cites] }

    /// The reference story (36氪's OpenRouter week) in the published card's own style: rounded
    /// (31.48% → 31%) and derived (12.96T / 3.03T → 4x) numbers, the streak, a date of the source
    /// sentence; an insight naming a model the source does not, one citing nothing, an implication
    /// its citation does not support.
    static var reference: [String: Any] { [
        "headline": s("China AI Models Surge 31%, Top US 5 Weeks", [2, 3]),
        "hook": s("China AI usage now 4x US, up 31% WoW", [2]),
        "tldr": [s("Chinese models processed 12.96T tokens on OpenRouter in the week of November 17 to 23, up 31.48% week over week.", [1, 2]),
                 s("Global usage reached 27T tokens, +18.9% WoW, and Chinese models ranked first for a fifth straight week.", [1, 3])],
        "deep_insight": [
            s("Chinese models' weekly token usage grew 31.48%, far faster than the 18.9% global growth, so their share of OpenRouter traffic is rising.", [1, 2]),
            s("Chinese models now carry about 48% of the global weekly token volume.", [1, 2]),
            s("The surge is driven by DeepSeek-R1, which dominates Chinese usage.", [2]),
            s("OpenRouter will likely face regulatory scrutiny over data sovereignty.", []),
        ],
        "implications": [
            s("Price and performance advantages are turning into real developer usage of Chinese models, which puts pressure on rival model pricing.", [4]),
            s("Chinese models are likely to hold the top rank on the weekly chart in the coming weeks.", [3]),
            s("Enterprise buyers in Europe will demand compliance reviews of cross-border access.", [2]),
        ],
        "takeaways": [s("Chinese models: 12.96T tokens a week, +31.48% WoW.", [2]), s("US models: 3.03T tokens a week.", [2]),
                      s("Global: 27T tokens, +18.9% WoW.", [1])],
    ] }

    /// A plain answer any card passes with (no numbers, no names).
    static var plain: [String: Any] { ["headline": s("A scripted headline for this story", [1]),
                                       "hook": s("Worth a look for anyone who follows model usage", [1])] }
}
