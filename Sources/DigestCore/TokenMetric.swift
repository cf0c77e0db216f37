/// What a metric measures (CONTRACTS.md `quantity`).
public enum MetricQuantity: String, Sendable, Codable, CaseIterable {
    case tokenVolume = "token_volume"
    case tokenPrice = "token_price"
    case growth, share, multiple, rank, count
}

/// The unit a metric's value is in (CONTRACTS.md `unit`).
public enum MetricUnit: String, Sendable, Codable {
    case tokens
    case usdPerMtok = "USD_per_Mtok"
    case cnyPerMtok = "CNY_per_Mtok"
    case percent, x, rank, count
}

/// The window or comparison basis of a metric.
public enum MetricPeriod: String, Sendable, Codable {
    case day, week, month, quarter, year
}

/// Direction of a change.
public enum MetricDirection: String, Sendable, Codable {
    case up, down
}

/// Which side of a price a metric is (input, output or cached-input tokens).
public enum PriceSide: String, Sendable, Codable {
    case input, output, cached
}

/// One token metric found in text (CONTRACTS.md `metrics`).
public struct TokenMetric: Sendable, Equatable, Hashable {
    /// The span of text the metric was read from.
    public var text: String
    /// What is measured.
    public var quantity: MetricQuantity
    /// Normalised value (plain tokens, per-million price, percent, fold).
    public var value: Double
    /// Unit of `value`.
    public var unit: MetricUnit
    /// Window or comparison basis.
    public var period: MetricPeriod?
    /// Direction of a change.
    public var direction: MetricDirection?
    /// Who or what the number is about.
    public var subject: String?
    /// Side of a price.
    public var side: PriceSide?
    /// Offset of `text` in the input, in Unicode scalars.
    public var offset: Int
    /// Name of the rule that recognised it (for `--explain`).
    public var rule: String
    /// For a growth: the index, in the same list, of the metric whose change it is (the price
    /// that fell 50%, the volume that rose 18.9%); nil when none is stated.
    public var describes: Int?

    /// Creates a metric.
    public init(text: String, quantity: MetricQuantity, value: Double, unit: MetricUnit,
                period: MetricPeriod? = nil, direction: MetricDirection? = nil, subject: String? = nil,
                side: PriceSide? = nil, offset: Int = 0, rule: String = "") {
        self.text = text
        self.quantity = quantity
        self.value = value
        self.unit = unit
        self.period = period
        self.direction = direction
        self.subject = subject
        self.side = side
        self.offset = offset
        self.rule = rule
    }
}

extension TokenMetric: Encodable {
    private enum CodingKeys: String, CodingKey {
        case text, quantity, value, unit, period, direction, subject, side, describes
    }

    /// Encodes the contract shape; `side` only for prices.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(quantity, forKey: .quantity)
        if value == value.rounded(), abs(value) < 9e15 {
            try c.encode(Int64(value), forKey: .value)
        } else {
            try c.encode(value, forKey: .value)
        }
        try c.encode(unit, forKey: .unit)
        try c.encode(period, forKey: .period)
        try c.encode(direction, forKey: .direction)
        try c.encode(subject, forKey: .subject)
        if quantity == .tokenPrice { try c.encode(side, forKey: .side) }
        try c.encodeIfPresent(describes, forKey: .describes)
    }
}

extension TokenMetric: Decodable {
    /// Decodes the contract shape; `offset` and `rule` (not in the contract) start empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(text: try c.decode(String.self, forKey: .text), quantity: try c.decode(MetricQuantity.self, forKey: .quantity),
                  value: try c.decode(Double.self, forKey: .value), unit: try c.decode(MetricUnit.self, forKey: .unit),
                  period: try c.decodeIfPresent(MetricPeriod.self, forKey: .period),
                  direction: try c.decodeIfPresent(MetricDirection.self, forKey: .direction),
                  subject: try c.decodeIfPresent(String.self, forKey: .subject),
                  side: try c.decodeIfPresent(PriceSide.self, forKey: .side))
        describes = try c.decodeIfPresent(Int.self, forKey: .describes)
    }
}
