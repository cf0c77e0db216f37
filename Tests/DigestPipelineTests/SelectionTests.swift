import DigestTestSupport
import Foundation
import Testing

/// What a week publishes: only stories that belong, the top ones first and the rest one line
/// each; a week with nothing that belongs, or a run where every source failed, publishes nothing.
@Suite(.serialized) struct SelectionTests {
    /// Stories of the sample feeds that are not about AI or its token market.
    static let offTopic = ["咖啡", "新能源车", "茶饮", "headphones", "Meme coin", "recalls 12,000"]

    @Test func theSampleWeekKeepsOnlyWhatBelongs() throws {
        let dir = TestPaths.temporaryDirectory("select-sample")
        let r = try CLI.run(SampleRun.args.filter { $0 != "--quiet" } + ["--output", dir.path, "--verbose"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("· 7 off-topic items left out (1 roundup split into 3 stories) ·"), "\(r.stderr)")
        #expect(r.stderr.contains("left out: tech-wire: Meme coin token jumps 40% after exchange listing — crypto token"))
        let tree = try SampleRun.tree(dir)
        for (path, text) in tree where !path.hasSuffix(".xml") || path.hasPrefix("site/") {
            for word in Self.offTopic { #expect(!text.contains(word), "\(path) shows an off-topic story (\(word))") }
        }
        #expect(!tree.keys.contains { $0.contains("8点1氪") }, "the roundup itself is no card")
        // The roundup's one AI story is a card of its own, linked to the roundup.
        let glm = try #require(tree.first { $0.key.hasPrefix("cards/") && $0.key.hasSuffix(".md") && $0.value.contains("\n_智谱下调GLM API价格_\n") })
        #expect(glm.value.contains("(https://36kr.com/p/3847000000000001?f=rss#story-3)"))
        #expect(glm.value.contains("¥1.2 per M input tokens"))
        let recap = try #require(tree["recap/2026-W48.md"])
        let top = Self.lines(of: "## Top stories", in: recap), also = Self.lines(of: "## Also this week", in: recap)
        #expect(top.count == 7 && top.allSatisfy { $0.first?.isNumber == true }, "\(top)")
        #expect(also.count == 4 && also.allSatisfy { $0.hasPrefix("- [") }, "\(also)")
        #expect(also.contains { $0.contains("Anthropic opens a Tokyo office") && $0.hasSuffix("· Tech Wire") })
        // Core stories (token volumes and prices) come before other AI news.
        #expect(!top.contains { $0.contains("Kimi K3") || $0.contains("Anthropic") }, "\(top)")
        // Both parts of the email, read by Python's MIME parser, list the rest of the week.
        let parts = try Tool.run(["python3", "-c", """
            import email, sys
            m = email.message_from_binary_file(open(sys.argv[1], 'rb'))
            for p in m.walk():
                if not p.is_multipart(): print(p.get_content_type(), p.get_payload(decode=True).decode().count('Also this week'))
            """, dir.appendingPathComponent("email/2026-W48.eml").path])
        #expect(parts.output == "text/plain 1\ntext/html 1\n", "\(parts.output)")
    }

    @Test func topAndSourceFiltersShapeTheWeek() throws {
        let dir = TestPaths.temporaryDirectory("select-top")
        let cfg = try Self.sampleConfig(dir)
            .replacingOccurrences(of: "sources:\n", with: "top: 3\nsources:\n")
            .replacingOccurrences(of: "    tags: [tech]\n", with: "    tags: [tech]\n    exclude: [anthropic]\n")
            .replacingOccurrences(of: "    tags: [china]\n", with: "    tags: [china]\n    include: [\"/token|推理/\"]\n")
        let r = try Self.run(cfg, in: dir, ["--verbose"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("left out: tech-wire: Anthropic opens a Tokyo office as it expands in Asia — excluded by its source's filter 'anthropic'"))
        #expect(r.stderr.contains("left out: 36kr-newsflash: 某连锁茶饮品牌完成5亿元B轮融资 — matches none of its source's include filters"))
        let recap = try String(contentsOf: dir.appendingPathComponent("out/recap/2026-W48.md"), encoding: .utf8)
        #expect(Self.lines(of: "## Top stories", in: recap).count == 3)
        #expect(Self.lines(of: "## Also this week", in: recap).count == 7)
        #expect(!recap.contains("Anthropic"))
    }

    @Test func aWeekOfAnOffTopicFeedPublishesNothing() throws {
        let dir = TestPaths.temporaryDirectory("select-off")
        let published = try CLI.run(SampleRun.args + ["--output", dir.appendingPathComponent("out").path])
        #expect(published.status == 0, "\(published.stderr)")
        let before = try SampleRun.tree(dir.appendingPathComponent("out"))
        let stories = [("Ten phones worth buying this winter", "We tried the new flagship phones and picked ten."),
                       ("City council approves a new tram line", "The line opens in 2028 and links the airport."),
                       ("Token sale: a new coin raises $30 million", "The project's token goes on sale next week; DeFi traders expect an airdrop.")]
        let items = stories.enumerated().map { i, s -> [String: Any] in
            ["id": "off-\(i)", "url": "https://off.example/\(i)", "title": s.0, "content_text": s.1,
             "date_published": "2026-12-0\(i + 1)T08:00:00Z"]
        }
        try JSONSerialization.data(withJSONObject: ["version": "https://jsonfeed.org/version/1.1", "title": "Off", "items": items])
            .write(to: dir.appendingPathComponent("off.json"))
        let cfg = """
            templates: \(TestPaths.root.path)/Templates
            output: \(dir.path)/out
            timezone: UTC
            sources:
              - id: off
                name: Off Topic Daily
                url: off.json
                full_content: false
            """
        try cfg.write(to: dir.appendingPathComponent("feeds.yaml"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["run", "--config", dir.appendingPathComponent("feeds.yaml").path, "--week", "2026-W49",
                             "--now", "2026-12-07T08:00:00Z", "--quiet"])
        #expect(r.status == 4, "\(r.stderr)")
        #expect(r.stderr.contains("digest 2026-W49: 3 items in 2026-W49, none about the token market or AI (3 left out; --verbose lists them); nothing published"),
                "\(r.stderr)")
        let after = try SampleRun.tree(dir.appendingPathComponent("out"))
        #expect(after == before, "the front page, archive and email stay as they were")
    }

    @Test func aWeekWithoutItemsSaysWhichWeekHasThem() throws {
        let dir = TestPaths.temporaryDirectory("select-empty")
        let args = SampleRun.args.map { $0 == "2026-W48" ? "2026-W10" : $0 } + ["--output", dir.path]
        let r = try CLI.run(args)
        #expect(r.status == 4, "\(r.stderr)")
        #expect(r.stderr.contains("digest 2026-W10: 0 items in 2026-W10; the newest item is from 2026-11-28 — pass --week 2026-W48; nothing published"),
                "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/site"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/email"))
    }

    @Test func whenEverySourceFailsNothingIsPublished() throws {
        let dir = TestPaths.temporaryDirectory("select-failed")
        let cfg = try Self.sampleConfig(dir).replacingOccurrences(of: "/Samples/feeds/", with: "/Samples/missing/")
        let r = try Self.run(cfg, in: dir, ["--quiet"])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("every source failed this run (5); nothing published"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/out/site"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/out/recap"))
    }

    // MARK: helpers

    /// The sample feeds.yaml with absolute paths and its output in `dir/out`.
    static func sampleConfig(_ dir: URL) throws -> String {
        try String(contentsOf: TestPaths.root.appendingPathComponent("Samples/feeds.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "output: ../output", with: "output: \(dir.path)/out")
            .replacingOccurrences(of: "templates: ../Templates", with: "templates: \(TestPaths.root.path)/Templates")
            .replacingOccurrences(of: "url: feeds/", with: "url: \(TestPaths.root.path)/Samples/feeds/")
    }

    static func run(_ cfg: String, in dir: URL, _ extra: [String]) throws -> CLI.Result {
        try cfg.write(to: dir.appendingPathComponent("feeds.yaml"), atomically: true, encoding: .utf8)
        return try CLI.run(["run", "--config", dir.appendingPathComponent("feeds.yaml").path, "--week", "2026-W48",
                            "--now", "2026-11-30T08:00:00Z"] + extra)
    }

    /// The non-empty lines of a Markdown section, up to the next heading.
    static func lines(of heading: String, in md: String) -> [String] {
        guard let r = md.range(of: heading + "\n") else { return [] }
        return md[r.upperBound...].split(separator: "\n").prefix { !$0.hasPrefix("#") }.map(String.init)
    }
}
