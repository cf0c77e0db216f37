import DigestCore
import Foundation
import Testing

/// The fast number and date printers agree with Foundation's slow ones.
struct FormatTests {
    @Test func rfc3339MatchesCalendarOverFourCenturies() {
        var rng = SystemRandomNumberGenerator()
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        for _ in 0..<2_000 {
            let d = Date(timeIntervalSince1970: Double(Int64.random(in: -6_000_000_000...10_000_000_000, using: &rng)))
            let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second], from: d)
            let expected = String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
            #expect(RFC3339.string(from: d) == expected)
        }
    }

    @Test func plainNumbersMatchPrintf() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let v = Double(Int.random(in: -9_999_999...99_999_999, using: &rng)) / [1, 10, 100, 1_000, 10_000].randomElement(using: &rng)!
            var s = String(format: "%.4f", v)
            while s.contains("."), s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
            if s == "-0" { s = "0" }
            #expect(NumberFormat.plain(v) == s, "\(v)")
        }
        #expect(NumberFormat.plain(12.96) == "12.96" && NumberFormat.plain(27) == "27" && NumberFormat.plain(0.15) == "0.15")
    }
}
