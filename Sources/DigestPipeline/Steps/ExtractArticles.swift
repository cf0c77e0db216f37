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
    /// extracted are not fetched again. Pages are stored as they arrive (step `storeArticles`),
    /// `articleCommit` to a transaction: a kill costs at most those pages, fetched again by the
    /// next run, and the run does not hold the week's article texts.
    func extractArticles(_ week: WeekItems, into store: DigestStore, _ report: inout RunReport) async throws {
        let heads = week.heads
        let wanted = Self.alternatingHosts(heads.indices.filter { i in
            let h = heads[i], source = week.source(h.sourceID, name: h.sourceName)
            guard !h.extracted, let link = h.link?.lowercased() else { return false }
            // A file:// link is followed only from a source that is itself a local file: a feed
            // from the network never makes us read this machine's files.
            let local = !source.url.lowercased().hasPrefix("http")
            guard link.hasPrefix("http://") || link.hasPrefix("https://") || (local && link.hasPrefix("file:")) else { return false }
            return source.fullContent || (source.shortLeads && h.textLength < Self.shortLead)
        }, host: { URLComponents(string: heads[$0].link ?? "")?.host?.lowercased() ?? "" })
        guard !wanted.isEmpty else { return }
        progress.step(.extractArticles, Plural.count(wanted.count, "article page"))
        for i in wanted { report.articlePages[heads[i].sourceID, default: (0, 0, nil)].asked += 1 }
        let limit = max(1, config.fetch.concurrency)
        var pending: [(sourceID: String, key: String, text: String?)] = []
        try await withThrowingTaskGroup(of: (Int, Result<Article, Error>).self) { group in
            var next = 0
            func add() {
                let i = wanted[next]
                let link = heads[i].link!
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
            while let (i, r) = try await group.next() {
                let h = heads[i]
                switch r {
                case .success(let a):
                    var text = a.text
                    if let cut = Bounds.cut(text) {
                        report.warnings.append("article: \(h.link ?? ""): \(text.unicodeScalars.count) characters; "
                                               + "the first \(cut.unicodeScalars.count) kept")
                        text = cut
                    }
                    let longer = text.unicodeScalars.count > h.textLength ? text : nil
                    pending.append((h.sourceID, h.key, longer))
                    if pending.count >= Self.articleCommit {
                        try await perform(.storeArticles) { try store.saveArticles(pending) }
                        pending.removeAll()
                    }
                    report.articlesFetched += 1
                case .failure(let e):
                    let id = h.sourceID
                    let message = (e as? any DigestError)?.message ?? "extract: \(h.link ?? ""): \(e)"
                    report.articlePages[id, default: (0, 0, nil)].failed += 1
                    // Pages finish in any order: keep the first message in sorted order, so reruns agree.
                    if let kept = report.articlePages[id]?.lastError, kept <= message {} else { report.articlePages[id]?.lastError = message }
                    report.articleFailures.append("\(id): " + message)
                }
                if next < wanted.count { add() }
            }
        }
        if !pending.isEmpty { try await perform(.storeArticles) { try store.saveArticles(pending) } }
        report.articleFailures.sort()
    }

    /// Article pages stored per transaction.
    static let articleCommit = 64

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

    /// Step `storeArticles`, at the end: each source's count of article pages asked for and
    /// failed (for `digest status`).
    func storeArticleOutcomes(_ report: RunReport, in store: DigestStore) throws {
        let outcomes = report.articlePages.map { id, n in
            ArticleOutcome(sourceID: id, asked: n.asked, failed: n.failed, lastError: n.lastError)
        }
        if !outcomes.isEmpty { try store.saveArticleOutcomes(outcomes) }
    }
}
