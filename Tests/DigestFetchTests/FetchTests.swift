import DigestFetch
import DigestParse
import DigestTestSupport
import Foundation
import Testing

/// libcurl against a real HTTP server on 127.0.0.1 (Tests/Support/fault_server.py).
@Suite(.serialized) struct FetchTests {
    let fetcher = CurlFetcher(baseDelay: 0.05, maxDelay: 2)

    func server() throws -> FaultServer {
        try #require(FaultServer.shared, "the loopback server (python3 Tests/Support/fault_server.py) did not start")
    }

    @Test func fetchesBodyAndValidators() async throws {
        let r = try await fetcher.fetch(FetchRequest(url: try server().url("/ok")))
        #expect(r.status == 200)
        #expect(String(decoding: r.body, as: UTF8.self) == "hello")
        #expect(r.headers["etag"] == "\"v1\"")
        #expect(r.headers["last-modified"] == "Tue, 24 Nov 2026 10:00:00 GMT")
    }

    @Test func conditionalGetAnswers304WithoutBody() async throws {
        let r = try await fetcher.fetch(FetchRequest(url: try server().url("/etag"), etag: "\"v1\""))
        #expect(r.notModified)
        #expect(r.body.isEmpty)
    }

    @Test func retriesA500ThenSucceeds() async throws {
        let r = try await fetcher.fetch(FetchRequest(url: try server().url("/flaky?key=\(UUID())"), retries: 2))
        #expect(String(decoding: r.body, as: UTF8.self) == "recovered")
        #expect(r.attempts == 2)
    }

    @Test func honoursRetryAfterOn429() async throws {
        let start = Date()
        let r = try await fetcher.fetch(FetchRequest(url: try server().url("/limited?key=\(UUID())"), retries: 1))
        #expect(String(decoding: r.body, as: UTF8.self) == "after wait")
        #expect(Date().timeIntervalSince(start) >= 0.9)
    }

    @Test func followsARedirectChainOfFive() async throws {
        let r = try await fetcher.fetch(FetchRequest(url: try server().url("/redirect?n=5")))
        #expect(r.finalURL.hasSuffix("/ok"))
    }

    @Test func refusesARedirectLoop() async throws {
        await #expect(throws: FetchError.self) { try await fetcher.fetch(FetchRequest(url: try server().url("/loop"))) }
    }

    @Test func neverFollowsARedirectToFile() async throws {
        do {
            _ = try await fetcher.fetch(FetchRequest(url: try server().url("/to-file"), allowFile: true))
            Issue.record("a redirect to file:// was followed")
        } catch let e as FetchError {
            #expect(e.message.contains("to-file"))
        }
    }

    @Test func abortsABodyOverTheLimit() async throws {
        do {
            _ = try await fetcher.fetch(FetchRequest(url: try server().url("/big?mb=3"), maxBytes: 1 << 20))
            Issue.record("a 3 MiB body passed a 1 MiB limit")
        } catch let e as FetchError {
            #expect(e.reason == .tooLarge(limit: 1 << 20))
        }
    }

    @Test func timesOutASlowServer() async throws {
        do {
            _ = try await fetcher.fetch(FetchRequest(url: try server().url("/slow-first-byte?s=4"), timeoutSeconds: 1,
                                                     retries: 0))
            Issue.record("no timeout")
        } catch let e as FetchError {
            #expect(e.reason == .transport(code: 28, text: "Timeout was reached"))
        }
    }

    @Test func passesTheCharsetFromContentType() async throws {
        let r = try await fetcher.fetch(FetchRequest(url: try server().url("/feed?charset=utf-8")))
        #expect(r.charset == "utf-8")
        let feed = try FeedParser.parse(r.body, source: "loopback", baseURL: r.finalURL, charset: r.charset)
        #expect(feed.items.first?.title == "中国模型周调用量12.96万亿Token")
    }

    @Test func aChallengePageIsNotAFeed() async throws {
        let r = try await fetcher.fetch(FetchRequest(url: try server().url("/challenge")))
        #expect(r.status == 200)
        #expect(throws: ParseError.self) { try FeedParser.parse(r.body, source: "36kr", baseURL: r.finalURL) }
    }

    @Test func refusesFileURLsUnlessAllowed() async throws {
        await #expect(throws: FetchError.self) {
            try await fetcher.fetch(FetchRequest(url: "file:///etc/hostname", allowFile: false))
        }
    }
}

/// Encodings, identity headers and HTTP/2, against real servers on 127.0.0.1.
@Suite(.serialized) struct FetchProtocolTests {
    let fetcher = CurlFetcher(baseDelay: 0.05, maxDelay: 1)

    func server() throws -> FaultServer {
        try #require(FaultServer.shared, "the loopback server (python3 Tests/Support/fault_server.py) did not start")
    }

    @Test(arguments: ["gzip", "deflate", "br"])
    func decodesTheContentEncoding(_ encoding: String) async throws {
        let r = try await fetcher.fetch(FetchRequest(url: try server().url("/encoded?enc=\(encoding)")))
        #expect(r.headers["content-encoding"] == encoding)
        #expect(String(decoding: r.body, as: UTF8.self).contains("中国模型周调用量12.96万亿Token"))
    }

    @Test func saysWhoItIsAndWhatItWants() async throws {
        var req = FetchRequest(url: try server().url("/echo-headers"), userAgent: "digest-test/1 (+https://example.org/contact)")
        req.acceptLanguage = "zh-CN,zh;q=0.9,en;q=0.8"
        let r = try await fetcher.fetch(req)
        let h = try #require(try JSONSerialization.jsonObject(with: r.body) as? [String: String])
        #expect(h["user-agent"] == "digest-test/1 (+https://example.org/contact)")
        #expect(h["accept"]?.hasPrefix("application/rss+xml, application/atom+xml") == true)
        #expect(h["accept-language"] == "zh-CN,zh;q=0.9,en;q=0.8")
        #expect(h["accept-encoding"]?.contains("br") == true && h["accept-encoding"]?.contains("gzip") == true)
    }

    @Test func speaksHTTP2OverTLSAndChecksTheCertificate() async throws {
        let dir = TestPaths.temporaryDirectory("h2")
        let (process, port) = try ServerProcess.start(
            ["python3", TestPaths.root.appendingPathComponent("Tests/Support/h2_server.py").path, dir.path])
        defer { process.terminate() }
        var req = FetchRequest(url: "https://127.0.0.1:\(port)/feed", userAgent: "digest-h2-test", retries: 0)
        await #expect(throws: FetchError.self, "a self-signed certificate is refused unless trusted") {
            _ = try await fetcher.fetch(req)
        }
        req.caFile = dir.appendingPathComponent("cert.pem").path
        let r = try await fetcher.fetch(req)
        #expect(r.httpVersion == "2")
        #expect(r.headers["x-seen-user-agent"] == "digest-h2-test")
        #expect(String(decoding: r.body, as: UTF8.self).contains("Over HTTP/2"))
    }
}
