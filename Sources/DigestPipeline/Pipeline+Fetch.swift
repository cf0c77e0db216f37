import DigestCore
import DigestExtract
import DigestFetch
import Foundation

extension Pipeline {
    func request(_ url: String) -> FetchRequest {
        var r = FetchRequest(url: url, allowFile: url.lowercased().hasPrefix("file:"),
                             timeoutSeconds: config.fetch.timeoutSeconds, maxBytes: config.fetch.maxBytes,
                             userAgent: config.fetch.userAgent)
        r.caFile = config.fetch.caFile
        return r
    }

    /// Text shorter than this (Unicode scalars) is a lead worth replacing by the article.
    static let shortLead = 200

    /// Step 4: article pages for `full_content` sources and for short leads, text extracted; items in `known` (text
    /// already extracted by an earlier run) are not fetched again. Returns the items and the
    /// indices whose text is now an extracted article.
    func fetchArticles(_ items: [SourcedItem], known: Set<Int>, _ report: inout RunReport) async
        -> (items: [SourcedItem], extracted: Set<Int>) {
        var extracted = known
        let wanted = items.indices.filter { i in
            let it = items[i]
            guard !known.contains(i) else { return false }
            guard let link = it.item.link?.lowercased() else { return false }
            // A file:// link is followed only from a source that is itself a local file: a feed
            // from the network never makes us read this machine's files.
            let local = !it.source.url.lowercased().hasPrefix("http")
            guard link.hasPrefix("http://") || link.hasPrefix("https://") || (local && link.hasPrefix("file:")) else { return false }
            return it.source.fullContent || (it.source.shortLeads && it.text.unicodeScalars.count < Self.shortLead)
        }
        guard !wanted.isEmpty else { return (items, extracted) }
        progress.step("extract", "\(wanted.count) article pages")
        var out = items
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
                    if a.text.count > out[i].text.count { out[i].text = a.text }
                    extracted.insert(i)
                    report.articlesFetched += 1
                case .failure(let e):
                    report.articleFailures.append((e as? any DigestError)?.message ?? "extract: \(items[i].item.link ?? ""): \(e)")
                }
                if next < wanted.count { add() }
            }
        }
        report.articleFailures.sort()
        return (out, extracted)
    }
}
