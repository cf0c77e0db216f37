/// Counted nouns in messages and pages: "1 source", "2 sources"; in Chinese the number and its
/// measure word ("3 个来源"), which do not change with the count.
public enum Plural {
    /// "1 card", "2 cards"; `plural` for irregular nouns ("story" → "stories" is derived).
    public static func count(_ n: Int, _ singular: String, plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? form(singular))
    }

    /// The plural of an English noun, or of the last word of a phrase ("article page" → "article pages").
    public static func form(_ singular: String) -> String {
        if singular.hasSuffix("y"), let before = singular.dropLast().last, !"aeiou".contains(before) {
            return singular.dropLast() + "ies"
        }
        if singular.hasSuffix("s") || singular.hasSuffix("x") || singular.hasSuffix("ch") || singular.hasSuffix("sh") {
            return singular + "es"
        }
        return singular + "s"
    }

    /// A count with a label pair from labels.yaml: `one` for 1 (English), else `other`. A Chinese
    /// label is a measure word and noun ("个来源") written right after the number.
    public static func labelled(_ n: Int, one: String?, other: String) -> String {
        let word = n == 1 ? (one ?? other) : other
        let joined = word.unicodeScalars.first.map { $0.properties.isIdeographic || $0.value >= 0x3000 } ?? false
        return joined ? "\(n)\(word)" : "\(n) \(word)"
    }
}
