import DigestCore
import DigestLanguage
import DigestParse
import DigestStore
import Foundation

/// What one source gave this run: its report line, the items parsed (from a new copy or the
/// last good one) and its state to store.
struct SourceOutcome: Sendable {
    var line: SourceReport
    var items: [SourcedItem]
    var state: SourceState
    /// The dated items as store rows.
    var rows: [StoredItem] = []
    /// Items without a date (not stored).
    var undated = 0

    /// What the run keeps of it once stored: the items and the body are in the store, and
    /// holding every source's would grow with the number of sources.
    var stored: StoredFetch {
        StoredFetch(line: line, hadItems: !items.isEmpty, keys: rows.map { Pipeline.parsedKey(sourceID: $0.sourceID, key: $0.key) },
                    undated: undated)
    }
}

/// A source's fetch once stored: its report line, whether it gave items (a new copy or the last
/// good one), the keys of the dated items stored and the count of undated ones.
struct StoredFetch: Sendable {
    var line: SourceReport
    var hadItems: Bool
    var keys: [String]
    var undated: Int
}

extension Pipeline {
    /// Step `parseFeeds`: each fetched source parsed as its transfer ends; a failed fetch, a
    /// deferred source or a page that is not a feed falls back to the last good copy. Each source is
    /// stored (step `storeFeeds`, one transaction: its state with its items) as soon as it is
    /// parsed, so the commits overlap the transfers still running instead of following the last
    /// one. The outcomes come back in feeds.yaml order.
    func parseFeeds(_ fetched: AsyncStream<FetchedSource>, count: Int, into store: DigestStore) async throws -> [StoredFetch] {
        let start = Date()
        var out = [StoredFetch?](repeating: nil, count: count)
        var tally = FetchTally(total: count)
        for await f in fetched {
            let o = rowsAdded(parse(f))
            try await perform(.storeFeeds) { try storeFetch(o, in: store) }
            out[f.index] = o.stored
            tally.done += 1
            tally.bytes += o.line.bytes
            if o.line.status != .ok && o.line.status != .notModified { tally.failures += 1 }
            tally.seconds = Date().timeIntervalSince(start)
            progress.sourceDone(o.line, tally: tally)
        }
        return out.compactMap { $0 }
    }

    /// One fetched source read: a new body parsed, or the outcome of a source that sent none.
    func parse(_ f: FetchedSource) -> SourceOutcome {
        var state = f.state, line = f.line
        let now = options.now
        switch f.result {
        case .deferred:
            return fallBack(f.source, state: state, line: line)
        case .failed(let message):
            return failed(f.source, state: state, line: line, message: message)
        case .notModified:
            line.status = .notModified
            state.lastSuccess = now
            state.failures = 0
            state.lastError = nil
            state.nextDue = nil
            return SourceOutcome(line: line, items: [], state: state)
        case .body(let response):
            do {
                let feed = try FeedParser.parse(response.body, source: f.source.id, baseURL: response.finalURL,
                                                charset: response.charset, rules: f.source.kind == .html ? f.source.html : nil)
                line.items = feed.items.count
                line.warnings = feed.warnings
                state.warnings = feed.warnings
                state.etag = response.headers["etag"]
                state.lastModified = response.headers["last-modified"]
                state.body = response.body
                state.bodyURL = response.finalURL
                state.charset = response.charset
                state.lastSuccess = now
                state.failures = 0
                state.lastError = nil
                state.nextDue = nil
                return SourceOutcome(line: line, items: sourced(feed, f.source), state: state)
            } catch {
                let message = (error as? any DigestError)?.message ?? "parse: \(f.source.id): \(error)"
                return failed(f.source, state: state, line: line, message: message)
            }
        }
    }

    /// A fetch or parse failure: count it, space out the next attempts, fall back.
    func failed(_ source: FeedSource, state old: SourceState, line old2: SourceReport, message: String) -> SourceOutcome {
        var state = old, line = old2
        state.failures += 1
        state.lastError = message
        state.nextDue = SourceState.backoff(afterFailures: state.failures).map { options.now.addingTimeInterval($0) }
        line.error = message
        line.status = .stale
        return fallBack(source, state: state, line: line)
    }

    /// The last good copy parsed again, or a failed line when there is none.
    func fallBack(_ source: FeedSource, state: SourceState, line old: SourceReport) -> SourceOutcome {
        var line = old
        guard let body = state.body,
              let feed = try? FeedParser.parse(body, source: source.id, baseURL: state.bodyURL ?? source.url, charset: state.charset,
                                               rules: source.kind == .html ? source.html : nil)  // it parsed when stored
        else {
            line.status = .failed
            return SourceOutcome(line: line, items: [], state: state)
        }
        line.copyFrom = state.lastSuccess
        line.items = feed.items.count
        return SourceOutcome(line: line, items: sourced(feed, source), state: state)
    }

    /// The outcome with its dated items turned into store rows.
    func rowsAdded(_ outcome: SourceOutcome) -> SourceOutcome {
        var o = outcome
        for it in o.items {
            guard let when = it.item.published ?? it.item.updated else {
                o.undated += 1
                continue
            }
            var row = storedItem(it, published: when, extracted: false)
            row.encoded = try? DigestStore.encode(it.item)  // nil: saveItems encodes again and reports the error
            o.rows.append(row)
        }
        return o
    }

    /// A feed's items with their text and language.
    func sourced(_ feed: Feed, _ source: FeedSource) -> [SourcedItem] {
        feed.items.map { it in
            let text = it.text.isEmpty ? (it.title ?? "") : it.text
            let lang = source.language.map { String($0.prefix(2)) } ?? TextLanguage.detect((it.title ?? "") + text)
            return SourcedItem(source: source, item: it, text: text, language: lang)
        }
    }
}
