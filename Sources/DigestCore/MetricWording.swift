/// How a card prints metrics in the digest's language: "27T tokens, +18.9% WoW" in English,
/// "27万亿Token，周环比+18.9%" in Chinese. Values are printed as stated (`NumberFormat.plain`).
public struct MetricWording: Sendable, Equatable {
    /// `en` or `zh`.
    public let language: String

    /// Wording for a digest language; anything but `zh` reads English.
    public init(language: String) {
        self.language = language == "zh" ? "zh" : "en"
    }

    /// Whether the wording is Chinese.
    public var zh: Bool { language == "zh" }

    /// Between the parts of a line: ", " or "，".
    public var separator: String { zh ? "，" : ", " }

    /// "Label: body" / "标签：正文".
    public func labelled(_ label: String, _ body: String) -> String { zh ? "\(label)：\(body)" : "\(label): \(body)" }

    /// A token count without its unit: "27T" / "27万亿".
    public func amount(_ v: Double) -> String {
        guard zh else { return NumberFormat.tokens(v) }
        for (div, suffix) in [(1e12, "万亿"), (1e8, "亿"), (1e4, "万")] where v >= div {
            return NumberFormat.plain(v / div) + suffix
        }
        return NumberFormat.plain(v)
    }

    /// "27T tokens" / "27万亿Token", with the window when given: "30T tokens/day" / "30万亿Token/日".
    public func tokens(_ v: Double, per period: MetricPeriod? = nil) -> String {
        amount(v) + (zh ? "Token" : " tokens") + perPeriod(period)
    }

    /// "/day" / "/日".
    public func perPeriod(_ p: MetricPeriod?) -> String {
        guard let p else { return "" }
        return "/" + (zh ? Self.zhPeriods[p]! : p.rawValue)
    }

    /// "+18.9% WoW" / "周环比+18.9%"; without a basis "+80%".
    public func growth(_ m: TokenMetric) -> String {
        let signed = (m.direction == .down ? "-" : "+") + NumberFormat.plain(m.value) + "%"
        guard let p = m.period else { return signed }
        return zh ? Self.zhBasis[p]! + signed : signed + " " + (NumberFormat.changeBasis(p) ?? "")
    }

    /// "$0.28 per M input tokens" / "$0.28/百万输入Token".
    public func price(_ m: TokenMetric) -> String {
        let cur = m.unit == .usdPerMtok ? "$" : "¥"
        guard zh else { return NumberFormat.price(m) }
        let side = m.side.map { Self.zhSides[$0]! } ?? ""
        return "\(cur)\(NumberFormat.plain(m.value))/百万\(side)Token"
    }

    /// "12% share" / "份额12%".
    public func share(_ v: Double) -> String { zh ? "份额\(NumberFormat.plain(v))%" : "\(NumberFormat.plain(v))% share" }

    /// "4x" / "4倍"; a multiple that is growth: "4x growth" / "增长4倍".
    public func multiple(_ m: TokenMetric) -> String {
        let x = NumberFormat.plain(m.value)
        if m.direction == .up { return zh ? "增长\(x)倍" : "\(x)x growth" }
        return zh ? "\(x)倍" : "\(x)x"
    }

    /// "#1 for 5 weeks running" / "连续5周排名第1"; either part alone.
    public func rank(_ rank: Double?, streak: TokenMetric?) -> String {
        let r = rank.map(NumberFormat.plain), n = streak.map { NumberFormat.plain($0.value) }
        let unit = streak?.period.map { zh ? Self.zhStreakUnits[$0]! : $0.rawValue + "s" } ?? ""
        switch (r, n) {
        case let (r?, n?): return zh ? "连续\(n)\(unit)排名第\(r)" : "#\(r) for \(n) \(unit) running"
        case let (r?, nil): return zh ? "排名第\(r)" : "#\(r)"
        case let (nil, n?): return zh ? "连续\(n)\(unit)" : "\(n) \(unit) running"
        case (nil, nil): return ""
        }
    }

    /// The span of a streak: "5 weeks" / "5周".
    public func span(_ streak: TokenMetric) -> String {
        let n = NumberFormat.plain(streak.value)
        guard let p = streak.period else { return n }
        return zh ? n + Self.zhStreakUnits[p]! : "\(n) \(p.rawValue)" + (streak.value == 1 ? "" : "s")
    }

    /// "output" / "输出".
    public func side(_ s: PriceSide) -> String { zh ? Self.zhSides[s]! : (s == .cached ? "cached input" : s.rawValue) }

    /// A derived ratio with its inputs: "≈4.3x (12.96T / 3.03T)" / "≈4.3倍（12.96万亿 / 3.03万亿）".
    public func ratio(_ r: Double, _ a: Double, _ b: Double) -> String {
        zh ? "≈\(NumberFormat.plain(r))倍（\(amount(a)) / \(amount(b))）" : "≈\(NumberFormat.plain(r))x (\(amount(a)) / \(amount(b)))"
    }

    /// A metric's value alone, as the recap table prints it.
    public func value(_ m: TokenMetric) -> String {
        switch m.quantity {
        case .tokenVolume: return tokens(m.value)
        case .tokenPrice: return price(m)
        case .growth: return (m.direction == .down ? "-" : "+") + NumberFormat.plain(m.value) + "%"
        case .share: return NumberFormat.plain(m.value) + "%"
        case .multiple: return NumberFormat.plain(m.value) + (zh ? "倍" : "x")
        case .rank: return zh ? "第" + NumberFormat.plain(m.value) : "#" + NumberFormat.plain(m.value)
        case .count: return NumberFormat.plain(m.value)
        }
    }

    /// "token volume" / "Token 用量".
    public func quantityName(_ q: MetricQuantity) -> String {
        zh ? Self.zhQuantities[q]! : q.rawValue.replacingOccurrences(of: "_", with: " ")
    }

    /// "week" / "周".
    public func periodName(_ p: MetricPeriod) -> String { zh ? Self.zhPeriods[p]! : p.rawValue }

    static let zhPeriods: [MetricPeriod: String] = [.day: "日", .week: "周", .month: "月", .quarter: "季度", .year: "年"]
    static let zhStreakUnits: [MetricPeriod: String] = [.day: "天", .week: "周", .month: "个月", .quarter: "个季度", .year: "年"]
    static let zhBasis: [MetricPeriod: String] = [.day: "日环比", .week: "周环比", .month: "月环比", .quarter: "季度环比", .year: "同比"]
    static let zhSides: [PriceSide: String] = [.input: "输入", .output: "输出", .cached: "缓存输入"]
    static let zhQuantities: [MetricQuantity: String] = [.tokenVolume: "Token 用量", .tokenPrice: "Token 价格", .growth: "增长",
                                                         .share: "份额", .multiple: "倍数", .rank: "排名", .count: "计数"]
}

/// How a metric's subject is named in the digest's language. DigestMetrics' alias table gives the
/// real one (`SubjectNames.naming`: 中国模型 → "Chinese models"); `asWritten` prints the subject
/// as the source wrote it, "global" as "Global total" / "全球总量".
public struct SubjectNaming: Sendable {
    /// The display name of a subject in a language; nil when it has none there.
    public var display: @Sendable (_ subject: String, _ language: String) -> String?
    /// The short name of a rival in a comparison ("US" in "top US for 5 weeks").
    public var short: @Sendable (_ subject: String, _ language: String) -> String?

    /// Creates a naming.
    public init(display: @escaping @Sendable (String, String) -> String?,
                short: @escaping @Sendable (String, String) -> String?) {
        self.display = display
        self.short = short
    }

    /// Subjects as written.
    public static let asWritten = SubjectNaming(
        display: { s, lang in s == "global" ? (lang == "zh" ? "全球总量" : "Global total") : s },
        short: { s, lang in s == "global" ? (lang == "zh" ? "全球" : "global") : s })
}

/// Which subjects a text mentions, by canonical name ("China" for 国产模型 and for "Chinese models"):
/// what a text in one language can share with a text in another. Given to the card writer's checks
/// by the pipeline (the alias table lives with the metrics).
public struct SubjectLookup: Sendable {
    /// Canonical names of the subjects `text` mentions.
    public var mentioned: @Sendable (_ text: String) -> Set<String>
    /// The canonical name of one name, nil when it is no known subject.
    public var canonical: @Sendable (_ name: String) -> String?

    /// Creates a lookup.
    public init(mentioned: @escaping @Sendable (String) -> Set<String>, canonical: @escaping @Sendable (String) -> String?) {
        self.mentioned = mentioned
        self.canonical = canonical
    }

    /// No subjects known.
    public static let none = SubjectLookup(mentioned: { _ in [] }, canonical: { _ in nil })
}
