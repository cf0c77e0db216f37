import DigestCore

/// Metrics written without digits: "doubled", "翻了一番", "sevenfold", "five consecutive weeks",
/// "ranked second", "topped the list", "位居榜首".
enum PhraseRules {
    static let cardinals: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
        "a hundred": 100, "a thousand": 1000, "thousand": 1000,
    ]
    static let ordinals: [String: Double] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10,
    ]
    static let folds: [(String, Double)] = [
        ("翻一番", 2), ("翻番", 2), ("翻倍", 2), ("翻了一倍", 2), ("翻了两番", 4), ("doubled", 2),
        ("tripled", 3), ("quadrupled", 4), ("more than double", 2), ("doubling", 2), ("will double", 2), ("翻了一番", 2),
    ]

    static func metrics(in t: ScalarText, lexicon: Lexicon, weeklyText: Bool) -> [TokenMetric] {
        let all = t.window(0, t.count)
        var out: [TokenMetric] = []
        func tokenRelated(_ at: Int) -> Bool { TokenContext.covers(t, at: at, lexicon) }
        func occurrences(_ word: String) -> [Int] {
            var res: [Int] = []
            var from = 0
            let w = Array(word.unicodeScalars)
            while from + w.count <= t.count {
                if t.matches(w, at: from) {
                    let okStart = !Words.isWordChar(w[0]) || from == 0 || !Words.isWordChar(t.folded[from - 1])
                    let endI = from + w.count
                    let okEnd = !Words.isWordChar(w[w.count - 1]) || endI >= t.count || !Words.isWordChar(t.folded[endI])
                    if okStart && okEnd { res.append(from) }
                    from += w.count
                } else {
                    from += 1
                }
            }
            return res
        }
        guard Words.containsAny(all, lexicon.tokenContext) else { return [] }
        for (word, value) in folds {
            for at in occurrences(word) where tokenRelated(at) {
                let window = t.window(at, t.clauseEnd(after: at))
                out.append(TokenMetric(text: t.slice(at, at + word.unicodeScalars.count), quantity: .multiple, value: value,
                                       unit: .x, period: Periods.growth(window, lexicon, weeklyText: weeklyText),
                                       direction: .up, offset: at, rule: "phrase.fold"))
            }
        }
        for (word, value) in cardinals {
            for suffix in ["fold", "-fold"] {
                for at in occurrences(word + suffix) where tokenRelated(at) {
                    out.append(TokenMetric(text: t.slice(at, at + (word + suffix).unicodeScalars.count), quantity: .multiple,
                                           value: value, unit: .x, direction: .up, offset: at, rule: "phrase.n-fold"))
                }
            }
            for unit in ["consecutive weeks", "straight weeks", "weeks in a row", "weeks running", "consecutive months",
                         "straight months", "months in a row", "consecutive days", "days in a row"] {
                for at in occurrences(word + " " + unit) where tokenRelated(at) || true {
                    let p: MetricPeriod = unit.contains("week") ? .week : unit.contains("month") ? .month : .day
                    out.append(TokenMetric(text: t.slice(at, at + (word + " " + unit).unicodeScalars.count), quantity: .count,
                                           value: value, unit: .count, period: p, offset: at, rule: "phrase.streak"))
                }
            }
            for at in occurrences(word + " times") where tokenRelated(at) && value > 1 {
                out.append(TokenMetric(text: t.slice(at, at + (word + " times").unicodeScalars.count), quantity: .multiple,
                                       value: value, unit: .x, offset: at, rule: "phrase.n-times"))
            }
            for at in occurrences(word + " of the top") where tokenRelated(at) {
                out.append(TokenMetric(text: t.slice(at, at + word.unicodeScalars.count), quantity: .count, value: value,
                                       unit: .count, offset: at, rule: "phrase.n-of-top"))
            }
        }
        for (word, value) in ordinals {
            for phrase in ["ranked " + word, "ranks " + word, word + " place", word + "-place", "ranking " + word,
                           word + " position", word + " spot"] {
                for at in occurrences(phrase) where tokenRelated(at) {
                    out.append(TokenMetric(text: t.slice(at, at + phrase.unicodeScalars.count), quantity: .rank, value: value,
                                           unit: .rank, offset: at, rule: "phrase.ordinal"))
                }
            }
        }
        for phrase in ["topped the", "top spot", "榜首", "number one", "no. one", "登顶"] {
            for at in occurrences(phrase) where tokenRelated(at) {
                out.append(TokenMetric(text: t.slice(at, at + phrase.unicodeScalars.count), quantity: .rank, value: 1,
                                       unit: .rank, offset: at, rule: "phrase.top"))
            }
        }
        return out
    }
}
