import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The HTTP server behind `digest serve`: GET and HEAD on 127.0.0.1, one thread per connection and
/// one request per connection (`Connection: close`), blocking sockets with deadlines, so that a
/// client can hold a socket only so long: the request head must arrive within `headerSeconds`,
/// no read or write may wait longer than `idleSeconds`, and beyond `maxConnections` a new
/// connection is answered 503 at once.
final class PreviewServer: @unchecked Sendable {
    /// How long and how much a client may take.
    struct Limits: Sendable {
        /// Seconds from accepting a connection to the end of its request head.
        var headerSeconds = 10.0
        /// Seconds any single read or write may wait.
        var idleSeconds = 5.0
        /// Connections served at once.
        var maxConnections = 256
        /// Largest request head, bytes.
        var maxHeadBytes = 16 << 10
    }

    /// What a request gets: status, headers and body.
    struct Reply: Sendable {
        var status: Int
        var headers: [(String, String)]
        var body: Data
    }

    let limits: Limits
    let handler: @Sendable (_ method: String, _ path: String) -> Reply
    private var listener: Int32 = -1
    private let active = DispatchSemaphore(value: 1)
    private var connections = 0

    init(limits: Limits, handler: @escaping @Sendable (String, String) -> Reply) {
        self.limits = limits
        self.handler = handler
    }

    /// Binds 127.0.0.1:`port` (0: a free port), starts accepting on a thread of its own and
    /// returns the port bound.
    func start(port: UInt16) throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Self.error("socket") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 512) == 0 else {
            let e = Self.error("bind 127.0.0.1:\(port)")
            close(fd)
            throw e
        }
        var actual = sockaddr_in(), len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        listener = fd
        Thread.detachNewThread { [self] in acceptLoop(fd) }
        return UInt16(bigEndian: actual.sin_port)
    }

    /// Stops accepting (connections in progress finish on their own deadlines). Call once.
    func stop() {
        guard listener >= 0 else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        listener = -1
    }

    private func acceptLoop(_ listener: Int32) {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return  // the listener was closed
            }
            guard reserve() else {
                setDeadline(client, SO_SNDTIMEO, seconds: limits.idleSeconds)
                send(client, status: 503, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Data("busy\n".utf8),
                     includeBody: true)
                close(client)
                continue
            }
            Thread.detachNewThread { [self] in
                serve(client)
                close(client)
                release()
            }
        }
    }

    private func reserve() -> Bool {
        active.wait()
        defer { active.signal() }
        guard connections < limits.maxConnections else { return false }
        connections += 1
        return true
    }

    private func release() {
        active.wait()
        connections -= 1
        active.signal()
    }

    /// One connection: read the head within the deadline, answer, done.
    private func serve(_ fd: Int32) {
        setDeadline(fd, SO_SNDTIMEO, seconds: limits.idleSeconds)
        let deadline = Date().addingTimeInterval(limits.headerSeconds)
        var head = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while head.range(of: Data("\r\n\r\n".utf8)) == nil {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 {
                if !head.isEmpty { send(fd, status: 408, headers: [], body: Data(), includeBody: false) }
                return
            }
            setDeadline(fd, SO_RCVTIMEO, seconds: min(limits.idleSeconds, left))
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 {
                if n < 0, errno == EINTR { continue }
                if n < 0, (errno == EAGAIN || errno == EWOULDBLOCK), !head.isEmpty {
                    send(fd, status: 408, headers: [], body: Data(), includeBody: false)
                }
                return  // closed, or silent past the idle limit
            }
            head.append(contentsOf: buffer[0..<n])
            if head.count > limits.maxHeadBytes {
                send(fd, status: 431, headers: [], body: Data(), includeBody: false)
                return
            }
        }
        let line = String(decoding: head.prefix { $0 != 13 && $0 != 10 }, as: UTF8.self).split(separator: " ")
        guard line.count == 3, line[2].hasPrefix("HTTP/1.") else {
            send(fd, status: 400, headers: [], body: Data(), includeBody: false)
            return
        }
        let method = String(line[0])
        guard method == "GET" || method == "HEAD" else {
            send(fd, status: 405, headers: [("Allow", "GET, HEAD")], body: Data(), includeBody: false)
            return
        }
        let target = String(line[1])
        let path = String(target.prefix { $0 != "?" && $0 != "#" })
        let reply = handler(method, path)
        send(fd, status: reply.status, headers: reply.headers, body: reply.body, includeBody: method == "GET")
    }

    private func send(_ fd: Int32, status: Int, headers: [(String, String)], body: Data, includeBody: Bool) {
        var text = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (k, v) in headers { text += "\(k): \(v)\r\n" }
        text += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        var out = Data(text.utf8)
        if includeBody { out.append(body) }
        out.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let n = Glibc.send(fd, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                if n <= 0 {
                    if n < 0, errno == EINTR { continue }
                    return  // the client left, or stopped reading past the idle limit
                }
                sent += n
            }
        }
    }

    private func setDeadline(_ fd: Int32, _ option: Int32, seconds: Double) {
        let s = max(seconds, 0.001)
        var tv = timeval(tv_sec: Int(s), tv_usec: Int((s - Double(Int(s))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, option, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    static func reason(_ status: Int) -> String {
        [200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout",
         431: "Request Header Fields Too Large", 503: "Service Unavailable"][status] ?? "Status"
    }

    static func error(_ what: String) -> NSError {
        NSError(domain: "serve", code: Int(errno), userInfo: [NSLocalizedDescriptionKey: "\(what): \(String(cString: strerror(errno)))"])
    }
}
