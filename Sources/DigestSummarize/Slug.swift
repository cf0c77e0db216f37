/// File-name-safe slugs from titles: letters and digits of any script (Chinese kept), runs of
/// anything else become one "-", at most 60 characters, plus the card id's first 6 hex digits
/// so two titles never collide. No "/", "\", "..", or leading dot can survive.
public enum Slug {
    /// `china-ai-models-surge-31-top-us-5-weeks-1a2b3c`.
    public static func make(title: String, id: String) -> String {
        var out = ""
        var dash = false
        for ch in title.lowercased() {
            if ch.isLetter || ch.isNumber, !ch.unicodeScalars.contains(where: { $0.properties.isDefaultIgnorableCodePoint }) {
                if dash, !out.isEmpty { out.append("-") }
                out.append(ch)
                dash = false
            } else {
                dash = true
            }
            if out.count >= 60 { break }
        }
        let suffix = String(id.prefix(6))
        return out.isEmpty ? suffix : out + "-" + suffix
    }
}
