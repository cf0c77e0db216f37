import DigestCore
import Yams

/// Headlines and hooks written from a card's numbers (`Templates/headlines.yaml`): patterns in
/// order, each with title and hook forms per language. A form is text with `{slots}` that
/// `HeadlineFacts` fills from the card's metrics; a pattern fits when the slots it `needs` are
/// filled, and the first of its forms whose slots are all filled is used. The first pattern that
/// fits wins; none fits → the source title.
public struct HeadlineBook: Sendable, Equatable {
    /// One pattern.
    public struct Pattern: Sendable, Equatable {
        /// Its name, for tests and messages.
        public var id: String
        /// Slots that must be filled for it to fit.
        public var needs: [String]
        /// Title forms by language, in order of preference.
        public var titles: [String: [String]]
        /// Hook forms by language, in order of preference (none fitting: the hook is written from sentences).
        public var hooks: [String: [String]]
    }

    /// Patterns in order.
    public var patterns: [Pattern]

    /// A book with these patterns (none: every card keeps its source title).
    public init(patterns: [Pattern] = []) {
        self.patterns = patterns
    }

    /// Parses `headlines.yaml`; `file` names it in errors. Empty text gives an empty book.
    public static func parse(yaml: String, file: String) throws -> HeadlineBook {
        guard !yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return HeadlineBook() }
        guard let root = try Yams.load(yaml: yaml) as? [String: Any], let list = root["patterns"] as? [Any] else {
            throw TaxonomyError(file: file, problem: "top level must be a mapping with 'patterns'")
        }
        var book = HeadlineBook()
        for (i, raw) in list.enumerated() {
            guard let p = raw as? [String: Any], let id = p["id"] as? String, let needs = p["needs"] as? [String] else {
                throw TaxonomyError(file: file, problem: "patterns[\(i)] needs an 'id' and a 'needs' list")
            }
            var titles: [String: [String]] = [:], hooks: [String: [String]] = [:]
            for lang in ["en", "zh"] {
                guard let forms = p[lang] as? [String: Any] else { continue }
                titles[lang] = forms["title"] as? [String] ?? (forms["title"] as? String).map { [$0] } ?? []
                hooks[lang] = forms["hook"] as? [String] ?? (forms["hook"] as? String).map { [$0] } ?? []
            }
            guard titles["en"]?.isEmpty == false else {
                throw TaxonomyError(file: file, problem: "pattern '\(id)' has no English title")
            }
            book.patterns.append(Pattern(id: id, needs: needs, titles: titles, hooks: hooks))
        }
        return book
    }

    /// The headline and hook of a card with these facts, in `language`; nil when no pattern fits.
    public func write(_ facts: HeadlineFacts, language: String) -> (title: String, hook: String?, pattern: String)? {
        for p in patterns where p.needs.allSatisfy({ facts.slots[$0] != nil }) {
            let titles = p.titles[language] ?? p.titles["en"] ?? []
            guard let title = titles.lazy.compactMap({ facts.fill($0) }).first else { continue }
            let hook = (p.hooks[language] ?? p.hooks["en"] ?? []).lazy.compactMap { facts.fill($0) }.first
            return (title, hook, p.id)
        }
        return nil
    }
}
