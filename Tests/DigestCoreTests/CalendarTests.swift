import DigestCore
import DigestDates
import Foundation
import Testing

/// Core's calendar arithmetic, which the date readers build on.
struct CalendarTests {
    @Test func utcDateArithmeticAgreesWithFoundationsCalendar() {
        var rng = SystemRandomNumberGenerator()
        var cases = [(2026, 4, 31, 0, 0, 0), (2026, 11, 30, 24, 0, 0), (2024, 2, 29, 23, 59, 60), (1600, 1, 1, 0, 0, 0),
                     (2000, 3, 1, 12, 30, 15)]
        for _ in 0..<500 {
            cases.append((Int.random(in: 1600...2400, using: &rng), Int.random(in: 1...12, using: &rng), Int.random(in: 1...31, using: &rng),
                          Int.random(in: 0...24, using: &rng), Int.random(in: 0...59, using: &rng), Int.random(in: 0...60, using: &rng)))
        }
        for (y, mo, d, h, mi, s) in cases {
            let dc = DateComponents(year: y, month: mo, day: d, hour: h, minute: mi, second: min(s, 59))
            let expected = Calendar.utc.date(from: dc)!.addingTimeInterval(-3600)
            #expect(Calendar.utcDate(year: y, month: mo, day: d, hour: h, minute: mi, second: s, offsetSeconds: 3600) == expected,
                    "\(y)-\(mo)-\(d) \(h):\(mi):\(s)")
        }
    }

    /// A year or offset no calendar holds (a fuzzed feed's "222222222222222222") is no date, not
    /// an arithmetic overflow.
    @Test func absurdFieldsAreNoDate() {
        #expect(Calendar.utcDate(year: 1900 + 222_222_222_222_222_222, month: 1, day: 1) == nil)
        #expect(Calendar.utcDate(year: 10_000, month: 1, day: 1) == nil)
        #expect(Calendar.utcDate(year: 2026, month: 1, day: 1, offsetSeconds: Int.max) == nil)
        #expect(Calendar.utcDate(year: 9999, month: 12, day: 31) != nil)
        #expect(FeedDate.parse("Tue, 3 Nov 222222222222222222 10:00:00 GMT") == nil)
    }
}
