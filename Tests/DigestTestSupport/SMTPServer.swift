import Foundation

/// A real SMTP server on loopback (`Tests/Support/smtp_server.py`, aiosmtpd), one per test.
public final class SMTPServer {
    public let port: Int
    public let maildir: URL
    public let process: Process

    public init() throws {
        maildir = TestPaths.temporaryDirectory("mail")
        (process, port) = try ServerProcess.start(
            ["python3", TestPaths.root.appendingPathComponent("Tests/Support/smtp_server.py").path, maildir.path, "120"])
    }

    /// Messages received so far.
    public func messages() -> [URL] {
        let dir = maildir.appendingPathComponent("new")
        return ((try? FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)) ?? []).sorted { $0.path < $1.path }
    }

    deinit { process.terminate() }
}
