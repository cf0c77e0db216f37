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
                do {
                    try me.sendBlocking(message, from: from, to: to)
                    cont.resume()
                } catch { cont.resume(throwing: error) }
            }
        }
    }

    func sendBlocking(_ message: String, from: String, to: [String]) throws {
        guard let h = curl_easy_init() else {
            throw FetchError(url: url, reason: .transport(code: 2, text: "curl_easy_init failed"))
        }
        defer { curl_easy_cleanup(h) }
        let state = TransferState(maxBytes: 1 << 20, upload: Data(message.utf8))
        let ctx = Unmanaged.passRetained(state)
        defer { ctx.release() }
        var rcpts: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(rcpts) }
        for r in to { rcpts = curl_slist_append(rcpts, "<\(Self.address(r))>") }
        let host = URLComponents(string: url)?.host ?? ""
        let loopback = host == "127.0.0.1" || host == "localhost" || host == "::1"
        ccurl_easy_setopt_string(h, CURLOPT_URL, url)
        ccurl_easy_setopt_long(h, CURLOPT_NOSIGNAL, 1)
        ccurl_easy_setopt_string(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        ccurl_easy_setopt_long(h, CURLOPT_USE_SSL, Int(loopback ? CURLUSESSL_TRY.rawValue : CURLUSESSL_ALL.rawValue))
        ccurl_easy_setopt_string(h, CURLOPT_MAIL_FROM, "<\(Self.address(from))>")
        ccurl_easy_setopt_slist(h, CURLOPT_MAIL_RCPT, rcpts)
        ccurl_easy_setopt_long(h, CURLOPT_UPLOAD, 1)
        ccurl_easy_setopt_long(h, CURLOPT_TIMEOUT, timeoutSeconds)
        ccurl_easy_setopt_long(h, CURLOPT_CONNECTTIMEOUT, 15)
        if let u = username { ccurl_easy_setopt_string(h, CURLOPT_USERNAME, u) }
        if let p = password { ccurl_easy_setopt_string(h, CURLOPT_PASSWORD, p) }
        ccurl_easy_setopt_read_function(h, CurlTransfer.readCallback)
        ccurl_easy_setopt_pointer(h, CURLOPT_READDATA, ctx.toOpaque())
        let rc = curl_easy_perform(h)
        guard rc == CURLE_OK else {
            throw FetchError(url: url, reason: .transport(code: Int(rc.rawValue), text: String(cString: curl_easy_strerror(rc))))
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
