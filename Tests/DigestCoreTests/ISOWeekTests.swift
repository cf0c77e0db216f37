import DigestCore
import Foundation
import Testing

/// ISO weeks in a time zone: bounds, the last complete week, what does not exist.
struct ISOWeekTests {
    @Test func isoWeeks() {
        let tz = TimeZone(identifier: "Asia/Shanghai")!
        let w = ISOWeek("2026-W48")!
        #expect(RFC3339.string(from: w.start(in: tz)) == "2026-11-22T16:00:00Z")
        #expect(ISOWeek.lastComplete(before: RFC3339.date(from: "2026-11-30T08:00:00Z")!, in: tz) == w)
        #expect(ISOWeek("2026-W54") == nil)
        #expect(ISOWeek(year: 2026, week: 1).previous == ISOWeek(year: 2025, week: 52))
    }
}
