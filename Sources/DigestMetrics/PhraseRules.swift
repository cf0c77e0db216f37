import DigestCore

/// Metrics written without digits: "doubled", "翻了一番", "sevenfold", "five consecutive weeks",
/// "ranked second", "topped the list", "位居榜首".
///
/// Every phrase is expanded once into a table and found in one pass over the text through an
/// index by first scalar, so the cost is linear in the text.
enum PhraseRules {
    enum Kind { case fold, times, streak(MetricPeriod), ofTop, rank, share }

    struct Phrase {
        let scalars: [Unicode.Scalar]
        let value: Double
        let kind: Kind
        let rule: String
    }

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
        ("翻了一番", 2), ("翻一番", 2), ("翻番", 2), ("翻倍", 2), ("翻了一倍", 2), ("翻了两番", 4), ("doubled", 2),
        ("tripled", 3), ("quadrupled", 4), ("more than double", 2), ("doubling", 2), ("will double", 2),
    ]
    static let streakUnits: [(String, MetricPeriod)] = [
        ("consecutive weeks", .week), ("straight weeks", .week), ("weeks in a row", .week), ("weeks running", .week),
        ("consecutive months", .month), ("straight months", .month), ("months in a row", .month),
        ("consecutive days", .day), ("days in a row", .day),
    ]

    static let table: [Phrase] = {
        var t: [Phrase] = []
        func add(_ text: String, _ value: Double, _ kind: Kind, _ rule: String) {
            t.append(Phrase(scalars: text.unicodeScalars.map(ScalarText.fold), value: value, kind: kind, rule: rule))
        }
        for (w, v) in folds { add(w, v, .fold, "phrase.fold") }
        for (w, v) in cardinals {
            add(w + "fold", v, .fold, "phrase.n-fold")
            add(w + "-fold", v, .fold, "phrase.n-fold")
            if v > 1 { add(w + " times", v, .times, "phrase.n-times") }
            add(w + " of the top", v, .ofTop, "phrase.n-of-top")
            for (u, p) in streakUnits { add(w + " " + u, v, .streak(p), "phrase.streak") }
        }
        for (w, v) in ordinals {
            for phrase in ["ranked " + w, "ranks " + w, w + " place", w + "-place", "ranking " + w, w + " position",
                           w + " spot"] {
                add(phrase, v, .rank, "phrase.ordinal")
            }
        }
        for phrase in ["topped the", "top spot", "榜首", "number one", "no. one", "登顶"] { add(phrase, 1, .rank, "phrase.top") }
        // Fractions as shares: "三分之二" 66.67, "two thirds" 66.67, "四分之一" 25.
        let zhDigits = ["一": 1.0, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]
        for (den, d) in zhDigits where d > 1 {
            for (num, n) in zhDigits where n < d && num != "两" {
                add(den + "分之" + num, (n / d * 10000).rounded() / 100, .share, "phrase.fraction")
            }
        }
        for (w, n) in [("one", 1.0), ("two", 2), ("three", 3)] {
            for (dw, d) in [("third", 3.0), ("quarter", 4), ("fifth", 5)] where n < d {
                add(w + " " + dw + (n > 1 ? "s" : ""), (n / d * 10000).rounded() / 100, .share, "phrase.fraction")
            }
        }
        add("half of", 50, .share, "phrase.fraction")
        add("一半", 50, .share, "phrase.fraction")
        // Compound cardinals: "twenty five times".
        for (tens, tv) in [("twenty", 20.0), ("thirty", 30), ("forty", 40), ("fifty", 50)] {
            for (unit, uv) in [("one", 1.0), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7),
                               ("eight", 8), ("nine", 9)] {
                for sep in [" ", "-"] { add(tens + sep + unit + " times", tv + uv, .times, "phrase.n-times") }
            }
        }
        // Longest first, so "more than double" wins over "double…" at the same place.
        return t.sorted { $0.scalars.count > $1.scalars.count }
    }()

    static let byFirst = ScalarIndex(table) { $0.scalars[0] }

    static func metrics(in t: ScalarText, range: Range<Int>, lexicon: Lexicon, weeklyText: Bool) -> [TokenMetric] {
        var out: [TokenMetric] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let candidates = byFirst.range(for: t.folded[i])
            guard !candidates.isEmpty, i == 0 || !Words.isWordChar(t.folded[i - 1]) || !Words.isWordChar(t.folded[i])
            else { i += 1; continue }
            var matched: Phrase?
            for c in candidates where t.matches(byFirst.values[c].scalars, at: i) {
                let p = byFirst.values[c]
                let end = i + p.scalars.count
                if Words.isWordChar(p.scalars[p.scalars.count - 1]), end < t.count, Words.isWordChar(t.folded[end]) { continue }
                matched = p
                break
            }
            guard let p = matched else { i += 1; continue }
            let end = i + p.scalars.count
            var applies = TokenContext.covers(t, at: i, lexicon)
                && !Words.containsAny(t.window(t.clauseStart(before: i), i), lexicon.hypothetical)
            if applies, case .share = p.kind {
                // "三分之二" counts only as a share of something measured in tokens.
                let clause = t.window(t.clauseStart(before: i), t.clauseEnd(after: end))
                applies = Words.containsAny(clause, lexicon.tokenNouns + ["调用", "用量", "usage", "份额", "share", "占"])
                    && !Words.containsAny(clause, lexicon.shareNegatives)
            }
            if applies {
                out.append(metric(p, at: i, end: end, in: t, lexicon: lexicon, weeklyText: weeklyText))
            }
            i = end
        }
        return out
    }

    static func metric(_ p: Phrase, at i: Int, end: Int, in t: ScalarText, lexicon: Lexicon, weeklyText: Bool) -> TokenMetric {
        let text = t.slice(i, end)
        switch p.kind {
        case .fold:
            let period = p.rule == "phrase.fold"
                ? Periods.growth(t.window(i, t.clauseEnd(after: i)), lexicon, weeklyText: weeklyText) : nil
            return TokenMetric(text: text, quantity: .multiple, value: p.value, unit: .x, period: period, direction: .up,
                               offset: i, rule: p.rule)
        case .times:
            return TokenMetric(text: text, quantity: .multiple, value: p.value, unit: .x, offset: i, rule: p.rule)
        case .streak(let period):
            return TokenMetric(text: text, quantity: .count, value: p.value, unit: .count, period: period, offset: i,
                               rule: p.rule)
        case .ofTop:
            return TokenMetric(text: text, quantity: .count, value: p.value, unit: .count, offset: i, rule: p.rule)
        case .rank:
            return TokenMetric(text: text, quantity: .rank, value: p.value, unit: .rank, offset: i, rule: p.rule)
        case .share:
            return TokenMetric(text: text, quantity: .share, value: p.value, unit: .percent, offset: i, rule: p.rule)
        }
    }
}
