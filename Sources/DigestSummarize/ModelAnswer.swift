import DigestCore
import Foundation

/// What a language model may change on a card, and the check that keeps it honest: every
/// number it writes must be one of the card's extracted metrics (as value or as written).
public struct ModelAnswer: Sendable, Equatable, Codable {
    /// Title in the reader's language.
    public var title: String
    /// One-line hook.
    public var hook: String
    /// TL;DR.
    public var tldr: String

    /// Creates an answer.
    public init(title: String, hook: String, tldr: String) {
        self.title = title
        self.hook = hook
        self.tldr = tldr
    }

    /// The answer read from the model's text (a JSON object, possibly inside a code fence).
    public static func parse(_ content: String) -> ModelAnswer? {
        guard let start = content.firstIndex(of: "{"), let end = content.lastIndex(of: "}"), start < end,
              let obj = try? JSONSerialization.jsonObject(with: Data(content[start...end].utf8)) as? [String: Any],  // nil: answer discarded and reported
              let title = obj["title"] as? String, let hook = obj["hook"] as? String, let tldr = obj["tldr"] as? String,
              !hook.isEmpty, !tldr.isEmpty else { return nil }
        return ModelAnswer(title: title, hook: hook, tldr: tldr)
    }

    /// Numbers in the answer that no metric of the card accounts for (empty: the answer may be used).
    public func unsupportedNumbers(metrics: [TokenMetric], sourceTitle: String) -> [Double] {
        var allowed: [Double] = metrics.map(\.value)
        for m in metrics { allowed += NumberReader.numbers(in: m.text) }
        allowed += NumberReader.numbers(in: sourceTitle)
        return NumberReader.numbers(in: title + " " + hook + " " + tldr).filter { n in
            !allowed.contains { abs($0 - n) <= 1e-6 * max(1, abs(n)) }
        }
    }

    /// The prompt for one card.
    public static func prompt(card: Card, text: String, language: String) -> (system: String, user: String) {
        let lang = language == "zh" ? "Simplified Chinese" : "English"
        let system = """
            You write digest cards about the AI token market. Answer with one JSON object with the keys \
            "title" (the headline in \(lang)), "hook" (one line) and "tldr" (at most 75 words). Use only numbers \
            that appear in the metrics list; never compute or round a number.
            """
        let metrics = card.metrics.map { "- \($0.text) (\($0.quantity.rawValue), \($0.subject ?? "?"))" }.joined(separator: "\n")
        let user = "Title: \(card.title)\n\nMetrics:\n\(metrics)\n\nArticle:\n\(String(text.prefix(6000)))"
        return (system, user)
    }
}

/// Numbers as a reader sees them: "27T" 2.7e13, "12.96万亿" 1.296e13, "+18.9%" 18.9, "1,000" 1000.
public enum NumberReader {
    /// Every number in `text`, with K/M/B/T and 万/亿/万亿 applied.
    public static func numbers(in text: String) -> [Double] {
        let s = Array(text.unicodeScalars)
        var out: [Double] = []
        var i = 0
        func isDigit(_ k: Int) -> Bool { k < s.count && s[k].value >= 48 && s[k].value <= 57 }
        while i < s.count {
            guard isDigit(i), i == 0 || !(s[i - 1].properties.isAlphabetic && s[i - 1].value < 128) else { i += 1; continue }
            var j = i
            var digits = ""
            while j < s.count, isDigit(j) || (s[j] == "," && isDigit(j + 1)) || (s[j] == "." && isDigit(j + 1)) {
                if s[j] != "," { digits.unicodeScalars.append(s[j]) }
                j += 1
            }
            var v = Double(digits) ?? 0
            var k = j
            while k < s.count, s[k] == " " { k += 1 }
            let rest = String(String.UnicodeScalarView(s[k..<min(s.count, k + 12)])).lowercased()
            for (suffix, mult) in [("万亿", 1e12), ("trillion", 1e12), ("billion", 1e9), ("million", 1e6), ("亿", 1e8),
                                   ("万", 1e4), ("t", 1e12), ("b", 1e9), ("m", 1e6), ("k", 1e3)] where rest.hasPrefix(suffix) {
                let after = rest.dropFirst(suffix.count).first
                if suffix.count == 1, let a = after, a.isLetter { continue }
                v *= mult
                break
            }
            out.append(v)
            i = j
        }
        return out
    }
}
