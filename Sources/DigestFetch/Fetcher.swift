import DigestCore
import Foundation

/// One request for a document.
public struct FetchRequest: Sendable, Equatable {
    /// Absolute http, https or file URL.
    public var url: String
    /// ETag from the last good response, for `If-None-Match`.
    public var etag: String?
    /// Last-Modified from the last good response, for `If-Modified-Since`.
    public var lastModified: String?
    /// Whether `file://` is allowed (only for sources that name a file).
    public var allowFile: Bool
    /// Total timeout in seconds.
    public var timeoutSeconds: Int
    /// Largest body accepted; the transfer is aborted beyond it.
    public var maxBytes: Int
    /// User-Agent header.
    public var userAgent: String
    /// `Accept` header.
    public var accept: String
    /// Attempts after the first on timeouts, connection errors, 429 and 5xx.
    public var retries: Int
    /// A body to POST (nil: GET).
    public var body: Data?
    /// A PEM file of certificate authorities to trust instead of the system's (a private CA).
    public var caFile: String?
    /// Languages asked for, most wanted first.
    public var acceptLanguage = "zh-CN,zh;q=0.9,en;q=0.8"
    /// Extra request headers, `Name: value`.
    public var headers: [String] = []

    /// Creates a request.
    public init(url: String, etag: String? = nil, lastModified: String? = nil, allowFile: Bool = false,
                timeoutSeconds: Int = 30, maxBytes: Int = 20 << 20,
                userAgent: String = DigestVersion.userAgent,
                accept: String = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5",
                retries: Int = 2) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.allowFile = allowFile
        self.timeoutSeconds = timeoutSeconds
        self.maxBytes = maxBytes
        self.userAgent = userAgent
        self.accept = accept
        self.retries = retries
    }
}

/// What a fetch brought back.
public struct FetchResponse: Sendable, Equatable {
    /// The URL after redirects.
    public var finalURL: String
    /// HTTP status (0 for file://).
    public var status: Int
    /// The (decompressed) body; empty for 304.
    public var body: Data
    /// Response headers of the final response, names lower-cased.
    public var headers: [String: String]
    /// Attempts made.
    public var attempts: Int
    /// HTTP version of the final response: "1.1", "2", "3"; nil for file://.
    public var httpVersion: String?

    /// Creates a response.
    public init(finalURL: String, status: Int, body: Data, headers: [String: String], attempts: Int = 1) {
        self.finalURL = finalURL
        self.status = status
        self.body = body
        self.headers = headers
        self.attempts = attempts
    }

    /// True for 304 Not Modified.
    public var notModified: Bool { status == 304 }

    /// The `charset` parameter of Content-Type, if any.
    public var charset: String? {
        guard let ct = headers["content-type"] else { return nil }
        for part in ct.split(separator: ";").dropFirst() {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if kv.count == 2, kv[0].lowercased() == "charset" {
                return kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            }
        }
        return nil
    }
}

/// Something that fetches documents; the pipeline talks only to this.
public protocol Fetcher: Sendable {
    /// Fetches one document; throws `FetchError`.
    func fetch(_ request: FetchRequest) async throws -> FetchResponse
}
