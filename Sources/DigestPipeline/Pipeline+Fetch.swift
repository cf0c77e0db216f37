import DigestCore
import DigestExtract
import DigestFetch
import Foundation

/// A fetched source: the response or the error line.
struct FetchedSource: Sendable {
    let source: FeedSource
    let result: Result<FetchResponse, FetchError>
}

extension Pipeline {
    func request(_ url: String) -> FetchRequest {
        FetchRequest(url: url, allowFile: url.lowercased().hasPrefix("file:"),
                     timeoutSeconds: config.fetch.timeoutSeconds, userAgent: config.fetch.userAgent)
    }

    /// Step 1: every source, at most `fetch.concurrency` at a time; order kept.
    func fetchFeeds(_ report: inout RunReport) async -> [FetchedSource] {
        progress.step("fetch", "\(config.sources.count) sources")
        let sources = config.sources
        let limit = max(1, config.fetch.concurrency)
        var results = [FetchedSource?](repeating: nil, count: sources.count)
        await withTaskGroup(of: (Int, FetchedSource).self) { group in
            var next = 0
            func add() {
                let i = next
                let s = sources[i]
                let req = request(s.url)
                group.addTask {
                    do { return (i, FetchedSource(source: s, result: .success(try await fetcher.fetch(req)))) } catch let e as FetchError {
                        return (i, FetchedSource(source: s, result: .failure(e)))
                    } catch {
                        return (i, FetchedSource(source: s, result: .failure(FetchError(url: s.url, reason: .transport(code: -1, text: "\(error)")))))
                    }
                }
                next += 1
            }
            while next < min(limit, sources.count) { add() }
            for await (i, r) in group {
                results[i] = r
                if next < sources.count { add() }
            }
        }
        let done = results.compactMap { $0 }
        progress.step("fetch", "\(done.filter { (try? $0.result.get()) != nil }.count)/\(sources.count) sources fetched")  // counting only; failures are reported per source
        return done
    }

    /// Step 4: article pages for `full_content` sources, text extracted; items in `known` (text
    /// already extracted by an earlier run) are not fetched again. Returns the items and the
    /// indices whose text is now an extracted article.
    func fetchArticles(_ items: [SourcedItem], known: Set<Int>, _ report: inout RunReport) async
        -> (items: [SourcedItem], extracted: Set<Int>) {
        var extracted = known
        let wanted = items.indices.filter { i in
            let it = items[i]
            guard !known.contains(i) else { return false }
            guard let link = it.item.link, link.hasPrefix("http") || link.hasPrefix("file:") else { return false }
            return it.source.fullContent
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
