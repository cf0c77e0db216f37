import DigestCore
import DigestExtract
import DigestFetch
import DigestStore
import Foundation

extension Pipeline {
    /// Text shorter than this (Unicode scalars) is a lead worth replacing by the article.
    static let shortLead = 200

    /// Step `extractArticles`: article pages of `full_content` sources and of short leads fetched
    /// and their main text extracted, at most `fetch.concurrency` at once; items an earlier run
    /// extracted are not fetched again.
    func extractArticles(_ week: WeekItems, _ report: inout RunReport) async -> WeekItems {
        let items = week.items
        let wanted = Self.alternatingHosts(items.indices.filter { i in
            let it = items[i]
            guard !week.known.contains(i) else { return false }
            guard let link = it.item.link?.lowercased() else { return false }
            // A file:// link is followed only from a source that is itself a local file: a feed
            // from the network never makes us read this machine's files.
            let local = !it.source.url.lowercased().hasPrefix("http")
            guard link.hasPrefix("http://") || link.hasPrefix("https://") || (local && link.hasPrefix("file:")) else { return false }
            return it.source.fullContent || (it.source.shortLeads && it.text.unicodeScalars.count < Self.shortLead)
        }, host: { URLComponents(string: items[$0].item.link ?? "")?.host?.lowercased() ?? "" })
        guard !wanted.isEmpty else { return week }
        progress.step(.extractArticles, Plural.count(wanted.count, "article page"))
        for i in wanted { report.articlePages[items[i].source.id, default: (0, 0, nil)].asked += 1 }
        var out = week
        let limit = max(1, config.fetch.concurrency)
        await withTaskGroup(of: (Int, Result<Article, Error>).self) { group in
            var next = 0
            func add() {
                let i = wanted[next]
                let link = items[i].item.link!
                let req = request(link)
                group.addTask {
                    do {
                        let r = try await fetcher.fetch(req)
                        return (i, .success(try ArticleExtractor.extract(from: r.body, source: link, url: r.finalURL,
                                                                          charset: r.charset)))
                    } catch { return (i, .failure(error)) }
                }
                next += 1
            }
            while next < min(limit, wanted.count) { add() }
            for await (i, r) in group {
                switch r {
                case .success(let a):
                    var text = a.text
                    if let cut = Bounds.cut(text) {
                        report.warnings.append("article: \(items[i].item.link ?? ""): \(text.unicodeScalars.count) characters; "
                                               + "the first \(cut.unicodeScalars.count) kept")
                        text = cut
                    }
                    if text.unicodeScalars.count > out.items[i].text.unicodeScalars.count { out.items[i].text = text }
                    out.extracted.insert(i)
                    report.articlesFetched += 1
                case .failure(let e):
                    let id = items[i].source.id
                    let message = (e as? any DigestError)?.message ?? "extract: \(items[i].item.link ?? ""): \(e)"
                    report.articlePages[id, default: (0, 0, nil)].failed += 1
                    // Pages finish in any order: keep the first message in sorted order, so reruns agree.
                    if let kept = report.articlePages[id]?.lastError, kept <= message {} else { report.articlePages[id]?.lastError = message }
                    report.articleFailures.append("\(id): " + message)
                }
                if next < wanted.count { add() }
            }
        }
        report.articleFailures.sort()
        return out
    }

    /// `indices` reordered to take one from each host in turn (first appearance order kept within
    /// a host). Pages are started in this order, `fetch.concurrency` at a time, while the fetcher
    /// allows only `per_host` transfers to one host: ten items of one site in a row would leave the
    /// rest of the window waiting behind that site's two connections.
    static func alternatingHosts(_ indices: [Int], host: (Int) -> String) -> [Int] {
        var queues: [[Int]] = []
        var slot: [String: Int] = [:]
        for i in indices {
            let h = host(i)
            if let q = slot[h] { queues[q].append(i) } else { slot[h] = queues.count; queues.append([i]) }
        }
        var out: [Int] = []
        out.reserveCapacity(indices.count)
        var round = 0
        while out.count < indices.count {
            for q in queues where round < q.count { out.append(q[round]) }
            round += 1
        }
        return out
    }

    /// Step `storeArticles`: article text extracted this run goes back into the store, with each
    /// source's count of article pages asked for and failed (for `digest status`).
    func storeArticles(_ week: WeekItems, _ report: RunReport, in store: DigestStore) throws {
        let outcomes = report.articlePages.map { id, n in
            ArticleOutcome(sourceID: id, asked: n.asked, failed: n.failed, lastError: n.lastError)
        }
        if !outcomes.isEmpty { try store.saveArticleOutcomes(outcomes) }
        let rows = week.extracted.subtracting(week.known).sorted().map { i in
            let it = week.items[i]
            return storedItem(it, published: it.item.published ?? it.item.updated ?? options.now, extracted: true)
        }
        if !rows.isEmpty { try store.saveItems(rows, now: options.now) }
    }
}
