import DigestCore
import DigestLanguage
import DigestMetrics
import DigestParse
import DigestSummarize
import DigestTestSupport
import Foundation
import Testing

/// Every card the samples and the feed corpora give, in an English and a Chinese digest: a TL;DR
/// is never empty, a TL;DR or hook never stops at ；，：、 or inside a word, and every number
/// written by the card (a headline or hook from the numbers, a why or next from a topic form) is
/// an extracted metric — or a ratio marked as derived.
struct CardQualityTests {
    static let templates = TestPaths.root.appendingPathComponent("Templates")
    static let taxonomy = try! Taxonomy.parse(yaml: String(contentsOf: templates.appendingPathComponent("topics.yaml"), encoding: .utf8),
                                              file: "topics.yaml")  // the repository's own file
    static let book = try! HeadlineBook.parse(yaml: String(contentsOf: templates.appendingPathComponent("headlines.yaml"), encoding: .utf8),
                                              file: "headlines.yaml")
    static let context = RunContext(now: RFC3339.date(from: "2026-11-30T08:00:00Z")!)

    /// Items of every sample feed and every corpus feed (parse failures are other tests' business).
    static func items() -> [SourcedItem] {
        let samples = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.root.appendingPathComponent("Samples/feeds").path)) ?? []
        let paths = samples.sorted().map { TestPaths.root.appendingPathComponent("Samples/feeds/\($0)").path } + Corpus.feeds
        var out: [SourcedItem] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path), let feed = try? FeedParser.parse(data, source: path) else { continue }
            let source = FeedSource(id: "s", name: "Source", url: "https://example.org/feed")
            for item in feed.items where !((item.title ?? "") + item.text).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                out.append(SourcedItem(source: source, item: item, text: item.text,
                                       language: TextLanguage.detect((item.title ?? "") + item.text)))
            }
        }
        return out
    }

    @Test func everyCardIsWholeAndEveryWrittenNumberIsAMetric() {
        let items = Self.items()
        #expect(items.count >= (TestPaths.shared == nil ? 15 : 30), "sample and corpus items (the corpus: \(TestPaths.shared == nil ? "absent" : "read"))")
        let recognizer = MetricRecognizer()
        var written = 0
        for item in items {
            let metrics = recognizer.metrics(in: item.text)
            for lang in ["en", "zh"] {
                let card = CardBuilder(taxonomy: Self.taxonomy, labelLanguage: lang, naming: SubjectNames.naming, headlines: Self.book)
                    .card(for: [item], metrics: [metrics], context: Self.context, now: Self.context.now)
                let at = "\(item.item.link ?? item.item.title ?? "?") [\(lang)]"
                #expect(!card.tldr.isEmpty, "\(at): empty TL;DR")
                let source = Self.spaced((item.item.title ?? "") + "\n" + item.text)
                for (part, text) in [("TL;DR", card.tldr), ("hook", card.hook)] where !text.isEmpty {
                    #expect(!"；，：、,;:".contains(text.last!), "\(at): \(part) ends in '\(text.last!)': \(text)")
                    if part == "TL;DR" || card.subtitle == nil { #expect(Self.endsWhole(text, in: source), "\(at): \(part) stops mid-word: \(text)") }
                }
                let values = metrics.map(\.value)
                var own: [String] = []
                if card.subtitle != nil {
                    written += 1
                    own.append(card.title)
                    if lang == "en" { #expect(!card.title.unicodeScalars.contains(where: Simplified.isCJK), "\(at): \(card.title)") }
                }
                let squeezedSource = Self.squeezed(source)
                if !squeezedSource.contains(Self.squeezed(card.hook)) { own.append(card.hook) }
                own += [card.whyItMatters, card.whatNext].compactMap { $0 }.filter { !squeezedSource.contains(Self.squeezed($0)) }
                let names = metrics.compactMap(\.subject).compactMap { SubjectNames.display($0, language: lang) }
                for text in own {
                    for n in Self.numbers(in: Self.withoutNames(text, names)) where !values.contains(where: { abs($0 - n.value) <= 1e-6 * max(1, abs(n.value)) }) {
                        #expect(n.approximate && (text.contains("(derived)") || text.contains("（推算）")),
                                "\(at): '\(text)' prints \(n.value), which is no metric of the text")
                    }
                }
            }
        }
        #expect(written >= 10, "headlines from numbers on the samples at least")
    }

    /// White space removed: lines joined and wrapped text compared as the card shows it.
    static func squeezed(_ s: String) -> String { String(s.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) }

    /// Runs of white space as one space.
    static func spaced(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Whether `text` ends where a sentence of the source ends: its tail is in the source, not
    /// followed by a letter or digit there.
    static func endsWhole(_ text: String, in source: String) -> Bool {
        var t = spaced(text)
        if t.hasSuffix("…") { return true }  // cut at a clause boundary on purpose
        t = String(t.suffix(12))
        var from = source.startIndex
        while let r = source.range(of: t, range: from..<source.endIndex) {
            guard r.upperBound < source.endIndex else { return true }
            let next = source[r.upperBound].unicodeScalars.first!
            if !(next.properties.isAlphabetic && next.isASCII) && !(next.value >= 48 && next.value <= 57) { return true }
            from = source.index(after: r.lowerBound)
        }
        return false
    }

    static func withoutNames(_ text: String, _ names: [String]) -> String {
        names.sorted { $0.count > $1.count }.reduce(text) { $0.replacingOccurrences(of: $1, with: "") }
    }

    /// Numbers written in a line: "27T" → 2.7e13, "12.96万亿" → 1.296e13, "+18.9%" → 18.9, "≈4.3x" approximate.
    static func numbers(in line: String) -> [(value: Double, approximate: Bool)] {
        var out: [(Double, Bool)] = []
        let s = Array(line.unicodeScalars)
        var i = 0
        while i < s.count {
            guard s[i].value >= 48 && s[i].value <= 57 else { i += 1; continue }
            var j = i
            while j < s.count, (s[j].value >= 48 && s[j].value <= 57) || (s[j] == "." && j + 1 < s.count && s[j + 1].value >= 48 && s[j + 1].value <= 57) { j += 1 }
            var v = Double(String(String.UnicodeScalarView(s[i..<j]))) ?? 0
            let rest = String(String.UnicodeScalarView(s[j..<min(s.count, j + 2)]))
            if rest.hasPrefix("万亿") { v *= 1e12 } else if rest.hasPrefix("亿") { v *= 1e8 } else if rest.hasPrefix("万") { v *= 1e4 }
            else if j < s.count {
                switch s[j] {
                case "T": v *= 1e12
                case "B": v *= 1e9
                case "K": v *= 1e3
                case "M" where !(j + 3 < s.count && s[j + 1] == " " && s[j + 2] == "t"): v *= 1e6  // not "per M tokens"
                default: break
                }
            }
            out.append((v, i > 0 && s[i - 1] == "≈"))
            i = j
        }
        return out
    }
}
