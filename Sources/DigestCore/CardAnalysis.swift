import Foundation

/// A sentence a language model wrote, with the source sentences it rests on.
public struct CitedSentence: Sendable, Equatable, Hashable, Codable {
    /// The sentence as shown.
    public var text: String
    /// Numbers of the card's `CardAnalysis.citations` it cites (1-based, ascending).
    public var cites: [Int]
    /// Figures in it computed from two metrics, e.g. "4x ≈ 12.96T / 3.03T".
    public var derived: [String]

    /// Creates a sentence.
    public init(text: String, cites: [Int], derived: [String] = []) {
        self.text = text
        self.cites = cites
        self.derived = derived
    }
}

/// A source sentence that the model's analysis cites.
public struct Citation: Sendable, Equatable, Hashable, Codable {
    /// Number shown in the card ("[1]").
    public var number: Int
    /// The source sentence, as extracted.
    public var sentence: String
    /// The source's display name ("36氪").
    public var sourceName: String
    /// Link to the source item, when it has one.
    public var url: String?

    /// Creates a citation.
    public init(number: Int, sentence: String, sourceName: String, url: String?) {
        self.number = number
        self.sentence = sentence
        self.sourceName = sourceName
        self.url = url
    }
}

/// What a language model added to a card after every field passed its checks (numbers, names,
/// citations, language): which written fields it replaced, and the analysis sections of its own.
/// Absent on cards made without `summarizer:`.
public struct CardAnalysis: Sendable, Equatable, Codable {
    /// The model's name as configured.
    public var model: String
    /// Fields of the card the model wrote: any of `headline`, `hook`, `tldr`.
    public var rewritten: [String]
    /// Figures in the headline, hook or TL;DR computed from two metrics ("4x ≈ 12.96T / 3.03T").
    public var derived: [String]
    /// 🧠 Deep Insight: sentences of analysis, each citing the source.
    public var deepInsight: [CitedSentence]
    /// 🔮 Future Implications, each citing the source.
    public var implications: [CitedSentence]
    /// Key takeaways the model wrote (shown instead of the extracted ones), each citing the source.
    public var takeaways: [CitedSentence]
    /// The source sentences cited, numbered in order of first citation.
    public var citations: [Citation]

    /// Creates an analysis.
    public init(model: String, rewritten: [String] = [], derived: [String] = [], deepInsight: [CitedSentence] = [],
                implications: [CitedSentence] = [], takeaways: [CitedSentence] = [], citations: [Citation] = []) {
        self.model = model
        self.rewritten = rewritten
        self.derived = derived
        self.deepInsight = deepInsight
        self.implications = implications
        self.takeaways = takeaways
        self.citations = citations
    }

    /// True when it has nothing to show.
    public var isEmpty: Bool {
        rewritten.isEmpty && deepInsight.isEmpty && implications.isEmpty && takeaways.isEmpty
    }
}

extension Card {
    /// The language a reader meets the card in: the digest's when a model rewrote its headline,
    /// hook or TL;DR, else the story's.
    public var displayLanguage: String {
        if let a = analysis, !a.rewritten.isEmpty { return labelLanguage ?? "en" }
        return language
    }
}
