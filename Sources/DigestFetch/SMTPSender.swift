import CCurl
import Foundation

/// Sends a rendered message over SMTP with libcurl: STARTTLS required unless the server is
/// on loopback (where a test server has no certificate), AUTH when a user name is given.
public struct SMTPSender: Sendable {
    /// `smtp://host:port` or `smtps://host:port`.
    public var url: String
    /// User name for AUTH, if any.
    public var username: String?
    /// Password (from the environment, never from a file).
    public var password: String?
    /// Total timeout, seconds.
    public var timeoutSeconds: Int

    /// Creates a sender.
    public init(url: String, username: String? = nil, password: String? = nil, timeoutSeconds: Int = 60) {
        self.url = url
        self.username = username
        self.password = password
        self.timeoutSeconds = timeoutSeconds
    }

    /// Sends `message` (CRLF lines) from `from` to `to`; throws `FetchError`.
    public func send(_ message: String, from: String, to: [String]) async throws {
        let me = self
        try await withCheckedThrowingContinuation { (cont: CheckedContinuation<Void, Error>) in
            DispatchQueue.global().async {
                // After a failure the answer is given before the connection is closed: libcurl says
                // QUIT and waits for a reply that a hung server never sends.
                var cleanup: () -> Void = {}
                do {
                    try me.sendBlocking(message, from: from, to: to, cleanup: &cleanup)
                    cleanup()
                    cont.resume()
                } catch {
                    cont.resume(throwing: error)
                    cleanup()
                }
            }
        }
    }

    /// One transfer; `cleanup` is set to what frees the handle and closes the connection.
    func sendBlocking(_ message: String, from: String, to: [String], cleanup: inout () -> Void) throws {
        guard let h = curl_easy_init() else {
            throw FetchError(url: url, reason: .transport(code: 2, text: "curl_easy_init failed"))
        }
        let state = TransferState(maxBytes: 1 << 20, upload: Data(message.utf8))
        let ctx = Unmanaged.passRetained(state)
        let replies = ServerReplies()
        let repliesCtx = Unmanaged.passRetained(replies)
        var rcpts: UnsafeMutablePointer<curl_slist>?
        for r in to { rcpts = curl_slist_append(rcpts, "<\(Self.address(r))>") }
        nonisolated(unsafe) let list = rcpts  // freed after the handle that reads it
        nonisolated(unsafe) let handle = h
        cleanup = {
            curl_easy_cleanup(handle)
            curl_slist_free_all(list)
            ctx.release()
            repliesCtx.release()
        }
        let host = URLComponents(string: url)?.host ?? ""
        let loopback = host == "127.0.0.1" || host == "localhost" || host == "::1"
        ccurl_easy_setopt_string(h, CURLOPT_URL, url)
        ccurl_easy_setopt_long(h, CURLOPT_NOSIGNAL, 1)
        ccurl_easy_setopt_string(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        ccurl_easy_setopt_long(h, CURLOPT_USE_SSL, Int(loopback ? CURLUSESSL_TRY.rawValue : CURLUSESSL_ALL.rawValue))
        ccurl_easy_setopt_string(h, CURLOPT_MAIL_FROM, "<\(Self.address(from))>")
        ccurl_easy_setopt_slist(h, CURLOPT_MAIL_RCPT, rcpts)
        ccurl_easy_setopt_long(h, CURLOPT_UPLOAD, 1)
        // The whole conversation, the wait for the reply to the final "." included.
        ccurl_easy_setopt_long(h, CURLOPT_TIMEOUT, timeoutSeconds)
        ccurl_easy_setopt_long(h, CURLOPT_CONNECTTIMEOUT, min(15, timeoutSeconds))
        if let u = username { ccurl_easy_setopt_string(h, CURLOPT_USERNAME, u) }
        if let p = password { ccurl_easy_setopt_string(h, CURLOPT_PASSWORD, p) }
        ccurl_easy_setopt_read_function(h, CurlTransfer.readCallback)
        ccurl_easy_setopt_pointer(h, CURLOPT_READDATA, ctx.toOpaque())
        // The server's own lines, for the error a user reads ("550 5.1.1 <x@y>: Recipient address rejected").
        ccurl_easy_setopt_long(h, CURLOPT_VERBOSE, 1)
        ccurl_easy_setopt_debug_function(h, ServerReplies.callback)
        ccurl_easy_setopt_pointer(h, CURLOPT_DEBUGDATA, repliesCtx.toOpaque())
        let rc = curl_easy_perform(h)
        guard rc == CURLE_OK else {
            var text = String(cString: curl_easy_strerror(rc))
            if let last = replies.lastError ?? (rc == CURLE_OPERATION_TIMEDOUT ? nil : replies.last) {
                text += "; the server said: \(last)"
            }
            if rc == CURLE_OPERATION_TIMEDOUT { text += " (email.timeout \(timeoutSeconds) s)" }
            throw FetchError(url: url, reason: .transport(code: Int(rc.rawValue), text: text))
        }
    }

    /// The lines the server sent, kept from libcurl's debug stream (no password is in them:
    /// only what comes in is kept).
    final class ServerReplies: @unchecked Sendable {  // written by libcurl's callback on the sending thread only
        var lines: [String] = []
        var last: String? { lines.last }
        /// The last 4xx or 5xx reply.
        var lastError: String? { lines.last { $0.hasPrefix("4") || $0.hasPrefix("5") } }

        static let callback: ccurl_debug_cb = { _, type, data, size, user in
            guard type == CURLINFO_HEADER_IN, let data, let user else { return 0 }
            let me = Unmanaged<ServerReplies>.fromOpaque(user).takeUnretainedValue()
            let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
            for line in text.split(whereSeparator: \.isNewline) where !line.isEmpty && me.lines.count < 200 { me.lines.append(String(line)) }
            return 0
        }
    }

    /// `Name <a@b>` → `a@b`.
    static func address(_ s: String) -> String {
        if let l = s.firstIndex(of: "<"), let r = s.lastIndex(of: ">"), l < r {
            return String(s[s.index(after: l)..<r])
        }
        return s.trimmingCharacters(in: .whitespaces)
    }
}
