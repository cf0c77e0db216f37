import DigestMetrics
import DigestTestSupport
import Foundation
import Testing

/// Token metrics on sentences we wrote, one per line of Fixtures/metrics-{en,zh}.jsonl:
/// `expect` lists [quantity, value, unit, period, direction] in order.
struct MetricTableTests {
    struct Row: Decodable, Sendable, CustomTestStringConvertible {
        let text: String
        let expect: [[Value]]
        var testDescription: String { text }
    }

    enum Value: Decodable, Sendable {
        case string(String), number(Double), null
        init(from d: any Decoder) throws {
            let c = try d.singleValueContainer()
            if c.decodeNil() { self = .null } else if let n = try? c.decode(Double.self) { self = .number(n) } else {
                self = .string(try c.decode(String.self))
            }
        }
        var string: String? { if case .string(let s) = self { return s } else { return nil } }
        var number: Double? { if case .number(let n) = self { return n } else { return nil } }
    }

    static func load(_ name: String) -> [Row] {
        guard let text = try? String(contentsOf: TestPaths.fixture(name), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Row.self, from: Data($0.utf8)) }
    }

    static let rows = load("metrics-en.jsonl") + load("metrics-zh.jsonl")

    @Test func tablesAreLoaded() { #expect(Self.rows.count >= 20) }

    @Test(arguments: rows) func recognises(_ row: Row) {
        let got = MetricRecognizer().metrics(in: row.text)
        #expect(got.count == row.expect.count, "\(got.map { "\($0.quantity.rawValue) \($0.value) \($0.text)" })")
        for (m, e) in zip(got, row.expect) {
            #expect(m.quantity.rawValue == e[0].string)
            #expect(abs(m.value - (e[1].number ?? .nan)) <= 1e-6 * max(1, abs(m.value)))
            #expect(m.unit.rawValue == e[2].string)
            #expect(m.period?.rawValue == e[3].string)
            #expect(m.direction?.rawValue == e[4].string)
        }
    }
}
