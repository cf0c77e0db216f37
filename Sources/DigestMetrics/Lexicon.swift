import DigestCore
import DigestLanguage
import Foundation

/// The recogniser's word lists, read from `lexicon.json` and `subjects.json` (data, not code).
struct Lexicon: Decodable, Sendable {
    struct PricePer: Decodable, Sendable {
        let words: [String]
        let scale: Double
    }

    let magnitudes: [String: Double]
    let tokenWords: [String]
    let volumeVerbs: [String]
    let volumeNegatives: [String]
    let pricePer: [PricePer]
    let currencies: [String: [String]]
    let sides: [String: [String]]
    let growthUp: [String]
    let growthDown: [String]
    let growthMarkers: [String]
    let shareWords: [String]
    let tokenContext: [String]
    let periods: [String: [String]]
    let growthPeriods: [String: [String]]
    let multipleChange: [String]
    let rankNegatives: [String]
    let countStreak: [String]
    let tokenNouns: [String]
    let hypothetical: [String]
    let speedWords: [String]
    let countableNouns: [String]
    let shareNegatives: [String]
    /// Nouns by what they measure (token, price, share, growth, other): see `Governor`.
    let nounClasses: [String: [String]]

    enum CodingKeys: String, CodingKey {
        case magnitudes, tokenWords = "token_words", volumeVerbs = "volume_verbs", volumeNegatives = "volume_negatives"
        case pricePer = "price_per", currencies, sides, growthUp = "growth_up", growthDown = "growth_down"
        case growthMarkers = "growth_markers", shareWords = "share_words", tokenContext = "token_context", periods
        case growthPeriods = "growth_periods", multipleChange = "multiple_change", rankNegatives = "rank_negatives"
        case countStreak = "count_streak", tokenNouns = "token_nouns", hypothetical, speedWords = "speed_words"
        case countableNouns = "countable_nouns", shareNegatives = "share_negatives"
        case nounClasses = "noun_classes"
    }

    /// The lexicon compiled into the program; a broken file is a build defect, so this traps with its name.
    static let shared: Lexicon = {
        let data = Data(PackageResources.lexicon_json)
        do { return try JSONDecoder().decode(Lexicon.self, from: data) } catch {
            fatalError("DigestMetrics: lexicon.json is invalid: \(error)")
        }
    }()
}

extension Lexicon {
    /// Magnitude words folded, longest first, with whether they are Latin (matched as whole words).
    static let sortedMagnitudes: [(word: [Unicode.Scalar], value: Double, isLatin: Bool)] = {
        let list: [(word: [Unicode.Scalar], value: Double, isLatin: Bool)] = shared.magnitudes.sorted { $0.key < $1.key }.map { key, value in
            (Array(key.unicodeScalars.map(ScalarText.fold)), value, key.unicodeScalars.first!.value < 128)
        }
        return list.sorted { $0.word.count > $1.word.count }
    }()

    /// Side words folded, longest first ("cached input" before "input", "缓存未命中" before "缓存").
    static let sortedSides: [(scalars: [Unicode.Scalar], side: PriceSide)] = {
        var list: [(scalars: [Unicode.Scalar], side: PriceSide)] = []
        for (name, words) in shared.sides.sorted(by: { $0.key < $1.key }) {
            guard let side = PriceSide(rawValue: name) else { continue }
            for w in words { list.append((Array(w.unicodeScalars.map(ScalarText.fold)), side)) }
        }
        return list.sorted { $0.scalars.count > $1.scalars.count }
    }()

    /// Simplified form by Traditional character, over the CJK block (0: unchanged): the text is
    /// folded to Simplified, so every Chinese word of the lexicon is written once.
    static let simplified: [UInt32] = Simplified.table
}

/// Subject aliases: groups of names for the same region, company, platform or model family.
struct SubjectTable: Decodable, Sendable {
    struct Group: Decodable, Sendable {
        let canonical: String
        let names: [String]
        /// What an English digest prints (nil: the canonical name).
        let en: String?
        /// What a Chinese digest prints (nil: the canonical name).
        let zh: String?
    }

    let groups: [Group]
    /// Words that may follow a name as part of a model name ("Flash", "Pro").
    let modelSuffixes: [String]

    enum CodingKeys: String, CodingKey { case groups, modelSuffixes = "model_suffixes" }

    static let shared: SubjectTable = {
        let data = Data(PackageResources.subjects_json)
        do { return try JSONDecoder().decode(SubjectTable.self, from: data) } catch {
            fatalError("DigestMetrics: subjects.json is invalid: \(error)")
        }
    }()
}
