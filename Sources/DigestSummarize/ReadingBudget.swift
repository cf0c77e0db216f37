/// How long a sentence is against a TL;DR budget.
enum ReadingBudget {
    /// Budget units of a sentence: words for English, non-space characters for Chinese.
    static func length(_ s: String, language: String) -> Int {
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
