import DigestCore
import DigestFetch
import DigestLanguage
import DigestParse
import DigestStore
import DigestSummarize
import Foundation

/// What one source gave this run: its report line, the items parsed (from a new copy or the
/// last good one) and its state to store.
struct SourceOutcome: Sendable {
    var line: SourceReport
    var items: [SourcedItem]
    var state: SourceState
    /// The dated items as store rows, encoded in the source's own task (in parallel with the
    /// other transfers rather than after all of them).
    var rows: [StoredItem] = []
    /// Items without a date (not stored).
    var undated = 0
}

extension Pipeline {
    /// Step 1: fetch every source (conditional GET with the stored validators; sources in
    /// backoff are not asked) and parse what changed as each transfer ends. A failure or a page
    /// that is not a feed falls back to the last good copy. Order of `sources` is kept.
    func collectSources(_ sources: [FeedSource], states: [String: SourceState]) async -> [SourceOutcome] {
        progress.step("fetch", "\(sources.count) sources")
        let start = Date()
        var out = [SourceOutcome?](repeating: nil, count: sources.count)
        var tally = FetchTally(total: sources.count)
        await withTaskGroup(of: (Int, SourceOutcome).self) { group in
            for (i, s) in sources.enumerated() {
                let state = states[s.id] ?? SourceState(id: s.id, url: s.url)
                group.addTask { (i, rowsAdded(await collect(s, state: state))) }
            }
            for await (i, o) in group {
                out[i] = o
                tally.done += 1
                tally.bytes += o.line.bytes
                if o.line.status != .ok && o.line.status != .notModified { tally.failures += 1 }
                tally.seconds = Date().timeIntervalSince(start)
                progress.sourceDone(o.line, tally: tally)
            }
        }
        return out.compactMap { $0 }
    }

    /// One source: due? fetch, parse, or fall back.
    func collect(_ source: FeedSource, state old: SourceState) async -> SourceOutcome {
        var state = old
        state.url = source.url
        var line = SourceReport(id: source.id, status: .ok, items: 0, itemsInWeek: 0, bytes: 0, error: nil, warnings: [])
        let now = options.now
        if let due = state.nextDue, due > now, state.body != nil {
            line.status = .deferred
            line.error = "in backoff after \(state.failures) failures until \(RFC3339.string(from: due)): \(state.lastError ?? "")"
            return fallBack(source, state: state, line: line)
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
            return failed(source, state: state, line: line, message: (error as? any DigestError)?.message ?? "fetch: \(source.url): \(error)")
        }
        line.attempts = response.attempts
        line.bytes = response.body.count
        if response.notModified || (state.body != nil && response.body == state.body) {
            line.status = .notModified
            state.lastSuccess = now
            state.failures = 0
            state.lastError = nil
            state.nextDue = nil
            return SourceOutcome(line: line, items: [], state: state)
        }
        do {
            let feed = try FeedParser.parse(response.body, source: source.id, baseURL: response.finalURL, charset: response.charset,
                                            rules: source.kind == .html ? source.html : nil)
            line.items = feed.items.count
            line.warnings = feed.warnings
            state.etag = response.headers["etag"]
            state.lastModified = response.headers["last-modified"]
            state.body = response.body
            state.bodyURL = response.finalURL
            state.charset = response.charset
            state.lastSuccess = now
            state.failures = 0
            state.lastError = nil
            state.nextDue = nil
            return SourceOutcome(line: line, items: sourced(feed, source), state: state)
        } catch {
            return failed(source, state: state, line: line, message: (error as? any DigestError)?.message ?? "parse: \(source.id): \(error)")
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
