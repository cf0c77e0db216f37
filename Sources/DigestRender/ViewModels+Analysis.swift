import DigestCore

extension ViewModels {
    /// What the language model wrote, for a card's template: the note on the fields it wrote, the
    /// derivations, 🧠 Deep Insight, 🔮 Future Implications, its takeaways (shown instead of the
    /// extracted ones) and the source sentences cited. Nothing when the card has no analysis.
    func analysis(_ card: Card, into m: inout [String: Any]) {
        guard let a = card.analysis else { return }
        let anchor = "cite-" + card.slug + "-"
        func sentences(_ list: [CitedSentence]) -> [[String: Any]] {
            list.map { s in
                var d: [String: Any] = ["text": s.text, "cites": s.cites.map { ["n": $0, "href": "#" + anchor + String($0)] }]
                if !s.derived.isEmpty { d["derived"] = s.derived.joined(separator: "; ") }
                return d
            }
        }
        if !a.rewritten.isEmpty {
            var names = a.rewritten.map { labels["field_" + $0] ?? $0 }
            let last = names.removeLast()
            var fields = names.isEmpty ? last : names.joined(separator: labels["list_sep"] ?? ", ") + (labels["list_and"] ?? " and ") + last
            fields = fields.prefix(1).uppercased() + fields.dropFirst()
            m["modelNote"] = (labels["ai_written"] ?? "{fields}: {model}").replacingOccurrences(of: "{fields}", with: fields)
                .replacingOccurrences(of: "{model}", with: a.model)
            // The card's prose is now in the digest's language; the source's title and quotes keep theirs.
            m["sourceLanguage"] = card.language
            m["language"] = card.displayLanguage
        }
        m["citeLanguage"] = card.language
        if !a.derived.isEmpty { m["modelDerived"] = a.derived.joined(separator: "; ") }
        if !a.deepInsight.isEmpty {
            m["insight"] = sentences(a.deepInsight)
            m["hasInsight"] = true
        }
        if !a.implications.isEmpty {
            m["implications"] = sentences(a.implications)
            m["hasImplications"] = true
        }
        if !a.takeaways.isEmpty {
            m["takeaways"] = nil
            m["modelTakeaways"] = sentences(a.takeaways)
            m["hasModelTakeaways"] = true
            m["hasTakeaways"] = true
        }
        if !a.citations.isEmpty {
            m["citations"] = a.citations.map { c -> [String: Any] in
                var d: [String: Any] = ["n": c.number, "id": anchor + String(c.number), "sentence": c.sentence, "name": c.sourceName]
                if let u = c.url { d["url"] = u }
                return d
            }
            m["hasCitations"] = true
        }
    }
}
