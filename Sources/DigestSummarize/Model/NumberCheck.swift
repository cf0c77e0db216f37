import DigestCore

/// Which numbers a model may write on a card. A number is allowed when it reads as (`WrittenNumber.reads`):
/// an extracted metric's value or a number in its text; that value rounded to fewer decimals at the
/// magnitude written (31.48 → 31.5 → 31, 12.96T → 13T); a number printed in the story's title, its
/// date, or the source sentences the field cites ("5 weeks", "11月17日"); or a figure derived from
/// two metrics (12.96T / 3.03T ≈ 4.3 → "4x"; a share, a change, a difference, a sum), which the card
/// then labels as derived. Chinese and English numerals and magnitudes are read alike
/// (27万亿 = 27T = 27 trillion). Anything else fails the field.
public struct NumberCheck: Sendable {
    /// A figure computed from two metrics and how.
    public struct Derivation: Sendable, Equatable {
        /// The value.
        public var value: Double
        /// How it was computed, e.g. "12.96T / 3.03T".
        public var formula: String
        /// How a writer must write it for it to count: a ratio as a multiple ("4x"), a share or a
        /// change as a percent, a difference or a sum as an amount ("9.93T") — so that a date that
        /// happens to equal some ratio is not taken for one.
        public var kind: WrittenNumber.Kind
    }

    /// What a text's numbers came to.
    public struct Verdict: Sendable, Equatable {
        /// Numbers nothing accounts for (empty: the text may be used).
        public var unsupported: [WrittenNumber]
        /// Numbers that are derivations, as notes ("4x ≈ 12.96T / 3.03T").
        public var derived: [String]
    }

    /// Values the card's own data prints.
    let direct: [Double]
    /// Figures computed from two metrics.
    let derivations: [Derivation]

    /// Metrics beyond this many are not paired for derivations (a table page's hundreds of rows).
    static let pairedMetrics = 40

    /// The check for a card with `metrics`, titled `titles` (its title, subtitle, source titles),
    /// published on `day` (`YYYY-MM-DD`); derivations are written in `language` ("12.96T" / "12.96万亿").
    public init(metrics: [TokenMetric], titles: [String], day: String, language: String = "en") {
        var direct = metrics.map(\.value)
        for m in metrics { direct += NumberReader.numbers(in: m.text) }
        for t in titles { direct += NumberReader.numbers(in: t) }
        direct += day.split(separator: "-").compactMap { Double($0) }
        self.direct = direct
        self.derivations = Self.derivations(Array(metrics.prefix(Self.pairedMetrics)), wording: MetricWording(language: language))
    }

    /// The verdict on `text` for a field citing `cited` source sentences.
    public func check(_ text: String, cited: [String]) -> Verdict {
        // A month named in a cited sentence may be written as its number ("December 1" → "12月1日").
        let sentenceNumbers = cited.flatMap { NumberReader.numbers(in: $0) + NumberReader.months(in: $0) }
        var unsupported: [WrittenNumber] = [], derived: [String] = []
        for n in NumberReader.read(text) {
            if direct.contains(where: n.reads) || sentenceNumbers.contains(where: n.reads) { continue }
            if let d = derivations.first(where: { $0.kind == n.kind && n.reads($0.value) }) {
                let note = "\(n.text) ≈ \(d.formula)"
                if !derived.contains(note) { derived.append(note) }
            } else {
                unsupported.append(n)
            }
        }
        return Verdict(unsupported: unsupported, derived: derived)
    }

    /// Ratios, shares, changes, differences and sums of two metrics in the same unit, and the
    /// fold a growth implies (+100% = 2x).
    static func derivations(_ metrics: [TokenMetric], wording: MetricWording) -> [Derivation] {
        func figure(_ m: TokenMetric) -> String { m.unit == .tokens ? wording.amount(m.value) : Self.figure(m) }
        var out: [Derivation] = []
        for m in metrics where m.quantity == .growth && m.unit == .percent && m.direction != .down {
            out.append(Derivation(value: 1 + m.value / 100, formula: "1 + \(figure(m))", kind: .multiple))
        }
        for (i, a) in metrics.enumerated() {
            for (j, b) in metrics.enumerated() where i != j && a.unit == b.unit && a.value > 0 && b.value > 0
                && [.tokens, .usdPerMtok, .cnyPerMtok, .count].contains(a.unit) && a.value != b.value {
                let fa = figure(a), fb = figure(b)
                out.append(Derivation(value: a.value / b.value, formula: "\(fa) / \(fb)", kind: .multiple))
                if a.value < b.value {
                    out.append(Derivation(value: a.value / b.value * 100, formula: "\(fa) / \(fb) × 100%", kind: .percent))
                    out.append(Derivation(value: (b.value - a.value) / b.value * 100, formula: "(\(fb) − \(fa)) / \(fb) × 100%",
                                          kind: .percent))
                } else {
                    out.append(Derivation(value: (a.value - b.value) / b.value * 100, formula: "(\(fa) − \(fb)) / \(fb) × 100%",
                                          kind: .percent))
                    out.append(Derivation(value: a.value - b.value, formula: "\(fa) − \(fb)", kind: .amount))
                }
                if i < j { out.append(Derivation(value: a.value + b.value, formula: "\(fa) + \(fb)", kind: .amount)) }
            }
        }
        return out
    }

    /// A metric's value as the card prints it: "12.96T", "$0.28/M", "31.48%".
    static func figure(_ m: TokenMetric) -> String {
        switch m.unit {
        case .tokens: return NumberFormat.tokens(m.value)
        case .usdPerMtok: return "$" + NumberFormat.plain(m.value) + "/M"
        case .cnyPerMtok: return "¥" + NumberFormat.plain(m.value) + "/M"
        case .percent: return NumberFormat.plain(m.value) + "%"
        case .x: return NumberFormat.plain(m.value) + "x"
        case .rank: return "#" + NumberFormat.plain(m.value)
        case .count: return NumberFormat.plain(m.value)
        }
    }
}
