import DigestCore
import Foundation

/// A grouped bar chart of token volume by subject across weeks, as inline SVG drawn by our
/// code: no script, readable in any browser, every bar a value from a stored metric.
///
/// One series is one period (a per-day volume and a per-week volume never share an axis): the
/// period with the most points is drawn. Up to four subjects, those present in the most weeks.
/// Weeks without a value have no bar (nothing is interpolated).
public struct TrendChart: Sendable, Equatable {
    /// Weeks on the x axis, oldest first.
    public let weeks: [ISOWeek]
    /// Subjects drawn, in legend order.
    public let subjects: [String]
    /// The period of the series.
    public let period: MetricPeriod?
    /// Values by subject, then week.
    public let values: [String: [ISOWeek: Double]]

    /// The chart of `points` over `weeks`, or nil when there is nothing to draw.
    public init?(points: [SeriesPoint], weeks: [ISOWeek], maxSubjects: Int = 4) {
        let inRange = points.filter { weeks.contains($0.week) && $0.value > 0 }
        guard !inRange.isEmpty else { return nil }
        let order: [MetricPeriod?] = [.day, .week, .month, .quarter, .year, nil]
        let counts = Dictionary(grouping: inRange, by: \.period).mapValues(\.count)
        // The period with the most points; on a tie the shorter window.
        let bi = order.indices.max { (counts[order[$0]] ?? 0, -$0) < (counts[order[$1]] ?? 0, -$1) }!
        let best = order[bi]
        let series = inRange.filter { $0.period == best }
        var values: [String: [ISOWeek: Double]] = [:]
        for p in series { values[p.subject, default: [:]][p.week] = max(values[p.subject]?[p.week] ?? 0, p.value) }
        let ranked = values.keys.sorted { a, b in
            let (na, nb) = (values[a]!.count, values[b]!.count)
            if na != nb { return na > nb }
            let (ma, mb) = (values[a]!.values.max()!, values[b]!.values.max()!)
            return ma != mb ? ma > mb : a < b
        }
        let chosen = Array(ranked.prefix(maxSubjects))
        subjects = chosen
        let kept = Set(chosen)
        self.values = values.filter { kept.contains($0.key) }
        // Weeks before the first value are left out: the chart starts where the history does.
        let first = weeks.firstIndex { w in series.contains { $0.week == w && kept.contains($0.subject) } } ?? 0
        self.weeks = Array(weeks[first...])
        self.period = best
    }

    /// The chart as an `<svg>` element; `title` names it for screen readers and tooltips.
    public func svg(title: String, id: String) -> String {
        let (w, h, left, right, top, bottom) = (480.0, 260.0, 52.0, 8.0, 40.0, 32.0)
        let plotW = w - left - right, plotH = h - top - bottom
        let top0 = values.values.flatMap(\.values).max() ?? 1
        let (step, ticks) = Self.scale(top0)
        let yMax = step * Double(ticks)
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var s = "<svg class=\"chart\" font-size=\"14\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 480 260\" role=\"img\" aria-labelledby=\"\(id)-t\">"
        s += "<title id=\"\(id)-t\">\(Self.escape(title))</title>"
        for i in 0...ticks {
            let v = step * Double(i), y = top + plotH - plotH * v / yMax
            s += "<line class=\"grid\" stroke=\"#d4d4d8\" x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(w - right))\" y2=\"\(f(y))\"/>"
            s += "<text class=\"tick\" x=\"\(f(left - 6))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(NumberFormat.tokens(v))</text>"
        }
        let slot = plotW / Double(weeks.count), barW = min(28, slot * 0.8 / Double(max(1, subjects.count)))
        for (wi, week) in weeks.enumerated() {
            let x0 = left + slot * Double(wi) + (slot - barW * Double(subjects.count)) / 2
            for (si, subject) in subjects.enumerated() {
                guard let v = values[subject]?[week] else { continue }
                let bh = plotH * v / yMax
                s += "<rect class=\"s\(si)\" fill=\"\(Self.palette[si % 4])\" x=\"\(f(x0 + barW * Double(si)))\" y=\"\(f(top + plotH - bh))\" width=\"\(f(barW))\" height=\"\(f(bh))\">"
                s += "<title>\(Self.escape(subject)) \(week): \(NumberFormat.tokens(v))</title></rect>"
            }
            let label = String(week.description.suffix(3))
            s += "<text class=\"tick\" x=\"\(f(left + slot * (Double(wi) + 0.5)))\" y=\"\(f(h - bottom + 18))\" text-anchor=\"middle\">\(label)</text>"
        }
        var lx = left
        for (si, subject) in subjects.enumerated() {
            s += "<rect class=\"s\(si)\" fill=\"\(Self.palette[si % 4])\" x=\"\(f(lx))\" y=\"11\" width=\"13\" height=\"13\"/>"
            s += "<text class=\"legend\" x=\"\(f(lx + 17))\" y=\"23\">\(Self.escape(subject))</text>"
            lx += 28 + subject.unicodeScalars.reduce(0.0) { $0 + ($1.isASCII ? 8 : 15) }
        }
        return s + "</svg>"
    }

    /// Bar colours when no style sheet applies (the site's CSS sets them per theme).
    static let palette = ["#2563eb", "#d97706", "#059669", "#db2777"]

    /// Rows for a text table of the same data (Markdown recap, screen readers).
    public var rows: [(subject: String, cells: [String])] {
        subjects.map { sub in (sub, weeks.map { w in values[sub]?[w].map(NumberFormat.tokens) ?? "—" }) }
    }

    /// A round step and tick count covering `maxValue` (1, 2 or 5 times a power of ten).
    static func scale(_ maxValue: Double) -> (step: Double, ticks: Int) {
        let raw = maxValue / 4
        let mag = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? 10 * mag
        return (step, Int((maxValue / step).rounded(.up)))
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
