import Foundation

/// A sentence of a model's answer with the numbers of the source sentences it rests on.
public struct ModelSentence: Sendable, Equatable {
    /// The sentence.
    public var text: String
    /// Source sentence numbers it cites (as the model wrote them; checked later).
    public var cites: [Int]

    /// Creates a sentence.
    public init(_ text: String, cites: [Int] = []) {
        self.text = text
        self.cites = cites
    }
}

/// A model's answer for one card, one field per section (`ModelPrompt` asks for this shape).
/// Each field is checked on its own (`AnswerReview`); a field left out keeps the card's own text.
public struct ModelAnswer: Sendable, Equatable {
    /// The headline in the digest's language.
    public var headline: ModelSentence?
    /// The one-line hook.
    public var hook: ModelSentence?
    /// The TL;DR, sentence by sentence.
    public var tldr: [ModelSentence]
    /// 🧠 Deep Insight sentences.
    public var deepInsight: [ModelSentence]
    /// 🔮 Future Implications.
    public var implications: [ModelSentence]
    /// Key takeaways.
    public var takeaways: [ModelSentence]

    /// Creates an answer.
    public init(headline: ModelSentence? = nil, hook: ModelSentence? = nil, tldr: [ModelSentence] = [],
                deepInsight: [ModelSentence] = [], implications: [ModelSentence] = [], takeaways: [ModelSentence] = []) {
        self.headline = headline
        self.hook = hook
        self.tldr = tldr
        self.deepInsight = deepInsight
        self.implications = implications
        self.takeaways = takeaways
    }

    /// Why a text is not an answer (the reason the repair request quotes).
    public struct Malformed: Error, Sendable, Equatable {
        /// What is wrong, e.g. "no JSON object".
        public var reason: String
    }

    /// The answer read from the model's text: one JSON object, possibly inside a code fence or
    /// after a sentence. A field may be a string, an object `{"text", "cites"}` or, for the lists,
    /// an array of either.
    public static func parse(_ content: String) -> Result<ModelAnswer, Malformed> {
        guard let start = content.firstIndex(of: "{"), let end = content.lastIndex(of: "}"), start < end else {
            return .failure(Malformed(reason: "no JSON object in the answer"))
        }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: Data(content[start...end].utf8)) } catch {
            return .failure(Malformed(reason: "not valid JSON (\((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? "syntax error"))"))
        }
        guard let obj = object as? [String: Any] else { return .failure(Malformed(reason: "the JSON is not an object")) }
        let answer = ModelAnswer(
            headline: sentences(obj["headline"] ?? obj["title"]).first, hook: sentences(obj["hook"]).first,
            tldr: sentences(obj["tldr"]), deepInsight: sentences(obj["deep_insight"]),
            implications: sentences(obj["implications"]), takeaways: sentences(obj["takeaways"]))
        if answer == ModelAnswer() {
            return .failure(Malformed(reason: "none of the fields asked for (headline, hook, tldr, deep_insight, implications, takeaways)"))
        }
        return .success(answer)
    }

    static func sentences(_ value: Any?) -> [ModelSentence] {
        switch value {
        case let s as String:
            let t = tidy(s)
            return t.isEmpty ? [] : [ModelSentence(t)]
        case let o as [String: Any]:
            guard let t = (o["text"] as? String).map(tidy), !t.isEmpty else { return [] }
            return [ModelSentence(t, cites: cites(o["cites"] ?? o["citations"] ?? o["sources"]))]
        case let a as [Any]:
            return a.flatMap { sentences($0) }
        default:
            return []
        }
    }

    /// A sentence as the card shows it: one line, no wrapping quotes, no "💡" or "**" the card
    /// adds itself or does not render.
    static func tidy(_ s: String) -> String {
        var t = s.split(whereSeparator: \.isNewline).joined(separator: " ").replacingOccurrences(of: "**", with: "")
        t = t.trimmingCharacters(in: .whitespaces)
        while t.hasPrefix("💡") || t.hasPrefix("⚡") { t = String(t.unicodeScalars.dropFirst().map(Character.init)).trimmingCharacters(in: .whitespaces) }
        for (open, close) in [("\"", "\""), ("“", "”"), ("「", "」")] where t.count > 2 && t.hasPrefix(open) && t.hasSuffix(close)
            && !t.dropFirst().dropLast().contains(open) {
            t = String(t.dropFirst().dropLast())
        }
        return t.trimmingCharacters(in: .whitespaces)
    }

    /// Citation numbers written as 3, "3", "[3]", "S3" or a list of them.
    static func cites(_ value: Any?) -> [Int] {
        switch value {
        case let n as Int: return [n]
        case let s as String:
            let digits = s.unicodeScalars.filter { $0.value >= 48 && $0.value <= 57 }
            return Int(String(String.UnicodeScalarView(digits))).map { [$0] } ?? []
        case let a as [Any]: return a.flatMap { cites($0) }
        default: return []
        }
    }
}
