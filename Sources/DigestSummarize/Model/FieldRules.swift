import DigestCore
import DigestLanguage
import Foundation

/// The checks a field of a model's answer passes besides its numbers: no links or markup, the
/// digest's language, a length a card can show whole, and no name the source does not give.
enum FieldRules {
    /// Size in words: Latin words, and Han characters two to a word.
    static func size(_ text: String) -> Int {
        var words = 0, han = 0, inWord = false
        for c in text.unicodeScalars {
            if Simplified.isCJK(c) {
                han += 1
                inWord = false
            } else if c.properties.isAlphabetic || (c.value >= 48 && c.value <= 57) {
                if !inWord { words += 1 }
                inWord = true
            } else {
                inWord = false
            }
        }
        return words + (han + 1) / 2
    }

    /// Why `text` cannot be shown as written, or nil.
    static func problem(_ text: String, language: String, maxWords: Int) -> String? {
        let lower = text.lowercased()
        if ["http://", "https://", "www.", "](", "{{", "javascript:"].contains(where: lower.contains)
            || text.range(of: "<[a-zA-Z/!]", options: .regularExpression) != nil {
            return "it holds a link or markup"
        }
        let code = TextLanguage.code(text)
        if language == "zh", code != "zh" { return "it is not in Chinese" }
        if language != "zh", code == "zh" { return "it is not in English" }
        let n = size(text)
        if n > maxWords { return "it is \(n) words long (at most \(maxWords))" }
        if n < 3 { return "it is too short to say anything" }
        return nil
    }

    /// Names in `text` (words with inner capitals or digits, and capitalised words inside an English
    /// sentence) that `source` does not give, as itself, as a subject it mentions, or as a concept of
    /// the glossary. `titleCase`: a headline's capitals are style, so only the first kind count.
    static func unknownNames(_ text: String, source: Source) -> [String] {
        // Latin words only, split from Han text around them ("OpenAI发布" gives "OpenAI").
        let tokens = text.split { !(($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "." || $0 == "'" || $0 == "’") }
            .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".-'’")) }
            .map { $0.hasSuffix("'s") || $0.hasSuffix("’s") ? String($0.dropLast(2)) : $0 }
            .filter { !$0.isEmpty }
        let capitals = tokens.filter { $0.first?.isUppercase == true && $0.count >= 4 }
        let titleCase = capitals.count * 2 >= tokens.filter { $0.count >= 4 }.count && capitals.count >= 3
        var out: [String] = []
        for (i, t) in tokens.enumerated() {
            let letters = t.filter(\.isLetter)
            guard !letters.isEmpty, t.first?.isNumber == false else { continue }  // "4x", "12.96T": the number check's
            let inner = letters.dropFirst().contains(where: \.isUppercase) && !letters.allSatisfy(\.isUppercase)
            let mixed = t.contains(where: \.isNumber)
            let acronym = letters.count >= 2 && letters.allSatisfy(\.isUppercase)
            let capitalised = t.first?.isUppercase == true && i > 0 && !titleCase && !sentenceStart(text, token: t)
            guard inner || mixed || acronym || capitalised else { continue }
            if generic.contains(t) || generic.contains(t.lowercased()) || source.gives(t) { continue }
            if !out.contains(t) { out.append(t) }
        }
        return out
    }

    /// True when `token` first appears right after a sentence end (". Token").
    static func sentenceStart(_ text: String, token: String) -> Bool {
        guard let r = text.range(of: token) else { return false }
        let before = text[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
        return before.isEmpty || before.hasSuffix(".") || before.hasSuffix(":") || before.hasSuffix("—") || before.hasSuffix("\"")
    }

    /// Capitalised words every English text may use.
    static let generic: Set<String> = [
        "AI", "API", "APIs", "US", "U.S", "UK", "EU", "LLM", "LLMs", "GPU", "GPUs", "CPU", "CEO", "CTO", "CFO", "USD", "CNY", "RMB",
        "WoW", "MoM", "YoY", "QoQ", "DoD", "SaaS", "B2B", "B2C", "IPO", "R&D", "TL", "DR", "OK", "I", "AGI", "ROI", "SDK", "SDKs",
        "china", "chinese", "american", "america", "english", "european", "europe", "asia", "asian", "western",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    /// What a source gives, for the name check.
    struct Source {
        let lowered: String
        let subjects: Set<String>
        let concepts: Set<String>
        let lookup: SubjectLookup

        init(_ texts: [String], subjects lookup: SubjectLookup) {
            let all = texts.joined(separator: "\n")
            lowered = all.lowercased()
            subjects = lookup.mentioned(all)
            concepts = Grounding.concepts(all, subjects: lookup)
            self.lookup = lookup
        }

        func gives(_ name: String) -> Bool {
            let l = name.lowercased()
            if lowered.contains(l) { return true }
            if let c = lookup.canonical(name), subjects.contains(c) { return true }
            if let g = Glossary.shared.concept(ofWord: l), concepts.contains("g:" + g) { return true }
            return false
        }
    }
}
