import DigestConfig
import DigestTestSupport
import Foundation
import Testing

/// feeds.yaml mistakes, one per line of Fixtures/config-errors.jsonl: {"name", "yaml", "error"}.
struct ConfigTests {
    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        let name: String
        let yaml: String
        let error: String
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        guard let text = try? String(contentsOf: TestPaths.fixture("config-errors.jsonl"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
    }()

    @Test func theTableIsNotEmpty() { #expect(Self.cases.count >= 10) }

    @Test(arguments: cases) func reportsTheMistakeWithLineAndColumn(_ c: Case) {
        do {
            _ = try ConfigLoader.parse(yaml: c.yaml, file: "feeds.yaml", baseDirectory: "/tmp")
            Issue.record("no error for \(c.name)")
        } catch let e as ConfigError {
            #expect(e.message == c.error)
            #expect(e.exitStatus == .badInput)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func readsTheShippedFeedsYAML() throws {
        let c = try ConfigLoader.load(path: TestPaths.root.appendingPathComponent("feeds.yaml").path)
        #expect(c.sources.contains { $0.url == "https://36kr.com/feed" })
        #expect(c.sources.contains { $0.url == "https://36kr.com/feed-newsflash" })
        #expect(c.sources.filter { $0.language == "en" }.count >= 6)
    }

    @Test func resolvesRelativeSourcePathsToFileURLs() throws {
        let c = try ConfigLoader.load(path: TestPaths.root.appendingPathComponent("Samples/feeds.yaml").path)
        #expect(c.sources.allSatisfy { $0.url.hasPrefix("file:///") })
        #expect(c.timeZone.identifier == "Asia/Shanghai")
    }
}
