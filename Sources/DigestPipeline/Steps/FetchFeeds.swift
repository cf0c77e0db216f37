import DigestCore
import DigestFetch
import DigestStore
import Foundation

/// What the fetch step got for one source, handed to the parse step.
struct FetchedSource: Sendable {
    /// The answer, or why there is none.
    enum Result: Sendable {
        /// In backoff after repeated failures: not asked this run.
        case deferred
        /// 304, or the same bytes as the last good copy.
        case notModified
        /// The transfer failed (the message says why).
        case failed(String)
        /// A new body to parse.
        case body(FetchResponse)
    }

    /// Position in feeds.yaml order.
    var index: Int
    var source: FeedSource
    /// The source's state, with this attempt recorded.
    var state: SourceState
    var line: SourceReport
    var result: Result
}

extension Pipeline {
    /// Step `fetchFeeds`: every source asked at once (conditional GET with the stored validators;
    /// sources in backoff not asked). Each transfer is handed on as it ends, so that parsing
    /// overlaps the transfers still under way.
    func fetchFeeds(_ sources: [FeedSource], states: [String: SourceState]) -> AsyncStream<FetchedSource> {
        progress.step(.fetchFeeds, Plural.count(sources.count, "source"))
        let (stream, continuation) = AsyncStream.makeStream(of: FetchedSource.self)
        let task = Task {
            await withTaskGroup(of: FetchedSource.self) { group in
                for (i, s) in sources.enumerated() {
                    let state = states[s.id] ?? SourceState(id: s.id, url: s.url)
                    group.addTask { await fetch(s, index: i, state: state) }
                }
                for await fetched in group { continuation.yield(fetched) }
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// One source: due? then a conditional GET.
    func fetch(_ source: FeedSource, index: Int, state old: SourceState) async -> FetchedSource {
        var state = old
        state.url = source.url
        var line = SourceReport(id: source.id, status: .ok, items: 0, itemsInWeek: 0, bytes: 0, error: nil, warnings: [])
        let now = options.now
        if let due = state.nextDue, due > now, state.body != nil {
            line.status = .deferred
            line.error = "in backoff after \(state.failures) failures until \(RFC3339.string(from: due)): \(state.lastError ?? "")"
            return FetchedSource(index: index, source: source, state: state, line: line, result: .deferred)
        }
        var req = request(source.url)
        if state.body != nil, state.url == old.url {
            req.etag = state.etag
            req.lastModified = state.lastModified
        }
        state.lastAttempt = now
        let response: FetchResponse
        do { response = try await fetcher.fetch(req) } catch {
            line.attempts = req.retries + 1
            let message = (error as? any DigestError)?.message ?? "fetch: \(source.url): \(error)"
            return FetchedSource(index: index, source: source, state: state, line: line, result: .failed(message))
        }
        line.attempts = response.attempts
        line.bytes = response.body.count
        if response.notModified || (state.body != nil && response.body == state.body) {
            return FetchedSource(index: index, source: source, state: state, line: line, result: .notModified)
        }
        return FetchedSource(index: index, source: source, state: state, line: line, result: .body(response))
    }

    /// A GET of `url` with feeds.yaml's limits (a `file:` URL only when the source names one).
    func request(_ url: String) -> FetchRequest {
        var r = FetchRequest(url: url, allowFile: url.lowercased().hasPrefix("file:"),
                             timeoutSeconds: config.fetch.timeoutSeconds, maxBytes: config.fetch.maxBytes,
                             userAgent: config.fetch.userAgent)
        r.caFile = config.fetch.caFile
        return r
    }
}
