import DigestCore
import DigestLanguage
import Foundation

/// Whether a sentence a model wrote rests on the source sentences it cites: the two must share
/// content — concepts of `glossary.json` (the same in English and Chinese: 调用量 and "usage"),
/// subjects (中国 and "Chinese models"), numbers (27万亿 and 27T), other content words, and, between
/// two Chinese texts, pairs of Han characters. A sentence is supported when it shares at least
/// `threshold` of them with what it cites.
public enum Grounding {
    /// Shared concepts a supported sentence needs. Measured on `Tests/Fixtures/grounding` (40 pairs
    /// of our own: written sentences and the source sentences they cite, English and Chinese, graded
    /// supported or not): accuracy 0.825 at 1, 0.975 at 2, 0.950 at 3 and 4 (`GroundingTests`).
    public static let threshold = 2

    /// How many concepts `sentence` shares with `cited` (`subjects` names regions, companies, models).
    public static func support(_ sentence: String, cited: [String], subjects: SubjectLookup) -> Int {
        let mine = concepts(sentence, subjects: subjects)
        var theirs = Set<String>()
        for c in cited { theirs.formUnion(concepts(c, subjects: subjects)) }
        return mine.intersection(theirs).count
    }

    /// True when `sentence` shares at least `threshold` concepts with `cited`.
    public static func isSupported(_ sentence: String, cited: [String], subjects: SubjectLookup) -> Bool {
        !cited.isEmpty && support(sentence, cited: cited, subjects: subjects) >= threshold
    }

    /// The concepts of a text: `g:` glossary concepts, `s:` subjects, `n:` numbers (two significant
    /// digits), `w:` other English content words (stemmed), `z:` pairs of Han characters.
    public static func concepts(_ text: String, subjects: SubjectLookup) -> Set<String> {
        var out = Set<String>()
        for s in subjects.mentioned(text) { out.insert("s:" + s) }
        for n in NumberReader.numbers(in: text) where n != 0 { out.insert("n:" + significant(n)) }
        for word in latinWords(text) {
            if let c = Glossary.shared.concept(ofWord: word) {
                out.insert("g:" + c)
            } else if word.count >= 3, !stopwords.contains(word) {
                out.insert("w:" + stem(word))
            }
        }
        for c in Glossary.shared.concepts(inHan: text) { out.insert("g:" + c) }
        let han = text.unicodeScalars.map { Simplified.isCJK($0) ? $0 : " " }
        for i in han.indices.dropLast() where han[i] != " " && han[i + 1] != " " && !hanStop.contains(han[i])
            && !hanStop.contains(han[i + 1]) {
            out.insert("z:" + String(String.UnicodeScalarView([han[i], han[i + 1]])))
        }
        return out
    }

    /// Lower-cased runs of Latin letters (with inner hyphens: "open-source").
    static func latinWords(_ text: String) -> [String] {
        var out: [String] = [], cur = ""
        for c in text.lowercased().unicodeScalars {
            if (c.value >= 97 && c.value <= 122) || (c == "-" && !cur.isEmpty) {
                cur.unicodeScalars.append(c)
            } else if !cur.isEmpty {
                out.append(cur.hasSuffix("-") ? String(cur.dropLast()) : cur)
                cur = ""
            }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    /// "models" and "model", "pricing" and "prices" meet: plural and -ing/-ed removed, then six letters.
    static func stem(_ w: String) -> String {
        var s = w
        for suffix in ["ing", "ed", "es", "s"] where s.count > suffix.count + 3 && s.hasSuffix(suffix) {
            s.removeLast(suffix.count)
            break
        }
        return String(s.prefix(6))
    }

    static func significant(_ v: Double) -> String {
        let e = floor(log10(abs(v)))
        let p = pow(10, e - 1)
        return String(Int((v / p).rounded())) + "e" + String(Int(e - 1))
    }

    static let stopwords: Set<String> = [
        "the", "and", "for", "are", "was", "were", "with", "that", "this", "these", "those", "from", "into", "its", "their",
        "they", "them", "than", "then", "has", "have", "had", "will", "would", "could", "should", "may", "might", "can",
        "not", "but", "also", "more", "most", "less", "such", "which", "who", "what", "when", "where", "while", "about",
        "over", "under", "after", "before", "between", "against", "other", "some", "any", "all", "each", "both", "only",
        "very", "just", "now", "new", "one", "two", "per", "via", "being", "been", "does", "did", "how", "why", "there",
        "here", "our", "your", "his", "her", "she", "him", "out", "off", "still", "even", "much", "many", "likely",
        "suggest", "suggests", "signal", "signals", "indicat", "indicates", "show", "shows", "mean", "means",
    ]

    static let hanStop: Set<Unicode.Scalar> = ["的", "了", "是", "在", "和", "与", "及", "等", "也", "都", "而", "将", "已", "对",
                                                "为", "其", "这", "该", "并", "从", "到", "被", "有", "中", "上", "下"]
}

/// `glossary.json`: concepts written alike in English and Chinese.
struct Glossary: Sendable {
    static let shared = Glossary(data: Data(PackageResources.glossary_json))

    /// English entries: (entry, concept), matched as a whole word, a plural, or (entries of four
    /// letters or more) a word starting with it.
    let english: [(entry: String, concept: String)]
    /// Chinese entries, longest first.
    let han: [(entry: String, concept: String)]

    init(data: Data) {
        struct File: Decodable { let concepts: [String: [String]] }
        let file = (try? JSONDecoder().decode(File.self, from: data))?.concepts ?? [:]  // the embedded file is checked by GroundingTests
        var en: [(String, String)] = [], zh: [(String, String)] = []
        for (concept, entries) in file.sorted(by: { $0.key < $1.key }) {
            for e in entries {
                if e.unicodeScalars.contains(where: { Simplified.isCJK($0) }) { zh.append((e, concept)) } else { en.append((e, concept)) }
            }
        }
        english = en.sorted { $0.0.count != $1.0.count ? $0.0.count > $1.0.count : $0.0 < $1.0 }
        han = zh.sorted { $0.0.count != $1.0.count ? $0.0.count > $1.0.count : $0.0 < $1.0 }
    }

    func concept(ofWord w: String) -> String? {
        english.first { w == $0.entry || w == $0.entry + "s" || ($0.entry.count >= 4 && w.hasPrefix($0.entry)) }?.concept
    }

    func concepts(inHan text: String) -> Set<String> {
        Set(han.filter { text.contains($0.entry) }.map(\.concept))
    }
}
