/// How long a sentence is against a TL;DR budget.
enum ReadingBudget {
    /// Budget units of a sentence: words for English, non-space characters for Chinese.
    static func length(_ s: String, language: String) -> Int {
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
