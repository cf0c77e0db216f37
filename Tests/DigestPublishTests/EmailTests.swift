import DigestTestSupport
import Foundation
import Testing

/// The weekly .eml read by Python's email package, and sent to a real SMTP server on 127.0.0.1.
@Suite(.serialized) struct EmailTests {
    /// A copy of Samples/feeds.yaml writing to `dir`, with its SMTP URL on `port`.
    static func config(in dir: URL, port: Int) throws -> URL {
        let root = TestPaths.root.path
        let text = try String(contentsOf: TestPaths.root.appendingPathComponent("Samples/feeds.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "output: ../output", with: "output: \(dir.path)/out")
            .replacingOccurrences(of: "templates: ../Templates", with: "templates: \(root)/Templates")
            .replacingOccurrences(of: "url: feeds/", with: "url: \(root)/Samples/feeds/")
            .replacingOccurrences(of: "smtp_url: smtp://127.0.0.1:8025", with: "smtp_url: smtp://127.0.0.1:\(port)")
        let url = dir.appendingPathComponent("feeds.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static let check = """
        import email, sys
        from email import policy
        m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=policy.default)
        parts = [p.get_content_type() for p in m.walk() if not p.is_multipart()]
        html = m.get_body(('html',)).get_content()
        text = m.get_body(('plain',)).get_content()
        print(m.get_content_type(), parts, m['Message-ID'] is not None, m['Date'] is not None)
        print(m['Subject'])
        print('27T tokens, +18.9% WoW' in html, '27T tokens, +18.9% WoW' in text, m['List-Unsubscribe'])
        """

    @Test func theEmlIsAValidMultipartMessage() throws {
        let dir = TestPaths.temporaryDirectory("eml")
        let cfg = try Self.config(in: dir, port: 8025)
        let r = try CLI.run(["run", "--config", cfg.path, "--week", "2026-W48", "--now", "2026-11-30T08:00:00Z", "--quiet"])
        #expect(r.status == 0)
        let eml = dir.appendingPathComponent("out/email/2026-W48.eml").path
        let py = try Tool.run(["python3", "-c", Self.check, eml])
        #expect(py.status == 0, "\(py.output)")
        let lines = py.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "multipart/alternative ['text/plain', 'text/html'] True True")
        #expect(lines.count > 2 && lines[1].contains("Chinese models surge 31.48%, top US for 5 weeks"), "subject: \(lines)")
        #expect(lines.count > 2 && lines[2] == "True True <https://digest.example.org/unsubscribe>")
    }

    @Test func sendsToARealSMTPServer() throws {
        let server = try SMTPServer()
        let dir = TestPaths.temporaryDirectory("send")
        let cfg = try Self.config(in: dir, port: server.port)
        #expect(try CLI.run(["run", "--config", cfg.path, "--week", "2026-W48", "--now", "2026-11-30T08:00:00Z", "--quiet"]).status == 0)
        let r = try CLI.run(["email", "send", "--config", cfg.path, "--week", "2026-W48", "--to", "test@example.org"])
        #expect(r.status == 0, "\(r.stderr)")
        var received: [URL] = []
        for _ in 0..<50 where received.isEmpty {
            received = server.messages()
            if received.isEmpty { Thread.sleep(forTimeInterval: 0.1) }
        }
        let msg = try #require(received.first, "nothing arrived at the SMTP server")
        let py = try Tool.run(["python3", "-c", Self.check, msg.path])
        #expect(py.output.contains("multipart/alternative ['text/plain', 'text/html']"), "\(py.output)")
        #expect(py.output.contains("Chinese models surge 31.48%"))
        let raw = try String(contentsOf: msg, encoding: .utf8)
        #expect(raw.contains("X-RcptTo: test@example.org") || raw.contains("test@example.org"))
    }

    @Test func aFailedSendExits3AndKeepsTheEml() throws {
        let dir = TestPaths.temporaryDirectory("fail")
        let cfg = try Self.config(in: dir, port: 9)  // nothing listens on the discard port here
        #expect(try CLI.run(["run", "--config", cfg.path, "--week", "2026-W48", "--now", "2026-11-30T08:00:00Z", "--quiet"]).status == 0)
        let r = try CLI.run(["email", "send", "--config", cfg.path, "--week", "2026-W48"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("fetch: smtp://127.0.0.1:9"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/email/2026-W48.eml").path))
    }
}
