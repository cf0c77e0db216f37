import DigestFetch
import DigestTestSupport
import Foundation
import Testing

/// The published site as readers meet it: served by `digest serve` on 127.0.0.1, and loaded
/// by headless Chromium (the DOM after parsing, not our own string checks).
@Suite(.serialized) struct SiteBrowserTests {
    /// A three-week sample history, built once.
    static let output: URL = {
        let dir = TestPaths.temporaryDirectory("browser")
        _ = try? SampleRun.history(into: dir)  // checked by each test through the files it opens
        return dir
    }()

    /// Starts `digest serve --port 0` and returns the process and the port it announced.
    static func startServer(_ extra: [String] = []) throws -> (Process, Int) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TestPaths.binary)
        p.arguments = ["serve", "--config", SampleRun.args[2], "--output", output.path, "--port", "0"] + extra
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        var seen = ""
        while !seen.contains("/ (Ctrl-C") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        guard let r = seen.range(of: "http://127.0.0.1:"), let port = Int(seen[r.upperBound...].prefix { $0.isNumber }) else {
            p.terminate()
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "serve said: \(seen)"])
        }
        return (p, port)
    }

    /// 300 clients that trickle a request head forever and one that sends nothing are all cut
    /// off by the header and idle timeouts; while they are held, a normal request is answered at
    /// once (503 beyond the connection limit, never a hang); afterwards the site is served again.
    @Test func slowClientsCannotHoldTheServer() async throws {
        let (server, port) = try Self.startServer(["--header-timeout", "2", "--idle-timeout", "1", "--max-connections", "64"])
        defer { server.terminate() }
        let r = try Tool.run(["python3", TestPaths.root.appendingPathComponent("Tests/Support/slow_clients.py").path,
                              String(port), "300", "8"])
        let o = try JSONSerialization.jsonObject(with: Data(r.output.utf8)) as? [String: Any] ?? [:]
        #expect(o["closed"] as? Int == 300, "every slow client is cut off: \(r.output)")
        #expect((o["latest"] as? Double ?? 99) < 4, "within the header timeout: \(r.output)")
        let silent = o["silent"] as? Double ?? 99
        #expect(silent > 0.8 && silent < 2.5, "a silent client, after the idle timeout: \(r.output)")
        #expect(o["during"] as? Int == 503 || o["during"] as? Int == 200, "answered while they were held: \(r.output)")
        let after = try await CurlFetcher().fetch(FetchRequest(url: "http://127.0.0.1:\(port)/", timeoutSeconds: 5, retries: 0))
        #expect(after.status == 200)
    }

    @Test func serveShowsTheSiteOnLoopbackAndNothingOutsideIt() async throws {
        let (server, port) = try Self.startServer()
        defer { server.terminate() }
        let base = "http://127.0.0.1:\(port)/"
        let fetcher = CurlFetcher()
        let index = try await fetcher.fetch(FetchRequest(url: base, retries: 0))
        #expect(index.status == 200 && String(decoding: index.body, as: UTF8.self).contains("Weekly recap 2026-W48"))
        #expect(index.headers["content-type"]?.hasPrefix("text/html") == true)
        let card = try #require(try FileManager.default.contentsOfDirectory(atPath: Self.output.path + "/site/cards/2026-W48")
            .first { $0.hasPrefix("豆包") })
        let encoded = card.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
        let page = try await fetcher.fetch(FetchRequest(url: base + "cards/2026-W48/" + encoded, retries: 0))
        #expect(String(decoding: page.body, as: UTF8.self).contains("30T tokens/day"))
        let css = try await fetcher.fetch(FetchRequest(url: base + "style.css", retries: 0))
        #expect(css.headers["content-type"]?.hasPrefix("text/css") == true)
        // A symbolic link placed in the site is not followed out of it.
        let link = Self.output.path + "/site/outside.txt"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: Self.output.path + "/digest.sqlite")
        defer { try? FileManager.default.removeItem(atPath: link) }
        for escape in ["%2e%2e/digest.sqlite", "..%2fdigest.sqlite", ".hidden", "nope.html", "outside.txt"] {
            await #expect(throws: FetchError.self, "\(escape) must be a 404") {
                _ = try await fetcher.fetch(FetchRequest(url: base + escape, retries: 0))
            }
        }
    }

    /// `chromium --headless --dump-dom` of a page: the DOM a browser built from it.
    static func dom(_ relative: String) throws -> String {
        try Browser.dom(Self.output.appendingPathComponent(relative))
    }

    @Test(arguments: [
        ("site/index.html", ["<h1>Weekly recap 2026-W48</h1>", "<h2>Top stories</h2>", "<h2>By topic</h2>",
                             "<h2>Token metrics of the week</h2>", "<h2>Across the weeks</h2>", "<svg class=\"chart\""]),
        ("site/archive.html", ["<h1>Archive</h1>", ">2026-W46</a>", "<h2>Topics</h2>"]),
        ("site/topics/price-cut.html", ["<h1>Price cuts</h1>", "DeepSeek cuts output price 50%"]),
        ("site/weeks/2026-W47.html", ["<h1>Weekly recap 2026-W47</h1>"]),
        ("recap/2026-W48.html", ["<h1>Weekly recap 2026-W48</h1>", "<h2>Across the weeks</h2>"]),
    ])
    func headlessChromiumFindsTheHeadings(page: String, expected: [String]) throws {
        let dom = try Self.dom(page)
        for e in expected { #expect(dom.contains(e), "\(page): no \(e)") }
    }

    @Test func headlessChromiumFindsTheCardSections() throws {
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: Self.output.path + "/site/cards/2026-W48")
            .first { $0.hasPrefix("openrouter") })
        let dom = try Self.dom("site/cards/2026-W48/" + name)
        for e in ["<h2>⚡ 30-second TL;DR</h2>", "<h3>What changed</h3>", "Global total: 27T tokens, +18.9% WoW",
                  "<h3>What to do next</h3>", "<h2>Source</h2>", "Founders &amp; Product Leaders"] {
            #expect(dom.contains(e), "card page: no \(e)")
        }
    }
}
