@testable import DigestCLI
import DigestCore
import DigestParse
import DigestTestSupport
import Foundation
import Testing

/// One behaviour per fixture in Fixtures/feeds: NAME.xml is parsed and compared with the fields
/// NAME.expect.json lists (only those; items by position); `error` expects a ParseError message.
struct FeedFixtureTests {
    static let names: [String] = {
        let dir = TestPaths.fixture("feeds")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return files.filter { $0.hasSuffix(".xml") }.map { String($0.dropLast(4)) }.sorted()
    }()

    @Test func fixturesAreThere() { #expect(Self.names.count >= 8) }

    @Test(arguments: names) func parsesAsExpected(_ name: String) throws {
        let dir = TestPaths.fixture("feeds")
        let data = try Data(contentsOf: dir.appendingPathComponent(name + ".xml"))
        let expect = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: dir.appendingPathComponent(name + ".expect.json"))) as? [String: Any])
        let source = name + ".xml"
        if let error = expect["error"] as? String {
            #expect(throws: ParseError.self) { try FeedParser.parse(data, source: source) }
            do { _ = try FeedParser.parse(data, source: source) } catch let e as ParseError { #expect(e.message == error) }
            return
        }
        let feed = try FeedParser.parse(data, source: source)
        let got = try #require(try JSONSerialization.jsonObject(with: Data(JSONOutput.encode(feed).utf8)) as? [String: Any])
        for (key, value) in expect where key != "items" {
            #expect(Self.same(got[key], value), "\(key): \(String(describing: got[key])) != \(value)")
        }
        let items = got["items"] as? [[String: Any]] ?? []
        for (i, e) in ((expect["items"] as? [[String: Any]]) ?? []).enumerated() {
            guard i < items.count else { Issue.record("missing item \(i)"); continue }
            for (key, value) in e {
                #expect(Self.same(items[i][key], value), "item \(i) \(key): \(String(describing: items[i][key])) != \(value)")
            }
        }
    }

    static func same(_ a: Any?, _ b: Any) -> Bool {
        if b is NSNull { return a == nil || a is NSNull }
        guard let a, !(a is NSNull) else { return false }
        let enc = { (v: Any) -> Data? in try? JSONSerialization.data(withJSONObject: [v], options: [.sortedKeys]) }
        return enc(a) == enc(b)
    }
}
