import DigestCore

/// Checks a model's answer field by field and applies what passes to the card. A field that
/// fails keeps the card's own text (or, for the analysis sections, is left out) and is reported
/// with its reason; the other fields stand.
public struct AnswerReview: Sendable {
    /// Words a field may have (Han characters count two to a word).
    public enum Limit {
        /// The headline.
        public static let headline = 18
        /// The hook.
        public static let hook = 45
        /// The TL;DR, all its sentences.
        public static let tldr = 100
        /// One sentence of the analysis sections.
        public static let sentence = 70
        /// Sentences kept per analysis section.
        public static let sentences = 4
    }

    let card: Card
    let prompt: ModelPrompt
    let source: CardSource?
    let language: String
    let model: String
    let numbers: NumberCheck
    let names: FieldRules.Source
    let subjects: SubjectLookup

    /// A review of answers for `card`, asked with `prompt` about `source`'s text, for a digest in
    /// `language`; `subjects` tells which regions, companies and models a text names.
    public init(card: Card, prompt: ModelPrompt, source: CardSource?, language: String, model: String,
                subjects: SubjectLookup) {
        self.card = card
        self.prompt = prompt
        self.source = source
        self.language = language
        self.model = model
        self.subjects = subjects
        let titles = [card.title] + [card.subtitle].compactMap { $0 } + card.sources.map(\.title)
        numbers = NumberCheck(metrics: prompt.metrics, titles: titles, day: card.day, language: language)
        names = FieldRules.Source(prompt.sentences + titles + prompt.metrics.compactMap(\.subject), subjects: subjects)
    }

    /// The card with the fields of `answer` that pass, and one line per field or sentence dropped.
    public func apply(_ answer: ModelAnswer) -> (card: Card, dropped: [String]) {
        var c = card, dropped: [String] = []
        var analysis = CardAnalysis(model: model)
        func field(_ name: String, _ sentences: [ModelSentence], limit: Int) -> (text: String, derived: [String])? {
            let text = sentences.map(\.text).joined(separator: language == "zh" ? "" : " ")
            switch review(text, cites: sentences.flatMap(\.cites), limit: limit, grounded: false) {
            case .failure(let why):
                dropped.append("\(name) dropped: \(why.reason)")
                return nil
            case .success(let derived):
                analysis.rewritten.append(name)
                analysis.derived += derived.filter { !analysis.derived.contains($0) }
                return (text, derived)
            }
        }
        if let h = answer.headline, let ok = field("headline", [h], limit: Limit.headline) {
            if c.subtitle == nil, ok.text != card.title { c.subtitle = card.title }
            c.title = ok.text
        }
        if let h = answer.hook, let ok = field("hook", [h], limit: Limit.hook) { c.hook = ok.text }
        if !answer.tldr.isEmpty, let ok = field("tldr", answer.tldr, limit: Limit.tldr) { c.tldr = ok.text }
        var cited: [Int] = []
        func section(_ name: String, _ sentences: [ModelSentence]) -> [CitedSentence] {
            var kept: [CitedSentence] = []
            for (i, s) in sentences.enumerated() {
                let cites = validCites(s.cites)
                switch review(s.text, cites: s.cites, limit: Limit.sentence, grounded: true) {
                case .failure(let why): dropped.append("\(name) sentence \(i + 1) dropped: \(why.reason)")
                case .success(let derived):
                    guard kept.count < Limit.sentences else { continue }
                    for n in cites where !cited.contains(n) { cited.append(n) }
                    kept.append(CitedSentence(text: s.text, cites: cites.map { cited.firstIndex(of: $0)! + 1 }.sorted(),
                                              derived: derived))
                }
            }
            return kept
        }
        // In the order the card shows them, so citations are numbered as a reader meets them.
        analysis.takeaways = section("takeaway", answer.takeaways)
        analysis.deepInsight = section("deep insight", answer.deepInsight)
        analysis.implications = section("implication", answer.implications)
        analysis.citations = cited.enumerated().map { k, n in
            Citation(number: k + 1, sentence: prompt.sentences[n - 1], sourceName: source?.name ?? "", url: source?.url)
        }
        c.analysis = analysis.isEmpty ? nil : analysis
        return (c, dropped)
    }

    /// Why a field fails.
    public struct Failure: Error, Sendable, Equatable {
        /// The reason, e.g. "99 is not a number of the source".
        public var reason: String
    }

    /// The checks of one field: markup, language, length, names, numbers and, for the analysis
    /// sections, citations that support it. Success carries its derivation notes.
    public func review(_ text: String, cites: [Int], limit: Int, grounded: Bool) -> Result<[String], Failure> {
        if let p = FieldRules.problem(text, language: language, maxWords: limit) { return .failure(Failure(reason: p)) }
        let valid = validCites(cites)
        let citedText = valid.map { prompt.sentences[$0 - 1] }
        if grounded {
            if valid.isEmpty { return .failure(Failure(reason: cites.isEmpty ? "it cites no source sentence" : "it cites no sentence of the source")) }
            let shared = Grounding.support(text, cited: citedText, subjects: subjects)
            if shared < Grounding.threshold {
                return .failure(Failure(reason: "it shares \(shared) of \(Grounding.threshold) concepts needed with the sentences it cites"))
            }
        }
        let unknown = FieldRules.unknownNames(text, source: names)
        if !unknown.isEmpty { return .failure(Failure(reason: "names " + unknown.joined(separator: ", ") + ", which the source does not")) }
        let verdict = numbers.check(text, cited: citedText)
        if !verdict.unsupported.isEmpty {
            let list = verdict.unsupported.map(\.text).joined(separator: ", ")
            return .failure(Failure(reason: "\(list) \(verdict.unsupported.count == 1 ? "is not a number" : "are not numbers") of the source"))
        }
        return .success(verdict.derived)
    }

    /// Citation numbers that name a sentence of the prompt, each once, in order.
    func validCites(_ cites: [Int]) -> [Int] {
        var out: [Int] = []
        for n in cites where n >= 1 && n <= prompt.sentences.count && !out.contains(n) { out.append(n) }
        return out
    }
}
