import DigestCore
import DigestLanguage

/// A metric's subject as a reader of the digest's language names it (`subjects.json`): 中国模型 is
/// "Chinese models" in an English digest, 豆包大模型 is "Doubao"; a model name written with a
/// version ("GLM-4.6", "DeepSeek V3.2") is printed as written. Nil when the subject has no name in
/// that language (a Chinese name with no alias, in an English digest).
public enum SubjectNames {
    /// The display name of `subject` in `language` (`en` or `zh`).
    public static func display(_ subject: String, language: String) -> String? {
        let zh = language == "zh"
        if let g = group(of: subject) {
            if subject.unicodeScalars.allSatisfy({ $0.isASCII }), !names(g).contains(fold(subject)) { return subject }  // "GLM-4.6"
            return (zh ? g.zh : g.en) ?? g.canonical
        }
        if zh { return subject }
        return subject.unicodeScalars.contains { Simplified.isCJK($0) } ? nil : subject
    }

    /// The short name of a rival in a comparison ("US" in "top US for 5 weeks").
    public static func short(_ subject: String, language: String) -> String? {
        guard let g = group(of: subject) else { return display(subject, language: language) }
        return language == "zh" ? (g.zh ?? g.canonical) : g.canonical
    }

    /// The canonical name of a subject's group ("China" for 中国模型), nil when it is in none.
    public static func canonical(_ subject: String) -> String? { group(of: subject)?.canonical }

    static func group(of subject: String) -> SubjectTable.Group? {
        let f = fold(subject)
        if let exact = index[f] { return exact }
        // A name with a version or a suffix after it: the longest known name it starts with.
        return prefixes.first { f.hasPrefix($0.name) }?.group
    }

    static func fold(_ s: String) -> String { Simplified.fold(s.lowercased()) }
    static func names(_ g: SubjectTable.Group) -> Set<String> { Set(g.names.map(fold) + [fold(g.canonical)]) }

    static let index: [String: SubjectTable.Group] = {
        var out: [String: SubjectTable.Group] = [:]
        for g in SubjectTable.shared.groups { for n in g.names + [g.canonical] where out[fold(n)] == nil { out[fold(n)] = g } }
        return out
    }()

    static let prefixes: [(name: String, group: SubjectTable.Group)] = index.map { ($0.key, $0.value) }
        .filter { $0.0.count >= 3 }.sorted { $0.0.count != $1.0.count ? $0.0.count > $1.0.count : $0.0 < $1.0 }
}

extension SubjectNames {
    /// The alias table as a `SubjectNaming` for cards and the recap.
    public static let naming = SubjectNaming(display: { display($0, language: $1) }, short: { short($0, language: $1) })
}

extension SubjectNames {
    /// The alias table as a `SubjectLookup` for the model's checks.
    public static let lookup = SubjectLookup(mentioned: { mentioned(in: $0) }, canonical: { canonical($0) })

    /// The canonical names of every subject `text` mentions ("China" for 国产模型 or "Chinese
    /// models", "US" for 美国): what two texts in different languages can share.
    public static func mentioned(in text: String) -> Set<String> {
        let f = fold(text)
        var out = Set<String>()
        for (name, group) in index where !out.contains(group.canonical) && f.contains(name) {
            if name.unicodeScalars.first.map(isLatin) == true, !onWordBoundaries(name, in: f) { continue }
            out.insert(group.canonical)
        }
        return out
    }

    static func isLatin(_ c: Unicode.Scalar) -> Bool { c.isASCII && c.properties.isAlphabetic }

    /// True when `name` occurs in `text` with no Latin letter or digit right before or after it.
    static func onWordBoundaries(_ name: String, in text: String) -> Bool {
        var searchStart = text.startIndex
        while let r = text.range(of: name, range: searchStart..<text.endIndex) {
            let before = r.lowerBound == text.startIndex ? nil : text.unicodeScalars[text.unicodeScalars.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text.unicodeScalars[r.upperBound]
            let joins = { (c: Unicode.Scalar?) in c.map { isLatin($0) || ($0.value >= 48 && $0.value <= 57) } ?? false }
            if !joins(before), !joins(after) { return true }
            searchStart = text.index(after: r.lowerBound)
        }
        return false
    }
}
