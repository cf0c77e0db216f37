import DigestCore
import Foundation
import Yams

/// A topic of the taxonomy (`Templates/topics.yaml`): how it is detected and what a card says about it.
public struct Topic: Sendable, Equatable {
    /// Stable id, e.g. `token-usage`.
    public var id: String
    /// Display names by language.
    public var names: [String: String]
    /// Keywords (lower-cased; matched in the lower-cased text).
    public var keywords: [String]
    /// Metric signals that make a card this topic (`MetricSignals`): price_down, volume_up, rank…
    public var signals: [String]
    /// "Why it matters" by language.
    public var why: [String: String]
    /// "What to do next" by language.
    public var next: [String: String]
    /// "Why it matters" forms with {slots} (`HeadlineFacts`), by language, in order of preference.
    public var whyForms: [String: [String]] = [:]
    /// "What to do next" forms with {slots}, by language.
    public var nextForms: [String: [String]] = [:]
}

/// The editable taxonomy of topics and the default audiences.
public struct Taxonomy: Sendable, Equatable {
    /// Topics in priority order.
    public var topics: [Topic]
    /// Default audience rules (feeds.yaml `audiences:` replaces them).
    public var audiences: [AudienceDefinition]

    /// Creates a taxonomy.
    public init(topics: [Topic] = [], audiences: [AudienceDefinition] = []) {
        self.topics = topics
        self.audiences = audiences
    }

    /// Parses the YAML text of a taxonomy file; `file` names it in errors.
    public static func parse(yaml: String, file: String) throws -> Taxonomy {
        guard let root = try Yams.load(yaml: yaml) as? [String: Any] else {
            throw TaxonomyError(file: file, problem: "top level must be a mapping with 'topics' and 'audiences'")
        }
        var tax = Taxonomy()
        for (i, raw) in ((root["topics"] as? [Any]) ?? []).enumerated() {
            guard let t = raw as? [String: Any], let id = t["id"] as? String else {
                throw TaxonomyError(file: file, problem: "topics[\(i)] needs an 'id'")
            }
            let signals = (t["signals"] as? [String]) ?? []
            for sig in signals where !MetricSignals.known.contains(sig) {
                throw TaxonomyError(file: file, problem: "topic '\(id)': unknown signal '\(sig)' (known: \(MetricSignals.known.sorted().joined(separator: ", ")))")
            }
            var topic = Topic(id: id, names: localized(t, "name"), keywords: ((t["keywords"] as? [String]) ?? []).map { $0.lowercased() },
                              signals: signals, why: localized(t, "why"), next: localized(t, "next"))
            topic.whyForms = forms(t, "why_with")
            topic.nextForms = forms(t, "next_with")
            tax.topics.append(topic)
        }
        for (i, raw) in ((root["audiences"] as? [Any]) ?? []).enumerated() {
            guard let a = raw as? [String: Any], let name = a["name"] as? String else {
                throw TaxonomyError(file: file, problem: "audiences[\(i)] needs a 'name'")
            }
            var audience = AudienceDefinition(name: name, topics: (a["topics"] as? [String]) ?? [],
                                              quantities: (a["quantities"] as? [String]) ?? [],
                                              keywords: ((a["keywords"] as? [String]) ?? []).map { $0.lowercased() })
            audience.names = localized(a, "name")
            audience.reason = localized(a, "reason")
            for (key, lang) in [("reasons", "en"), ("reasons_zh", "zh")] {
                for (topic, text) in (a[key] as? [String: String]) ?? [:] { audience.reasons[topic, default: [:]][lang] = text }
            }
            tax.audiences.append(audience)
        }
        return tax
    }

    static func forms(_ t: [String: Any], _ key: String) -> [String: [String]] {
        var out: [String: [String]] = [:]
        if let v = t[key] as? [String] { out["en"] = v }
        if let v = t[key + "_zh"] as? [String] { out["zh"] = v }
        return out
    }

    static func localized(_ t: [String: Any], _ key: String) -> [String: String] {
        var out: [String: String] = [:]
        if let v = t[key] as? String { out["en"] = v }
        if let v = t[key + "_zh"] as? String { out["zh"] = v }
        return out
    }
}

/// Who should care: a named audience and what makes a card relevant to it.
public struct AudienceDefinition: Sendable, Equatable {
    /// Display name.
    public var name: String
    /// Topic ids.
    public var topics: [String]
    /// Metric quantities (raw values).
    public var quantities: [String]
    /// Keywords.
    public var keywords: [String]
    /// Display names by language (feeds.yaml audiences have only `name`).
    public var names: [String: String] = [:]
    /// Why it should care, by language, when no topic of the card has its own reason.
    public var reason: [String: String] = [:]
    /// Why it should care about a card of a topic: topic id → language → text.
    public var reasons: [String: [String: String]] = [:]

    /// Creates an audience.
    public init(name: String, topics: [String], quantities: [String], keywords: [String]) {
        self.name = name
        self.topics = topics
        self.quantities = quantities
        self.keywords = keywords
    }
}

/// A broken taxonomy file.
public struct TaxonomyError: DigestError {
    /// The file.
    public var file: String
    /// What is wrong.
    public var problem: String

    /// One line.
    public var message: String { "config: \(file): \(problem)" }
    /// Bad input.
    public var exitStatus: ExitStatus { .badInput }
}
