import Foundation

/// The loopback HTTP server with fault injection (`Tests/Support/fault_server.py`), started once.
final class FaultServer: @unchecked Sendable {
    // @unchecked Sendable: `port` and `process` are written once in init and only read after.
    let port: Int
    let process: Process

    static let shared: FaultServer? = try? FaultServer()

    init() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", TestPaths.root.appendingPathComponent("Tests/Support/fault_server.py").path, "0", "300"]
        let out = Pipe()
        p.standardOutput = out
        // Never hold the test runner's pipes open: swift test waits for them to close.
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
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw CocoaError(.fileReadUnknown) }
        self.port = port
        process = p
    }

    /// `http://127.0.0.1:PORT` + path.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    deinit { process.terminate() }
}
