import DigestCore
import DigestDates
import DigestTestSupport
import Foundation
import Testing

/// Date dialects, one per line of Fixtures/dates.tsv.
struct DateDialectTests {
    static let rows: [(String, String)] = {
        guard let text = try? String(contentsOf: TestPaths.fixture("dates.tsv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }
    }()

    @Test func tableIsLoaded() { #expect(Self.rows.count >= 20) }

    @Test func everyDialect() {
        for (input, expected) in Self.rows {
            let got = FeedDate.parse(input).map(RFC3339.string(from:)) ?? "null"
            #expect(got == expected, "\(input)")
        }
    }
}
