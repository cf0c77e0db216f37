import DigestCore
import DigestRender
import Foundation
import Testing

/// The recap chart: one period per chart, the busiest subjects, no invented bars.
struct TrendChartTests {
    static func w(_ n: Int) -> ISOWeek { ISOWeek(year: 2026, week: n) }

    @Test func drawsTheBusiestPeriodAndLeavesMissingWeeksEmpty() throws {
        let points = [SeriesPoint(week: Self.w(46), subject: "China", period: .week, value: 8.1e12),
                      SeriesPoint(week: Self.w(48), subject: "China", period: .week, value: 12.96e12),
                      SeriesPoint(week: Self.w(48), subject: "global", period: .week, value: 27e12),
                      SeriesPoint(week: Self.w(48), subject: "Doubao", period: .day, value: 30e12)]
        let chart = try #require(TrendChart(points: points, weeks: (41...48).map(Self.w)))
        #expect(chart.period == .week)
        #expect(chart.subjects == ["China", "global"])
        #expect(chart.weeks == [Self.w(46), Self.w(47), Self.w(48)], "starts at the first week with data")
        #expect(chart.rows.first?.cells == ["8.1T", "—", "12.96T"])
        let svg = chart.svg(title: "Token volume", id: "c")
        #expect(svg.contains("<title>China 2026-W48: 12.96T</title>"))
        #expect(!svg.contains("Doubao"), "a per-day value never shares an axis with per-week values")
        #expect(svg.components(separatedBy: "<rect class=\"s").count - 1 == 3 + 2, "three bars and two legend keys")
        #expect(!svg.contains("<script"))
    }

    @Test func nothingToDrawIsNoChart() {
        #expect(TrendChart(points: [], weeks: [Self.w(48)]) == nil)
        #expect(TrendChart(points: [SeriesPoint(week: Self.w(40), subject: "x", period: nil, value: 1)], weeks: [Self.w(48)]) == nil)
    }
}
