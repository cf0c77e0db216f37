import DigestTestSupport
import Foundation
import Testing

/// The published site is never half-written: SIGKILL at any moment of a run leaves the previous
/// site or the new one, complete, and every internal link of it resolves.
@Suite(.serialized) struct PublishSafetyTests {
    /// A JSON Feed of `n` distinct stories, so a run takes long enough to be killed midway.
    static func bigFeed(_ n: Int) throws -> Data {
        let items = (0..<n).map { i -> [String: Any] in
            ["id": "k\(i)", "url": "https://kill.example/\(i)", "title": "Story \(i) about model \(i * 7919 % 100_003)",
             "date_published": "2026-11-2\(4 + i % 5)T0\(i % 10):00:00Z",
             "content_text": "Model \(i) processed \(i + 1).5T tokens this week, up \(i + 1).25% week over week."]
        }
        return try JSONSerialization.data(withJSONObject: ["version": "https://jsonfeed.org/version/1.1", "items": items])
    }

    @Test func killedRunsLeaveACompleteSite() throws {
        let dir = TestPaths.temporaryDirectory("kill")
        let out = dir.appendingPathComponent("out")
        let base = ["--week", "2026-W48", "--now", "2026-11-30T08:00:00Z", "--quiet", "--output", out.path]
        let first = try CLI.run(["run", "--config", "Samples/feeds.yaml"] + base)
        #expect(first.status == 0)
        #expect(try SiteLinks.broken(in: out.appendingPathComponent("site")).isEmpty)
        try Self.bigFeed(600).write(to: dir.appendingPathComponent("big.json"))
        let cfg = "templates: \(TestPaths.root.path)/Templates\nsources:\n  - id: big\n    name: Big\n    url: big.json\n    full_content: false\n"
        try cfg.write(to: dir.appendingPathComponent("feeds.yaml"), atomically: true, encoding: .utf8)
        var rng = SystemRandomNumberGenerator()
        let noQuiet = base.filter { $0 != "--quiet" }
        for round in 0..<8 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: TestPaths.binary)
            p.arguments = ["run", "--config", dir.appendingPathComponent("feeds.yaml").path] + noQuiet
            let err = Pipe()
            p.standardOutput = FileHandle.nullDevice
            p.standardError = err
            try p.run()
            // Wait until the site is being built, then kill at a random moment of it (or, in
            // odd rounds, anywhere in the run).
            if round % 2 == 0 {
                var seen = ""
                while !seen.contains("writing the site") {
                    let chunk = err.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    seen += String(decoding: chunk, as: UTF8.self)
                }
                Thread.sleep(forTimeInterval: Double.random(in: 0...0.15, using: &rng))
            } else {
                Thread.sleep(forTimeInterval: Double.random(in: 0.05...5.0, using: &rng))
            }
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let site = out.appendingPathComponent("site")
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path), "round \(round)")
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("feed.xml").path), "round \(round)")
            let broken = try SiteLinks.broken(in: site)
            #expect(broken.count == 0, "round \(round): \(broken.prefix(3))")
        }
        // The store survived every kill (SQLite transactions): a run to the end works and
        // republishes the week from it.
        let last = try CLI.run(["run", "--config", dir.appendingPathComponent("feeds.yaml").path] + base)
        #expect(last.status == 0, "\(last.stderr)")
        let recap = try CLI.run(["recap", "--config", dir.appendingPathComponent("feeds.yaml").path] + base.filter { $0 != "--quiet" })
        #expect(recap.status == 0, "\(recap.stderr)")
        #expect(try SiteLinks.broken(in: out.appendingPathComponent("site")).isEmpty)
    }
}
