import DigestCore
import Foundation

/// The libcurl fetcher: transfers share one multi handle (at most `concurrency` at once and
/// `perHost` per host, HTTP/2 multiplexed where offered); retries with exponential backoff and
/// jitter, honouring Retry-After. A retry waits without holding a transfer slot.
public struct CurlFetcher: Fetcher {
    /// Base delay of the first retry, seconds.
    public var baseDelay: Double
    /// Longest wait between attempts, seconds.
    public var maxDelay: Double
    let engine: CurlMulti

    /// The engine of fetchers made with the defaults.
    static let shared = CurlMulti(limit: 16, perHost: 2)

    /// Creates a fetcher; `concurrency` and `perHost` bound the transfers in flight.
    public init(concurrency: Int = 16, perHost: Int = 2, baseDelay: Double = 0.5, maxDelay: Double = 30) {
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        engine = concurrency == 16 && perHost == 2 ? Self.shared : CurlMulti(limit: concurrency, perHost: perHost)
    }

    /// Fetches with retries; throws the last `FetchError`.
    public func fetch(_ request: FetchRequest) async throws -> FetchResponse {
        if let scheme = URLComponents(string: request.url)?.scheme?.lowercased(),
           !(scheme == "http" || scheme == "https" || (scheme == "file" && request.allowFile)) {
            throw FetchError(url: request.url, reason: .protocolNotAllowed(scheme))
        }
        var attempt = 0
        while true {
            attempt += 1
            switch await engine.perform(request) {
            case .success(var r):
                r.attempts = attempt
                return r
            case .failure(let e):
                guard e.isRetryable, attempt <= request.retries else { throw e }
                let backoff = min(maxDelay, baseDelay * pow(2, Double(attempt - 1)))
                let jitter = Double.random(in: 0...(backoff / 2))
                let wait = e.retryAfter.map { min(maxDelay, Double($0)) } ?? (backoff + jitter)
                try await Task.sleep(nanoseconds: UInt64(wait * 1e9))
            }
        }
    }
}
