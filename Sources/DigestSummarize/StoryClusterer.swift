import DigestCore
import DigestURL
import Foundation

/// Groups items that tell the same story: the same link (tracking parameters stripped),
/// two or more shared metric values (same number, unit and period), or similar titles
/// (Dice ≥ 0.5 over content words and Han character bigrams) published within three days
/// of each other whose numbers do not contradict (both report amounts, none in common).
public enum StoryClusterer {
    /// What clustering compares of an item: its canonical link, its metric values, its title's
    /// words and bigrams and its date. A run keeps these for every item of the week instead of
    /// the items and their metrics.
    public struct Features: Sendable {
        let link: String?
        let keys: Set<String>
        let grams: Set<String>
        let date: Date?
    }

    /// The features of an item with its metrics.
    public static func features(_ item: SourcedItem, metrics: [TokenMetric]) -> Features {
        // Amounts and prices are distinctive by value alone (a retelling may not restate the
        // window); a growth or fold needs its basis too.
        let keys = Set(metrics.filter { $0.quantity != .rank && $0.quantity != .count }.map { m -> String in
            let basis = [.tokenVolume, .tokenPrice].contains(m.quantity) ? "" : (m.period?.rawValue ?? "-")
            return "\(m.quantity.rawValue)|\(NumberFormat.plain(m.value))|\(basis)"
        })
        return Features(link: item.item.link.map(URLResolver.canonical), keys: keys, grams: bigrams(item.item.title ?? ""),
                        date: item.item.published ?? item.item.updated)
    }

    /// Clusters of item indices, each sorted, clusters ordered by their first index.
    public static func cluster(_ items: [SourcedItem], metrics: [[TokenMetric]]) -> [[Int]] {
        cluster(zip(items, metrics).map { features($0, metrics: $1) })
    }

    /// Clusters of the indices of `items` (their features), each sorted, ordered by first index.
    public static func cluster(_ items: [Features]) -> [[Int]] {
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
        let links = items.map(\.link), keys = items.map(\.keys), grams = items.map(\.grams)
        // Only items that share a link, a metric value or a title word are compared: an inverted
        // index keeps this near-linear (a word in more than 64 titles says nothing and is skipped).
        var postings: [String: [Int]] = [:]
        for i in items.indices {
            if let l = links[i] { postings["l|" + l, default: []].append(i) }
            for k in keys[i] { postings["m|" + k, default: []].append(i) }
            for g in grams[i] { postings["t|" + g, default: []].append(i) }
        }
        var candidates = Set<Int>()  // i * n + j, i < j
        let n = items.count
        for list in postings.values where list.count > 1 && list.count <= 64 {
            for a in list.indices { for b in list.indices where b > a { candidates.insert(list[a] * n + list[b]) } }
        }
        for pair in candidates.sorted() {
            let i = pair / n, j = pair % n
            if let a = links[i], a == links[j] { union(i, j); continue }
            if keys[i].intersection(keys[j]).count >= 2 { union(i, j); continue }
            let close: Bool
            if let a = items[i].date, let b = items[j].date {
                close = abs(a.timeIntervalSince(b)) <= 3 * 86400
            } else {
                close = true
            }
            let contradict = !keys[i].isEmpty && !keys[j].isEmpty && keys[i].isDisjoint(with: keys[j])
            if close, !contradict, dice(grams[i], grams[j]) >= 0.5 { union(i, j) }
        }
        var groups: [Int: [Int]] = [:]
        for i in items.indices { groups[find(i), default: []].append(i) }
        return groups.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    static let stopwords: Set<String> = ["the", "and", "for", "with", "its", "this", "that", "from", "has", "have", "says",
                                         "said", "new", "top", "again", "are", "was", "were", "into", "over", "than"]

    /// Content words of Latin text (lower-cased, three letters or more) and bigrams of Han text.
    static func bigrams(_ s: String) -> Set<String> {
        var out = Set<String>()
        var word = ""
        var previousHan: Character?
        for ch in s.lowercased() {
            let isHan = ch.unicodeScalars.first.map { (0x4E00...0x9FFF).contains($0.value) } ?? false
            if isHan, let p = previousHan { out.insert(String([p, ch])) }
            previousHan = isHan ? ch : nil
            if ch.isLetter && !isHan || ch.isNumber {
                word.append(ch)
            } else {
                if word.count >= 3, !stopwords.contains(word) { out.insert(word) }
                word = ""
            }
        }
        if word.count >= 3, !stopwords.contains(word) { out.insert(word) }
        return out
    }

    static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }
}
