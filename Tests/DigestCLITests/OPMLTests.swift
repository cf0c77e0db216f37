import DigestTestSupport
import Foundation
import Testing

/// OPML in the shapes feed readers export (our own files, written after Miniflux, FreshRSS and
/// Feedly exports and a hand-made flat list) into feeds.yaml, and feeds.yaml's sources back out.
@Suite(.serialized) struct OPMLTests {
    struct Case: Sendable, CustomStringConvertible {
        let file: String, ids: [String], tags: [[String]], skipped: [String]
        var description: String { file }
    }

    static let cases = [
        Case(file: "miniflux.opml", ids: ["openai-news", "jiqizhixin", "36kr"], tags: [["AI"], ["AI"], ["China tech"]], skipped: []),
        Case(file: "freshrss.opml", ids: ["simon-willison-s-weblog", "hacker-news-ai", "openai-news-again"],
             tags: [["Tech & AI"], ["Tech & AI"], []], skipped: ["'A page we scrape' (type \"HTML+XPath\") has no xmlUrl"]),
        Case(file: "feedly.opml", ids: ["hugging-face-blog", "ahead-of-ai", "the-verge-ai"],
             tags: [["Research", "Models"], ["Research"], []], skipped: ["file:///etc/passwd is not an http(s) address"]),
        Case(file: "flat.opml", ids: ["qbitai", "no-text-only-a-title", "untitled"], tags: [[], [], []],
             skipped: ["'A bookmark, not a feed' (type \"link\") has no xmlUrl: not a feed"]),
    ]

    /// The sources of a feeds.yaml as python's YAML reader sees them.
    static func sources(_ feeds: URL) throws -> [[String: Any]] {
        let r = try Tool.run(["python3", "-c", "import json,sys,yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))['sources']))",
                              feeds.path])
        return (try JSONSerialization.jsonObject(with: Data(r.output.utf8))) as? [[String: Any]] ?? []
    }

    @Test(arguments: cases) func initTakesAReadersExport(_ c: Case) throws {
        let dir = TestPaths.temporaryDirectory("opml")
        let r = try CLI.run(["init", dir.path, "--opml", TestPaths.fixture("opml/" + c.file).path])
        #expect(r.status == 0, "\(r.stderr)")
        let warnings = r.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: ") }
        #expect(warnings.count == c.skipped.count, "\(r.stderr)")
        for s in c.skipped { #expect(r.stderr.contains(s), "\(r.stderr)") }
        let got = try Self.sources(dir.appendingPathComponent("feeds.yaml"))
        #expect(got.map { $0["id"] as? String ?? "" } == c.ids)
        #expect(got.map { $0["tags"] as? [String] ?? [] } == c.tags)
        // The file is a feeds.yaml digest reads: its sources export again.
        #expect(try CLI.run(["sources", "export", "--config", dir.appendingPathComponent("feeds.yaml").path]).status == 0)
    }

    @Test func importAddsOnlyNewFeedsAndKeepsTheRestOfTheFile() throws {
        let dir = TestPaths.temporaryDirectory("opml-import")
        #expect(try CLI.run(["init", dir.path, "--opml", TestPaths.fixture("opml/miniflux.opml").path]).status == 0)
        let feeds = dir.appendingPathComponent("feeds.yaml")
        let before = try String(contentsOf: feeds, encoding: .utf8)
        let r = try CLI.run(["sources", "import", TestPaths.fixture("opml/freshrss.opml").path, "--config", feeds.path])
        #expect(r.status == 0, "\(r.stderr)")
        // OPENAI.example/news/rss.xml/ is the same feed as openai.example/news/rss.xml.
        #expect(r.stderr.contains("is already a source of"), "\(r.stderr)")
        let after = try String(contentsOf: feeds, encoding: .utf8)
        #expect(after.hasPrefix(before.trimmingCharacters(in: .newlines)), "comments and settings kept, entries added at the end")
        #expect(try Self.sources(feeds).map { $0["id"] as? String ?? "" }
                == ["openai-news", "jiqizhixin", "36kr", "simon-willison-s-weblog", "hacker-news-ai"])
        let again = try CLI.run(["sources", "import", TestPaths.fixture("opml/freshrss.opml").path, "--config", feeds.path])
        #expect(again.status == 0 && again.stderr.contains("nothing to add"), "\(again.stderr)")
        #expect(try String(contentsOf: feeds, encoding: .utf8) == after)
    }

    @Test func exportIsOPMLAnotherReaderReads() throws {
        let r = try CLI.run(["sources", "export", "--config", TestPaths.root.appendingPathComponent("feeds.yaml").path])
        #expect(r.status == 0, "\(r.stderr)")
        let file = TestPaths.temporaryDirectory("opml-export").appendingPathComponent("out.opml")
        try r.stdout.write(to: file, atomically: true, encoding: .utf8)
        // Python's own XML parser: every source of feeds.yaml, each under its first tag.
        let py = try Tool.run(["python3", "-c", """
            import sys, xml.etree.ElementTree as ET
            body = ET.parse(sys.argv[1]).getroot().find('body')
            for folder in body:
                for o in (folder if folder.get('xmlUrl') is None else [folder]):
                    print(folder.get('text') if o is not folder else '', o.get('text'), o.get('xmlUrl') or o.get('url'), sep='\\t')
            """, file.path])
        #expect(py.status == 0, "\(py.output)")
        let rows = py.output.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let srcs = try Self.sources(TestPaths.root.appendingPathComponent("feeds.yaml"))
        #expect(rows.count == srcs.count)
        #expect(Set(rows.map { $0.last ?? "" }) == Set(srcs.map { $0["url"] as? String ?? "" }))
        #expect(rows.contains { $0 == ["china", "36氪", "https://36kr.com/feed"] }, "\(rows)")
        // And it comes back in: an init from it has the same feeds; an HTML page (no feed a reader
        // could subscribe to) went out as a link and is reported, not taken as a feed.
        let dir = TestPaths.temporaryDirectory("opml-roundtrip")
        let back = try CLI.run(["init", dir.path, "--opml", file.path])
        #expect(back.status == 0 && back.stderr.contains("(type \"link\") has no xmlUrl"), "\(back.stderr)")
        #expect(Set(try Self.sources(dir.appendingPathComponent("feeds.yaml")).map { $0["url"] as? String ?? "" })
                == Set(srcs.filter { $0["kind"] as? String != "html" }.map { $0["url"] as? String ?? "" }))
    }

    @Test func notOPMLIsNamed() throws {
        let dir = TestPaths.temporaryDirectory("opml-bad")
        let r = try CLI.run(["init", dir.path, "--opml", TestPaths.root.appendingPathComponent("Samples/feeds/36kr.xml").path])
        #expect(r.status == 1 && r.stderr.contains("not an OPML document (its root is <rss>"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("feeds.yaml").path))
    }
}
