import DigestCore
import DigestMarkup
import Foundation

/// Groups items that tell the same story: the same link (tracking parameters stripped),
/// two or more shared metric values (same number, unit and period), or similar titles
/// (character-bigram Dice ≥ 0.5) published within three days of each other.
public enum StoryClusterer {
    /// Clusters of item indices, each sorted, clusters ordered by their first index.
    public static func cluster(_ items: [SourcedItem], metrics: [[TokenMetric]]) -> [[Int]] {
        var parent = Array(items.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        func union(_ a: Int, _ b: Int) {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        let links = items.map { $0.item.link.map(URLResolver.canonical) }
        let keys = metrics.map { Set($0.filter { $0.quantity != .rank && $0.quantity != .count }
            .map { "\($0.quantity.rawValue)|\(NumberFormat.plain($0.value))|\($0.period?.rawValue ?? "-")" }) }
        let grams = items.map { bigrams($0.item.title ?? "") }
        for i in items.indices {
            for j in items.indices where j > i {
                if let a = links[i], a == links[j] { union(i, j); continue }
                if keys[i].intersection(keys[j]).count >= 2 { union(i, j); continue }
                let close: Bool
                if let a = items[i].item.published, let b = items[j].item.published {
                    close = abs(a.timeIntervalSince(b)) <= 3 * 86400
                } else {
                    close = true
                }
                if close, dice(grams[i], grams[j]) >= 0.5 { union(i, j) }
            }
        }
        var groups: [Int: [Int]] = [:]
        for i in items.indices { groups[find(i), default: []].append(i) }
        return groups.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    static func bigrams(_ s: String) -> Set<String> {
        let chars = Array(s.lowercased().filter { !$0.isWhitespace && !$0.isPunctuation })
        guard chars.count >= 2 else { return [] }
        return Set((0..<(chars.count - 1)).map { String(chars[$0...($0 + 1)]) })
    }

    static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }
}
