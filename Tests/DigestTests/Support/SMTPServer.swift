import Foundation

/// A real SMTP server on loopback (`Tests/Support/smtp_server.py`, aiosmtpd), one per test.
final class SMTPServer {
    let port: Int
    let maildir: URL
    let process: Process

    init() throws {
        maildir = TestPaths.temporaryDirectory("mail")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", TestPaths.root.appendingPathComponent("Tests/Support/smtp_server.py").path, maildir.path, "120"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        var line = Data()
        while !line.contains(10) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            p.terminate()
            throw CocoaError(.fileReadUnknown)
        }
        self.port = port
        process = p
    }

    /// Messages received so far.
    func messages() -> [URL] {
        let dir = maildir.appendingPathComponent("new")
        return ((try? FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)) ?? []).sorted { $0.path < $1.path }
    }

    deinit { process.terminate() }
}
