import DigestCore
import Foundation

/// The libcurl fetcher: each transfer runs on a Dispatch thread (blocking C call kept off the
/// cooperative pool); retries with exponential backoff and jitter, honouring Retry-After.
public struct CurlFetcher: Fetcher {
    /// Base delay of the first retry, seconds.
    public var baseDelay: Double
    /// Longest wait between attempts, seconds.
    public var maxDelay: Double

    /// Creates a fetcher.
    public init(baseDelay: Double = 0.5, maxDelay: Double = 30) {
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
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
            do {
                var r = try await Self.perform(request)
                r.attempts = attempt
                return r
            } catch let e as FetchError {
                guard e.isRetryable, attempt <= request.retries else { throw e }
                let backoff = min(maxDelay, baseDelay * pow(2, Double(attempt - 1)))
                let jitter = Double.random(in: 0...(backoff / 2))
                let wait = e.retryAfter.map { min(maxDelay, Double($0)) } ?? (backoff + jitter)
                try await Task.sleep(nanoseconds: UInt64(wait * 1e9))
            }
        }
    }

    static func perform(_ request: FetchRequest) async throws -> FetchResponse {
        try await withCheckedThrowingContinuation { cont in
            DispatchQueue.global().async {
                do { cont.resume(returning: try CurlTransfer.get(request)) } catch { cont.resume(throwing: error) }
            }
        }
    }
}
