/// The language of a text, judged from its script: the one detector used by extraction,
/// summaries and cards.
///
/// Up to `window` Unicode scalars are counted: Han characters (U+4E00–9FFF and extension A),
/// kana and ASCII letters. More than 20 kana make it `ja`; Han characters at least a third as
/// many as the Latin letters make it `zh`; any Latin letter makes it `en`; no letter at all
/// gives nil.
public enum TextLanguage {
    /// Scalars looked at; the rest of a long text does not change the verdict in practice.
    public static let window = 4000

    /// The language of the text, or nil when it has no letters.
    public static func code(_ text: String) -> String? { code(text, "") }

    /// The language of `title + " " + body`, without joining them.
    public static func code(_ title: String, _ body: String) -> String? {
        var han = 0, kana = 0, latin = 0, seen = 0
        func count(_ s: String) {
            for sc in s.unicodeScalars {
                guard seen < window else { return }
                seen += 1
                let v = sc.value
                if (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) {
                    han += 1
                } else if (0x3040...0x30FF).contains(v) {
                    kana += 1
                } else if (65...90).contains(v) || (97...122).contains(v) {
                    latin += 1
                }
            }
        }
        count(title)
        if !body.isEmpty {
            seen += 1  // the joining space
            count(body)
        }
        if kana > 20 { return "ja" }
        if han * 3 >= latin && han > 0 { return "zh" }
        return latin > 0 ? "en" : nil
    }

    /// `code`, with English for text without letters (a card needs some language).
    public static func detect(_ title: String, _ body: String = "") -> String { code(title, body) ?? "en" }
}
