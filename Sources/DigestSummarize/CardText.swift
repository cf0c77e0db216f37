import DigestBytes
import DigestCore

/// A card's hook and TL;DR, so that neither repeats the other: a hook written from the numbers
/// leaves the TL;DR whole; otherwise the hook is the TL;DR's lead sentence (without a wire lead-in,
/// "36氪获悉，") and the TL;DR goes on from its second sentence. A TL;DR of one sentence keeps it,
/// and the card has no hook.
struct CardText {
    var hook: String
    var tldr: String
    /// The sentences the hook and TL;DR show (takeaways do not repeat them).
    var shown: [String]

    init(tldr: TLDR, patternHook: String?) {
        shown = tldr.sentences
        if let h = patternHook {
            hook = h
            self.tldr = tldr.text
        } else if tldr.sentences.count >= 2 {
            hook = Self.withoutLeadIn(tldr.sentences[0])
            let rest = Array(tldr.sentences.dropFirst())
            self.tldr = tldr.language == "zh" || tldr.language == "ja" ? rest.joined() : rest.joined(separator: " ")
        } else {
            hook = ""
            self.tldr = tldr.text
        }
    }

    static let leadIns = ["36氪获悉，", "36氪获悉,", "据36氪了解，", "36氪讯，", "36氪消息，"]

    /// A hook without a wire-service lead-in ("36氪获悉，…").
    static func withoutLeadIn(_ s: String) -> String {
        for l in leadIns where s.hasPrefix(l) && s.count > l.count + 8 { return String(s.dropFirst(l.count)) }
        return s
    }
}

extension CardBuilder {
    /// Up to four takeaways, when the source has more to say than the hook and TL;DR: its metric
    /// sentences not shown yet, a derived comparison (marked), then its next informative sentences.
    func takeaways(sentences: [String], shown: [String], metrics: [TokenMetric], derived: [ChangeLine]) -> [String] {
        let candidates = sentences.filter { s in
            !shown.contains(s) && !Boilerplate.isBoilerplate(s) && !TLDRSummarizer.isOpenEnded(s)
                && (ReadingBudget.length(s, language: "en") >= 5 || ReadingBudget.length(s, language: "zh") >= 12 && !s.contains(" "))
        }
        var out = candidates.filter { s in metrics.contains { !$0.text.isEmpty && s.includes($0.text) } }.prefix(3).map { $0 }
        for d in derived where out.count < 4 {
            out.append(d.text + (wording.zh ? "（推算）" : " (derived)"))
        }
        for s in candidates where out.count < 2 && !out.contains(s) { out.append(s) }
        return out
    }
}
