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
    /// Metric quantities that suggest the topic.
    public var quantities: [MetricQuantity]
    /// "Why it matters" by language.
    public var why: [String: String]
    /// "What to do next" by language.
    public var next: [String: String]
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
            let quantities = try ((t["quantities"] as? [String]) ?? []).map { q -> MetricQuantity in
                guard let mq = MetricQuantity(rawValue: q) else {
                    throw TaxonomyError(file: file, problem: "topic '\(id)': unknown quantity '\(q)'")
                }
                return mq
            }
            tax.topics.append(Topic(id: id, names: localized(t, "name"),
                                    keywords: ((t["keywords"] as? [String]) ?? []).map { $0.lowercased() },
                                    quantities: quantities, why: localized(t, "why"), next: localized(t, "next")))
        }
        for (i, raw) in ((root["audiences"] as? [Any]) ?? []).enumerated() {
            guard let a = raw as? [String: Any], let name = a["name"] as? String else {
                throw TaxonomyError(file: file, problem: "audiences[\(i)] needs a 'name'")
            }
            tax.audiences.append(AudienceDefinition(name: name, topics: (a["topics"] as? [String]) ?? [],
                                                    quantities: (a["quantities"] as? [String]) ?? [],
                                                    keywords: ((a["keywords"] as? [String]) ?? []).map { $0.lowercased() }))
        }
        return tax
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
