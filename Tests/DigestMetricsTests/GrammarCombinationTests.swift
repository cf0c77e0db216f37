import DigestCore
import DigestMetrics
import Testing

/// The price and volume grammar on generated combinations (seeded, the same every run): every
/// currency × amount × unit form × side × order × script, and every number × magnitude × token
/// noun × window, in sentences we compose. Each must give exactly the one metric composed, with
/// its value, unit, side and period.
struct GrammarCombinationTests {
    struct Currency {
        let before: String, after: String, unit: MetricUnit, factor: Double
    }

    static let currencies = [
        Currency(before: "$", after: "", unit: .usdPerMtok, factor: 1),
        Currency(before: "US$", after: "", unit: .usdPerMtok, factor: 1),
        Currency(before: "", after: " USD", unit: .usdPerMtok, factor: 1),
        Currency(before: "", after: " dollars", unit: .usdPerMtok, factor: 1),
        Currency(before: "", after: " cents", unit: .usdPerMtok, factor: 0.01),
        Currency(before: "", after: "¢", unit: .usdPerMtok, factor: 0.01),
        Currency(before: "¥", after: "", unit: .cnyPerMtok, factor: 1),
        Currency(before: "", after: "元", unit: .cnyPerMtok, factor: 1),
        Currency(before: "", after: " 元", unit: .cnyPerMtok, factor: 1),
        Currency(before: "", after: " yuan", unit: .cnyPerMtok, factor: 1),
        Currency(before: "", after: "美元", unit: .usdPerMtok, factor: 1),
    ]

    /// English units after the amount: text with {side} where a side word may go, tokens priced.
    static let englishUnits: [(String, Double)] = [
        ("/M{side}", 1e6), ("/1M{side}", 1e6), ("/MTok{side}", 1e6), ("/1M{side} tokens", 1e6), (" per million{side} tokens", 1e6),
        (" per 1M{side} tokens", 1e6), (" per 1 million{side} tokens", 1e6), (" per one million{side} tokens", 1e6),
        (" per M{side} tokens", 1e6), (" / 1M{side} tokens", 1e6), (" per 1,000{side} tokens", 1e3), (" per 1K{side} tokens", 1e3),
        ("/1K{side} tokens", 1e3), (" per thousand{side} tokens", 1e3), (" per 100{side} tokens", 100), (" per{side} token", 1),
        (" per 1,000,000{side} tokens", 1e6),
    ]
    /// Chinese units after the amount.
    static let chineseUnitsAfter: [(String, Double)] = [
        ("/百万tokens", 1e6), ("/百万 Tokens", 1e6), ("/千tokens", 1e3), ("/千Token", 1e3), ("/百万", 1e6), ("/千", 1e3),
        ("/1M tokens", 1e6), ("/1K tokens", 1e3), ("/M Tokens", 1e6), ("/万tokens", 1e4),
    ]
    /// Chinese units before the amount: {side} where a side word may go.
    static let chineseUnitsBefore: [(String, Double)] = [
        ("每百万{side}tokens", 1e6), ("每百万{side} Token ", 1e6), ("每千{side}tokens", 1e3), ("每{side}100万个Token收费", 1e6),
        ("每百万个{side}Token的价格为", 1e6), ("每1M{side} tokens", 1e6),
    ]
    static let englishSides: [(String, PriceSide?)] = [("", nil), (" input", .input), (" output", .output), (" cached input", .cached)]
    static let chineseSides: [(String, PriceSide?)] = [("", nil), ("输入", .input), ("输出", .output)]
    static let amounts: [(String, Double)] = [("0.15", 0.15), ("2", 2), ("12.50", 12.5), ("0.0008", 0.0008), ("1,200", 1200), ("3", 3)]
    static let subjects = ["DeepSeek", "Gemini Flash", "The model", "豆包"]

    static func pick<T>(_ list: [T], _ rng: inout SplitMix) -> T { list[Int(rng.next() % UInt64(list.count))] }

    @Test func pricesInEveryFormGiveOneMetricWithItsValueAndSide() {
        var rng = SplitMix(seed: 2026)
        let recognizer = MetricRecognizer()
        var checked = 0
        for _ in 0..<4_000 {
            let currency = Self.pick(Self.currencies, &rng)
            let (amountText, amount) = Self.pick(Self.amounts, &rng)
            let money = currency.before + amountText + currency.after
            let chinese = rng.next() % 2 == 0
            let sentence: String, tokens: Double, side: PriceSide?
            if chinese {
                let (sideText, s) = Self.pick(Self.chineseSides, &rng)
                if rng.next() % 2 == 0 {
                    let (u, n) = Self.pick(Self.chineseUnitsBefore, &rng)
                    sentence = "\(Self.pick(Self.subjects, &rng))的价格为" + u.replacingOccurrences(of: "{side}", with: sideText) + money + "。"
                    tokens = n
                } else {
                    let (u, n) = Self.pick(Self.chineseUnitsAfter, &rng)
                    sentence = "\(Self.pick(Self.subjects, &rng))的\(sideText)价格为" + money + u + "。"
                    tokens = n
                }
                side = s
            } else {
                let (sideText, s) = Self.pick(Self.englishSides, &rng)
                let (u, n) = Self.pick(Self.englishUnits, &rng)
                sentence = "\(Self.pick(Self.subjects, &rng)) now charges " + money + u.replacingOccurrences(of: "{side}", with: sideText) + "."
                tokens = n
                side = s
            }
            let expected = amount * currency.factor * 1e6 / tokens
            let got = recognizer.metrics(in: sentence)
            checked += 1
            #expect(got.count == 1, "\(sentence): \(got.map { "\($0.quantity.rawValue) \($0.value)" })")
            guard let m = got.first else { continue }
            #expect(m.quantity == .tokenPrice && m.unit == currency.unit, "\(sentence)")
            #expect(abs(m.value - expected) <= 1e-9 * max(1, expected), "\(sentence): \(m.value) ≠ \(expected)")
            #expect(m.side == side, "\(sentence): side \(m.side.map(\.rawValue) ?? "none")")
        }
        #expect(checked == 4_000)
    }

    /// Two prices in one sentence each keep the side written nearest them, whichever order.
    @Test func eachPriceKeepsItsNearestSide() {
        var rng = SplitMix(seed: 7)
        let recognizer = MetricRecognizer()
        let forms: [(String, String) -> String] = [
            { "It costs \($0) per million input tokens and \($1) per million output tokens." },
            { "Pricing: \($0) input, \($1) output per 1M tokens." },
            { "Input is \($0)/M and output is \($1)/M." },
            { "\($0)/\($1) per million tokens (input/output)." },
            { "输入:每百万tokens \($0),输出:每百万tokens \($1)。" },
        ]
        for _ in 0..<1_000 {
            let a = Self.pick(Self.amounts.dropFirst(1).map { $0 }, &rng), b = Self.pick(Self.amounts, &rng)
            let form = Self.pick(forms, &rng)
            let sentence = form("$" + a.0, "$" + b.0)
            let got = recognizer.metrics(in: sentence).filter { $0.quantity == .tokenPrice }
            #expect(got.map(\.side) == [.input, .output], "\(sentence): \(got.map { $0.side?.rawValue ?? "none" })")
            #expect(got.map(\.value) == [a.1, b.1], "\(sentence)")
        }
    }

    static let magnitudes: [(String, Double)] = [
        ("T", 1e12), ("B", 1e9), (" trillion", 1e12), (" billion", 1e9), (" million", 1e6), ("万亿", 1e12), ("亿", 1e8),
        ("万", 1e4), (" quadrillion", 1e15),
    ]
    static let windows: [(String, MetricPeriod?)] = [
        ("", nil), (" per day", .day), (" a day", .day), (" daily", .day), (" per week", .week), (" weekly", .week),
        (" per month", .month), (" a month", .month), (" per year", .year),
    ]

    @Test func volumesInEveryFormGiveOneMetricWithItsWindow() {
        var rng = SplitMix(seed: 48)
        let recognizer = MetricRecognizer()
        let numbers: [(String, Double)] = [("27", 27), ("4.12", 4.12), ("1.3", 1.3), ("980", 980), ("12.96", 12.96)]
        let nouns = [" tokens", " Tokens", " Token", " tokens of usage"]
        for _ in 0..<3_000 {
            let (n, v) = Self.pick(numbers, &rng), (mag, mv) = Self.pick(Self.magnitudes, &rng)
            let chinese = mag.unicodeScalars.first!.value > 0x3000
            let sentence: String, period: MetricPeriod?
            if chinese {
                let zhWindows: [(String, MetricPeriod?)] = [("", nil), ("日均", .day), ("每周", .week), ("月均", .month)]
                let (w, p) = Self.pick(zhWindows, &rng)
                sentence = "\(Self.pick(Self.subjects, &rng))的\(w)Token调用量突破\(n)\(mag)。"
                period = p
            } else {
                let (w, p) = Self.pick(Self.windows, &rng)
                sentence = "\(Self.pick(Self.subjects, &rng)) processed \(n)\(mag)\(Self.pick(nouns, &rng))\(w)."
                period = p
            }
            let got = recognizer.metrics(in: sentence)
            #expect(got.count == 1, "\(sentence): \(got.map { "\($0.quantity.rawValue) \($0.value)" })")
            guard let m = got.first else { continue }
            #expect(m.quantity == .tokenVolume, "\(sentence)")
            #expect(abs(m.value - v * mv) <= 1e-6 * v * mv, "\(sentence): \(m.value)")
            #expect(m.period == period, "\(sentence): period \(m.period?.rawValue ?? "none")")
        }
    }

    /// Numbers that are not token volumes, in the same frames: context windows, parameters,
    /// quotas, thresholds, speeds, users.
    @Test func capacitiesQuotasAndOtherCountsAreNoVolumes() {
        var rng = SplitMix(seed: 9)
        let recognizer = MetricRecognizer()
        let frames = [
            "The model has a {n} token context window.", "It supports {n} tokens of context.", "Max output is {n} tokens.",
            "The free tier includes {n} tokens per day.", "Prompts over {n} tokens cost more when used.",
            "It has {n} parameters.", "The platform now has {n} users.", "它支持{n}上下文。", "免费额度为{n}tokens。",
            "Context window: {n} tokens.", "输入token超过{n}时价格翻倍。",
        ]
        let numbers = ["128K", "1M", "200,000", "2 million", "100万", "32K", "671B"]
        for _ in 0..<1_000 {
            let sentence = Self.pick(frames, &rng).replacingOccurrences(of: "{n}", with: Self.pick(numbers, &rng))
            let got = recognizer.metrics(in: sentence).filter { $0.quantity == .tokenVolume }
            #expect(got.isEmpty, "\(sentence): \(got.map { "\($0.value) \($0.text)" })")
        }
    }
}

/// Growth figures composed of a subject noun, a direction word, a percent and a basis, in both
/// scripts and both orders; and the same frames about revenue or users, which are no metric.
struct GrowthCombinationTests {
    @Test func growthGivesItsDirectionAndBasis() {
        var rng = SplitMix(seed: 31)
        let recognizer = MetricRecognizer()
        let up = ["rose", "grew", "jumped", "climbed", "increased"], down = ["fell", "dropped", "declined"]
        let bases: [(String, MetricPeriod?)] = [("", nil), (" week over week", .week), (" WoW", .week), (" month-over-month", .month),
                                                (" year over year", .year), (" YoY", .year), (" MoM", .month)]
        let zhBases: [(String, MetricPeriod?)] = [("", nil), ("周环比", .week), ("同比", .year), ("月环比", .month)]
        let values: [(String, Double)] = [("18.9", 18.9), ("31.48", 31.48), ("97", 97), ("5", 5)]
        for _ in 0..<2_000 {
            let (v, value) = GrammarCombinationTests.pick(values, &rng)
            let goesUp = rng.next() % 2 == 0
            let sentence: String, period: MetricPeriod?
            if rng.next() % 2 == 0 {
                let (b, p) = GrammarCombinationTests.pick(bases, &rng)
                let verb = GrammarCombinationTests.pick(goesUp ? up : down, &rng)
                let noun = GrammarCombinationTests.pick(["token usage", "token volume", "API prices", "the price per million tokens"], &rng)
                sentence = rng.next() % 2 == 0 ? "DeepSeek's \(noun) \(verb) \(v)%\(b)." : "Over the period, \(noun) \(verb) by \(v)%\(b) at DeepSeek."
                period = p
            } else {
                let (b, p) = GrammarCombinationTests.pick(zhBases, &rng)
                let verb = goesUp ? GrammarCombinationTests.pick(["上涨", "增长", "提升"], &rng) : GrammarCombinationTests.pick(["下降", "降低"], &rng)
                let noun = GrammarCombinationTests.pick(["Token调用量", "周调用量", "API价格"], &rng)
                sentence = "豆包的\(noun)\(b)\(verb)\(v)%。"
                period = p
            }
            let got = recognizer.metrics(in: sentence)
            #expect(got.count == 1, "\(sentence): \(got.map { "\($0.quantity.rawValue) \($0.value)" })")
            guard let m = got.first else { continue }
            #expect(m.quantity == .growth && m.value == value, "\(sentence)")
            #expect(m.direction == (goesUp ? .up : .down), "\(sentence)")
            #expect(m.period == period, "\(sentence): \(m.period?.rawValue ?? "none")")
        }
    }

    @Test func growthOfOtherThingsIsNoMetric() {
        var rng = SplitMix(seed: 32)
        let recognizer = MetricRecognizer()
        let nouns = ["annual recurring revenue", "ARR", "monthly active users", "capex", "revenue", "营收", "用户数", "资本支出", "估值"]
        for _ in 0..<600 {
            let noun = GrammarCombinationTests.pick(nouns, &rng)
            let sentence = noun.unicodeScalars.first!.value > 0x3000
                ? "该公司Token业务的\(noun)同比增长\(rng.next() % 90 + 5)%。"
                : "As token usage grew, the company's \(noun) rose \(rng.next() % 90 + 5)% year over year."
            let got = recognizer.metrics(in: sentence).filter { $0.quantity == .growth }
            #expect(got.isEmpty, "\(sentence): \(got.map { "\($0.value) \($0.text)" })")
        }
    }
}
