/// `zh` or `en` for a text, by the share of Han characters.
public enum TextLanguage {
    /// The text's language, `zh` when Han characters outnumber a third of the Latin letters.
    public static func detect(_ text: String) -> String {
        var han = 0, latin = 0
        for s in text.unicodeScalars.prefix(3000) {
            let v = s.value
            if (0x4E00...0x9FFF).contains(v) { han += 1 } else if (65...90).contains(v) || (97...122).contains(v) { latin += 1 }
        }
        return han * 3 >= latin && han > 0 ? "zh" : "en"
    }

    /// Budget units of a sentence: words for English, non-space characters for Chinese.
    public static func length(_ s: String, language: String) -> Int {
        language == "zh" ? s.unicodeScalars.filter { !$0.properties.isWhitespace }.count
            : s.split(whereSeparator: { $0.isWhitespace }).count
    }
}
