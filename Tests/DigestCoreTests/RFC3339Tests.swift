import DigestCore
import Foundation
import Testing

/// RFC 3339 timestamps written from bytes agree with Foundation's ISO 8601 formatter.
struct RFC3339Tests {
    /// Timestamps written digit by digit in place read as Foundation's ISO 8601 formatter writes them.
    @Test func timestampsMatchFoundation() {
        let iso = ISO8601DateFormatter()
        iso.timeZone = TimeZone(identifier: "UTC")
        var rng = SplitMix(seed: 43)
        var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -1), Date(timeIntervalSince1970: 951_782_400),
                     Date(timeIntervalSince1970: 253_402_300_799), Date(timeIntervalSince1970: -12_212_553_600)]
        // 1583-01-01 (Foundation's calendar is Julian before the Gregorian reform; RFC 3339's is
        // Gregorian throughout) to 9999-12-31, fractions of seconds too.
        for _ in 0..<5_000 {
            dates.append(Date(timeIntervalSince1970: -12_212_553_600 + Double(rng.next() % 265_614_854_400) + Double(rng.next() % 1000) / 1000))
        }
        for d in dates {
            #expect(RFC3339.string(from: d) == iso.string(from: Date(timeIntervalSince1970: d.timeIntervalSince1970.rounded(.down))), "\(d.timeIntervalSince1970)")
        }
    }
}
