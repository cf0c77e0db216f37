import Foundation

/// `digest serve`: the static site on 127.0.0.1 (`PreviewServer`), read from disk on every request
/// so a rerun shows at once. Only files inside the site folder are served: a request path is
/// percent-decoded and must pass `SafePath` (no "..", no hidden files), and what it names must
/// resolve inside the folder (no symbolic link out of it), else 404. A client must send its
/// request within `headerSeconds` and never stall a read or write beyond `idleSeconds`.
public struct SitePreview: Sendable {
    /// The site folder.
    public let root: String
    /// Seconds a client has to send its request head (default 10).
    public var headerSeconds = 10.0
    /// Seconds any one read or write may wait (default 5).
    public var idleSeconds = 5.0
    /// Connections served at once; more are answered 503 (default 256).
    public var maxConnections = 256

    /// A preview of the site at `root`.
    public init(root: String) {
        self.root = root
    }

    /// Serves until the task is cancelled; `onListening` gets the bound port (useful with port 0).
    public func serve(port: UInt16, onListening: @escaping @Sendable (UInt16) -> Void) async throws {
        let root = self.root
        let limits = PreviewServer.Limits(headerSeconds: headerSeconds, idleSeconds: idleSeconds, maxConnections: maxConnections)
        let server = PreviewServer(limits: limits) { _, path in Self.response(for: path, root: root) }
        onListening(try server.start(port: port))
        defer { server.stop() }
        while !Task.isCancelled { try await Task.sleep(nanoseconds: 1_000_000_000) }
    }

    /// The file a request path names, relative to the site root, or nil when it names none.
    public static func relativePath(for requestPath: String) -> String? {
        guard var p = requestPath.removingPercentEncoding else { return nil }
        while p.hasPrefix("/") { p.removeFirst() }
        if p.isEmpty || p.hasSuffix("/") { p += "index.html" }
        return SafePath.isSafe(p) ? p : nil
    }

    static func response(for requestPath: String, root: String) -> PreviewServer.Reply {
        var isDir: ObjCBool = false
        guard var rel = relativePath(for: requestPath) else { return notFound }
        if FileManager.default.fileExists(atPath: root + "/" + rel, isDirectory: &isDir), isDir.boolValue {
            rel += "/index.html"
        }
        // A symbolic link placed in the site may point anywhere: only what resolves inside it is served.
        guard let real = realPath(root + "/" + rel), let base = realPath(root), real.hasPrefix(base + "/"),
              let data = FileManager.default.contents(atPath: real) else { return notFound }
        return PreviewServer.Reply(status: 200, headers: [("Content-Type", contentType(rel)), ("Cache-Control", "no-cache")], body: data)
    }

    static func realPath(_ path: String) -> String? {
        guard let r = realpath(path, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }

    static var notFound: PreviewServer.Reply {
        PreviewServer.Reply(status: 404, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Data("not found\n".utf8))
    }

    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "xml": return path.hasSuffix("feed.xml") ? "application/atom+xml; charset=utf-8" : "application/xml; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "txt", "md": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
