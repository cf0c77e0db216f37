/// A language code from the text itself (Han vs Latin letters), or from `lang` attributes.
public enum LanguageGuess {
    /// `zh` when Han characters dominate, `ja` with kana, else `en` for Latin text; nil for no letters.
    public static func code(for text: String) -> String? {
        var han = 0, kana = 0, latin = 0
        for s in text.unicodeScalars.prefix(4000) {
            let v = s.value
            if (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) { han += 1 } else if (0x3040...0x30FF).contains(v) {
                kana += 1
            } else if (65...90).contains(v) || (97...122).contains(v) { latin += 1 }
        }
        if kana > 20 { return "ja" }
        if han * 3 >= latin && han > 0 { return "zh" }
        return latin > 0 ? "en" : nil
    }

    /// `zh-CN` → `zh-CN` kept as given, trimmed; empty → nil handled by callers.
    static func normalize(_ lang: String) -> String {
        lang.trimmingCharacters(in: .whitespaces)
    }
}
