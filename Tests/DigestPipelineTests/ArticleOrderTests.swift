import DigestCore
@testable import DigestPipeline
import Testing

/// Article pages start in an order that takes one host at a time, so a window of
/// `fetch.concurrency` pages is not spent waiting on one site's `per_host` connections.
struct ArticleOrderTests {
    @Test func pagesAlternateHostsAndKeepEachHostsOrder() {
        var rng = SplitMix(seed: 7)
        for _ in 0..<300 {
            let hosts = (0..<Int(rng.next() % 40 + 1)).map { _ in "h\(rng.next() % 9)" }
            let order = Pipeline.alternatingHosts(Array(hosts.indices), host: { hosts[$0] })
            #expect(order.sorted() == Array(hosts.indices), "a permutation of \(hosts)")
            for h in Set(hosts) {
                let mine = order.filter { hosts[$0] == h }
                #expect(mine == mine.sorted(), "\(h)'s pages keep their order")
            }
            // In every round, each host still holding pages gives exactly one.
            var seen: [String: Int] = [:]
            var rounds: [Int] = []
            for i in order { rounds.append(seen[hosts[i], default: 0]); seen[hosts[i], default: 0] += 1 }
            #expect(rounds == rounds.sorted(), "rounds never go back: \(order.map { hosts[$0] })")
        }
    }

    @Test func tenPagesOfOneSiteDoNotComeInARow() {
        let hosts = (0..<30).map { "site\($0 / 10)" }
        let order = Pipeline.alternatingHosts(Array(hosts.indices), host: { hosts[$0] })
        #expect(order.prefix(6).map { hosts[$0] } == ["site0", "site1", "site2", "site0", "site1", "site2"])
    }
}
