
import Foundation

/// How numbers are printed on cards: as stated, never rounded beyond the source's precision.
public enum NumberFormat {
    /// Up to four decimals, trailing zeros dropped (12.96, 27, 0.28).
    public static func plain(_ v: Double) -> String {
        let scaled = (abs(v) * 10_000).rounded()
        if scaled < 9e15 {  // integer arithmetic: String(format:) is slow on Linux
            let n = Int64(scaled)
            var frac = String(n % 10_000)
            frac = String(repeating: "0", count: 4 - frac.count) + frac
            while frac.hasSuffix("0") { frac.removeLast() }
            let sign = v < 0 && n != 0 ? "-" : ""
            return sign + String(n / 10_000) + (frac.isEmpty ? "" : "." + frac)
        }
        var s = String(format: "%.4f", v)
        while s.contains("."), s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// Token counts with K/M/B/T: 2.7e13 → "27T".
    public static func tokens(_ v: Double) -> String {
        for (div, suffix) in [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")] where v >= div {
            return plain(v / div) + suffix
        }
        return plain(v)
    }

    /// Period abbreviation for a change: WoW, MoM, YoY, QoQ, DoD.
    public static func changeBasis(_ p: MetricPeriod?) -> String? {
        switch p {
        case .week: return "WoW"
        case .month: return "MoM"
        case .year: return "YoY"
        case .quarter: return "QoQ"
        case .day: return "DoD"
        case nil: return nil
        }
    }

    /// "+18.9% WoW", "-97%".
    public static func growth(_ m: TokenMetric) -> String {
        let sign = m.direction == .down ? "-" : "+"
        let basis = changeBasis(m.period).map { " " + $0 } ?? ""
        return "\(sign)\(plain(m.value))%\(basis)"
    }

    /// "$0.28 per M input tokens", "¥0.8 per M tokens".
    public static func price(_ m: TokenMetric) -> String {
        let cur = m.unit == .usdPerMtok ? "$" : "¥"
        let side = m.side.map { " \($0.rawValue)" } ?? ""
        return "\(cur)\(plain(m.value)) per M\(side) tokens"
    }

    /// Per-period wording of a volume: "/day", "/week".
    public static func perPeriod(_ p: MetricPeriod?) -> String {
        p.map { "/\($0.rawValue)" } ?? ""
    }
}
