import Foundation

/// The loopback HTTP server with fault injection (`Tests/Support/fault_server.py`), started once.
public final class FaultServer: @unchecked Sendable {
    // @unchecked Sendable: `port` and `process` are written once in init and only read after.
    public let port: Int
    public let process: Process

    public static let shared: FaultServer? = try? FaultServer()

    public init() throws {
        (process, port) = try ServerProcess.start(
            ["python3", TestPaths.root.appendingPathComponent("Tests/Support/fault_server.py").path, "0", "300"])
    }

    /// `http://127.0.0.1:PORT` + path.
    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    deinit { process.terminate() }
}
