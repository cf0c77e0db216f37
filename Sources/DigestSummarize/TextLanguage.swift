/// `zh` or `en` for a text, by the share of Han characters.
public enum TextLanguage {
    /// The text's language, `zh` when Han characters outnumber a third of the Latin letters.
    public static func detect(_ text: String) -> String { detect(text, "") }

    /// The language of `title + " " + body` without joining them.
    public static func detect(_ title: String, _ body: String) -> String {
        var han = 0, latin = 0, seen = 0
        func count(_ s: String) {
            for sc in s.unicodeScalars {
                guard seen < 3000 else { return }
                seen += 1
                let v = sc.value
                if v >= 0x4E00 && v <= 0x9FFF { han += 1 } else if (65...90).contains(v) || (97...122).contains(v) { latin += 1 }
            }
        }
        count(title)
        if !body.isEmpty {
            seen += 1  // the joining space
            count(body)
        }
        return han * 3 >= latin && han > 0 ? "zh" : "en"
    }

    /// Budget units of a sentence: words for English, non-space characters for Chinese.
    public static func length(_ s: String, language: String) -> Int {
        if language != "zh", !s.utf8.contains(where: { $0 >= 0x80 }) {  // ASCII: count words on bytes
            var count = 0, inWord = false
            for b in s.utf8 {
                let space = b == 32 || (b >= 9 && b <= 13)
                if !space && !inWord { count += 1 }
                inWord = !space
            }
            return count
        }
        var count = 0, inWord = false
        for sc in s.unicodeScalars {
            let space = SentenceSplitter.isSpace(sc)
            if language == "zh" {
                if !space { count += 1 }
            } else if !space && !inWord {
                count += 1
            }
            inWord = !space
        }
        return count
    }
}
