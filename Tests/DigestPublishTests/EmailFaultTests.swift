import DigestTestSupport
import Foundation
import Testing

/// Sending against a real SMTP server that rejects, hangs or drops: the error carries the
/// server's own reply, `email.timeout` bounds the whole conversation, and a week sent once is
/// sent again only with --again.
@Suite(.serialized) struct EmailFaultTests {
    static func published(timeout: Int? = nil) throws -> (SMTPServer, URL) {
        let server = try SMTPServer()
        let dir = TestPaths.temporaryDirectory("mailfault")
        var cfg = try String(contentsOf: EmailTests.config(in: dir, port: server.port), encoding: .utf8)
        if let t = timeout { cfg = cfg.replacingOccurrences(of: "  list_unsubscribe:", with: "  timeout: \(t)\n  list_unsubscribe:") }
        try cfg.write(to: dir.appendingPathComponent("feeds.yaml"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["run", "--config", dir.appendingPathComponent("feeds.yaml").path, "--week", "2026-W48",
                             "--now", "2026-11-30T08:00:00Z", "--quiet"]).status == 0)
        return (server, dir)
    }

    static func send(_ dir: URL, to: String, _ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(["email", "send", "--config", dir.appendingPathComponent("feeds.yaml").path, "--week", "2026-W48", "--to", to] + extra)
    }

    @Test func aRejectionShowsTheServersReply() throws {
        let (server, dir) = try Self.published()
        let rcpt = try Self.send(dir, to: "reject-rcpt@example.org")
        #expect(rcpt.status == 3)
        #expect(rcpt.stderr.contains("the server said: 550 5.1.1 <reject-rcpt@example.org>: recipient address rejected"), "\(rcpt.stderr)")
        let data = try Self.send(dir, to: "reject-data@example.org")
        #expect(data.status == 3)
        #expect(data.stderr.contains("the server said: 554 5.7.1 message rejected: looks like spam"), "\(data.stderr)")
        #expect(server.messages().isEmpty)
    }

    @Test func aServerThatNeverAnswersTheEndOfDataTimesOutAtEmailTimeout() throws {
        let (_, dir) = try Self.published(timeout: 2)
        let start = Date()
        let r = try Self.send(dir, to: "hang@example.org")
        #expect(r.status == 3)
        #expect(r.stderr.contains("(email.timeout 2 s)"), "\(r.stderr)")
        #expect(Date().timeIntervalSince(start) < 30, "email.timeout bounds the conversation")  // 2 s asked; generous for a loaded machine
    }

    @Test func aDroppedConnectionFailsAndASentWeekNeedsAgain() throws {
        let (server, dir) = try Self.published(timeout: 5)
        let drop = try Self.send(dir, to: "drop@example.org")
        #expect(drop.status == 3, "\(drop.stderr)")
        let first = try Self.send(dir, to: "reader@example.org")
        #expect(first.status == 0, "\(first.stderr)")
        let twice = try Self.send(dir, to: "reader@example.org")
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("already sent on") && twice.stderr.contains("to reader@example.org (<digest.2026-W48.")
                && twice.stderr.contains("pass --again to send it again"), "\(twice.stderr)")
        let again = try Self.send(dir, to: "reader@example.org", ["--again"])
        #expect(again.status == 0)
        var received = 0
        for _ in 0..<50 where received < 2 {
            received = server.messages().count
            if received < 2 { Thread.sleep(forTimeInterval: 0.1) }
        }
        #expect(received == 2, "one sending, one on purpose")
    }
}
