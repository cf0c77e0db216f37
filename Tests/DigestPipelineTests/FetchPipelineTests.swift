import DigestFetch
import DigestTestSupport
import Foundation
import Testing

/// `digest fetch` against the fault-injecting loopback server: for each way a source fails,
/// what the report says and what the store keeps (validators, last good copy, backoff).
@Suite(.serialized) struct FetchPipelineTests {
    func server() throws -> FaultServer {
        try #require(FaultServer.shared, "the loopback server (python3 Tests/Support/fault_server.py) did not start")
    }

    /// A feeds.yaml with `sources` (id → path on the server) and fast limits, in a new folder.
    func setUp(_ sources: [(String, String)], host: String = "127.0.0.1", extra: String = "") throws -> URL {
        let dir = TestPaths.temporaryDirectory("fetchp")
        let port = try server().port
        var yaml = "templates: \(TestPaths.root.path)/Templates\nfetch:\n  timeout: 2\n  max_mb: 1\n\(extra)sources:\n"
        for (id, path) in sources { yaml += "  - id: \(id)\n    url: http://\(host):\(port)\(path)\n" }
        try yaml.write(to: dir.appendingPathComponent("feeds.yaml"), atomically: true, encoding: .utf8)
        return dir
    }

    /// Runs `digest fetch --json` in `dir` at a fixed clock and returns status and report.
    func fetch(_ dir: URL, now: String = "2026-11-30T08:00:00Z") throws -> (Int32, [String: Any], String) {
        let r = try CLI.run(["fetch", "--config", dir.appendingPathComponent("feeds.yaml").path, "--output",
                             dir.appendingPathComponent("out").path, "--json", "--now", now])
        let json = (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any] ?? [:]
        return (r.status, json, r.stderr)
    }

    func line(_ report: [String: Any], _ id: String) -> [String: Any] {
        ((report["lines"] as? [[String: Any]]) ?? []).first { $0["id"] as? String == id } ?? [:]
    }

    func stats(_ key: String) async throws -> [String: Any] {
        let r = try await CurlFetcher().fetch(FetchRequest(url: try server().url("/stats?key=\(key)"), retries: 0))
        return try JSONSerialization.jsonObject(with: r.body) as? [String: Any] ?? [:]
    }

    @Test func aContradictedEncodingIsReadRightAndReportedInTheRunAndStatus() throws {
        let dir = try setUp([("gbk", "/file/feeds/gbk_declared_utf8.xml"), ("utf8", "/file/feeds/utf8_declared_gb2312.xml")])
        let (status, _, stderr) = try fetch(dir)
        #expect(status == 0)
        #expect(stderr.contains("warning: gbk: encoding 'UTF-8' declared, but the bytes are GB18030: read as GB18030"), "\(stderr)")
        #expect(stderr.contains("warning: utf8: encoding 'gb2312' declared, but the bytes are UTF-8: read as UTF-8"), "\(stderr)")
        let st = try CLI.run(["status", "--config", dir.appendingPathComponent("feeds.yaml").path, "--output", dir.appendingPathComponent("out").path])
        #expect(st.stdout.contains("  warning: encoding 'UTF-8' declared, but the bytes are GB18030: read as GB18030"), "\(st.stdout)")
    }

    @Test func aSecondRunGets304AndParsesNothing() throws {
        let dir = try setUp([("s", "/etag")])
        let (s1, r1, e1) = try fetch(dir)
        #expect(s1 == 0, "\(e1)")
        #expect(line(r1, "s")["status"] as? String == "ok" && r1["items_stored"] as? Int == 1)
        let (s2, r2, _) = try fetch(dir)
        #expect(s2 == 0)
        #expect(line(r2, "s")["status"] as? String == "not_modified")
        #expect(r2["bytes"] as? Int == 0 && r2["feeds_parsed"] as? Int == 0 && r2["items_stored"] as? Int == 0)
    }

    /// First answer a feed, then fail as `then`: the run is stale on the last good copy.
    @Test(arguments: [
        ("challenge", "not a feed"), ("status?code=503", "http status 503"), ("reset", "fetch:"),
        ("gzip-truncated", "fetch:"), ("big?mb=2", "larger than"), ("to-file", "not allowed"), ("loop", "redirect"),
        ("slow-first-byte?s=3", "timeout"), ("slow-body?s=4", "fetch:"),
    ])
    func aBrokenSourceFallsBackToItsLastGoodCopy(then: String, message: String) throws {
        let key = UUID().uuidString
        let dir = try setUp([("s", "/flip?key=\(key)&then=\(then.replacingOccurrences(of: "?", with: "&"))"), ("good", "/feed")])
        _ = try fetch(dir)
        let (status, r, stderr) = try fetch(dir, now: "2026-11-30T09:00:00Z")
        #expect(status == 0, "one stale source does not fail the run: \(stderr)")
        let l = line(r, "s")
        #expect(l["status"] as? String == "stale", "\(then): \(l)")
        #expect((l["error"] as? String ?? "").lowercased().contains(message), "\(then): \(l)")
        #expect(l["items"] as? Int == 1, "\(then): the last good copy's item is used")
        #expect(stderr.contains("s: stale: using the last good copy from 2026-11-30T08:00:00Z"), "\(stderr)")
        #expect(line(r, "good")["status"] as? String == "not_modified")
    }

    @Test(arguments: [("challenge", "not a feed (looks like html)"), ("status?code=404", "http status 404"),
                      ("to-file", "not allowed"), ("big?mb=2", "larger than")])
    func aSourceWithoutACopyFailsAlone(path: String, message: String) throws {
        let dir = try setUp([("bad", "/" + path), ("good", "/feed")])
        let (status, r, _) = try fetch(dir)
        #expect(status == 0)
        #expect(line(r, "bad")["status"] as? String == "failed")
        #expect((line(r, "bad")["error"] as? String ?? "").lowercased().contains(message), "\(line(r, "bad"))")
        #expect(line(r, "good")["items"] as? Int == 1)
        let (allBad, _, _) = try fetch(try setUp([("bad", "/" + path)]))
        #expect(allBad == 3, "every source failed with no copy: exit 3")
    }

    @Test func retriesRecoverAndAreReported() throws {
        let dir = try setUp([("flaky", "/flaky?feed=1&key=\(UUID())"), ("limited", "/limited?feed=1&key=\(UUID())")])
        let (_, r, _) = try fetch(dir)
        for id in ["flaky", "limited"] {
            #expect(line(r, id)["status"] as? String == "ok" && line(r, id)["attempts"] as? Int == 2, "\(line(r, id))")
            #expect(line(r, id)["items"] as? Int == 1)
        }
    }

    @Test func fiveFailuresInARowSpaceOutPolling() async throws {
        let key = UUID().uuidString
        let dir = try setUp([("s", "/flip?key=\(key)&then=status&code=500")], extra: "")
        _ = try fetch(dir, now: "2026-11-30T00:00:00Z")
        for h in 1...5 { _ = try fetch(dir, now: "2026-11-30T0\(h):00:00Z") }
        let status = try CLI.run(["status", "--config", dir.appendingPathComponent("feeds.yaml").path, "--output",
                                  dir.appendingPathComponent("out").path, "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [[String: Any]])
        #expect(rows.first?["failures"] as? Int == 5)
        #expect(rows.first?["next_due"] as? String == "2026-11-30T06:00:00Z", "1 h after the fifth failure: \(rows)")
        #expect(rows.first?["last_success"] as? String == "2026-11-30T00:00:00Z")
        let lastError = rows.first?["last_error"] as? String ?? ""
        #expect(lastError.contains("http status 500"), "\(lastError)")
        let hitsBefore = try await stats(key)["hits"] as? Int
        let (_, r, _) = try fetch(dir, now: "2026-11-30T05:30:00Z")
        #expect(line(r, "s")["status"] as? String == "deferred" && line(r, "s")["items"] as? Int == 1)
        #expect(try await stats(key)["hits"] as? Int == hitsBefore, "a deferred source is not asked")
        let (_, later, _) = try fetch(dir, now: "2026-11-30T06:30:00Z")
        #expect(line(later, "s")["status"] as? String == "stale", "due again after the backoff")
    }

    @Test func atMostTwoTransfersPerHost() async throws {
        let key = UUID().uuidString
        let sources = (0..<6).map { ("h\($0)", "/hold?ms=400&key=\(key)&n=\($0)") }
        let dir = try setUp(sources, extra: "")
        let start = Date()
        let (status, r, _) = try fetch(dir)
        let elapsed = Date().timeIntervalSince(start)
        #expect(status == 0 && r["ok"] as? Int == 6)
        let st = try await stats(key)
        #expect(st["max"] as? Int == 2, "per-host limit 2 (global 16): \(st)")
        #expect(elapsed >= 1.1, "six 0.4 s answers two at a time take three rounds")
    }

    @Test func differentHostsRunSideBySide() async throws {
        let key = UUID().uuidString
        let port = try server().port
        let dir = try setUp([], extra: "")
        var yaml = try String(contentsOf: dir.appendingPathComponent("feeds.yaml"), encoding: .utf8)
        for i in 0..<4 {
            for host in ["127.0.0.1", "localhost"] {
                yaml += "  - id: \(host.prefix(3))\(i)\n    url: http://\(host):\(port)/hold?ms=400&key=\(key)&n=\(i)\n"
            }
        }
        try yaml.write(to: dir.appendingPathComponent("feeds.yaml"), atomically: true, encoding: .utf8)
        let (status, _, stderr) = try fetch(dir)
        #expect(status == 0, "\(stderr)")
        let st = try await stats(key)
        let hosts = st["hosts"] as? [String: Int] ?? [:]
        #expect(hosts.values.allSatisfy { $0 <= 2 } && hosts.count == 2, "\(st)")
        #expect(st["max"] as? Int ?? 0 >= 3, "two hosts are fetched at the same time: \(st)")
    }
}

extension FetchPipelineTests {
    @Test func aWrongCharsetHeaderDoesNotGarbleTheDigest() throws {
        let dir = try setUp([("lat", "/feed?charset=iso-8859-1")])
        let r = try CLI.run(["run", "--config", dir.appendingPathComponent("feeds.yaml").path, "--output",
                             dir.appendingPathComponent("out").path, "--week", "2026-W48", "--now", "2026-11-30T08:00:00Z"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("sources 1 ok, 0 failed"))
        let recap = try String(contentsOf: dir.appendingPathComponent("out/recap/2026-W48.md"), encoding: .utf8)
        #expect(recap.contains("中国模型周调用量12.96万亿Token"), "UTF-8 bytes labelled ISO-8859-1 are read as UTF-8")
    }
}

extension FetchPipelineTests {
    @Test func aShortLeadIsReplacedByItsArticleButNeverByALocalFile() throws {
        let dir = try setUp([("leads", "/lead-feed")])
        let r = try CLI.run(["run", "--config", dir.appendingPathComponent("feeds.yaml").path, "--output",
                             dir.appendingPathComponent("out").path, "--week", "2026-W48", "--now", "2026-11-30T08:00:00Z"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("extract: 1 article page\n"), "only the http link is followed: \(r.stderr)")
        let recap = try String(contentsOf: dir.appendingPathComponent("out/recap/2026-W48.md"), encoding: .utf8)
        #expect(recap.contains("4.2T tokens"), "the article's figures replace the short lead")
        let host = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        #expect(host.isEmpty || !recap.contains(host), "a feed from the network made us read a local file")
    }

    @Test func failedArticlePagesAreCountedAndNameTheirSource() throws {
        let dir = try setUp([("leads", "/lead-feed?article=/status?code=404")])
        let r = try CLI.run(["run", "--config", dir.appendingPathComponent("feeds.yaml").path, "--output",
                             dir.appendingPathComponent("out").path, "--week", "2026-W48", "--now", "2026-11-30T08:00:00Z"])
        #expect(r.status == 0 || r.status == 4, "\(r.stderr)")
        #expect(r.stderr.contains("\nleads: fetch: http://"), "the failure line starts with the source id: \(r.stderr)")
        #expect(r.stderr.contains("article pages 0 ok, 1 failed"), "\(r.stderr)")
        let st = try CLI.run(["status", "--config", dir.appendingPathComponent("feeds.yaml").path, "--output",
                              dir.appendingPathComponent("out").path, "--json"])
        let rows = try JSONSerialization.jsonObject(with: Data(st.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(rows.first?["article_pages"] as? Int == 1 && rows.first?["article_failures"] as? Int == 1, "\(st.stdout)")
        let articleError = rows.first?["article_error"] as? String ?? ""
        #expect(articleError.contains("404"), "\(st.stdout)")
    }
}
