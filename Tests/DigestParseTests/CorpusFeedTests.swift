@testable import DigestCLI
import DigestCore
import DigestExtract
import DigestMarkup
import DigestParse
import DigestTestSupport
import Foundation
import Testing

/// Every feed of `../shared/corpus` through the real parser: no crash, one contract document
/// per input, and the hand-written JSON line identical to JSONEncoder's output.
/// The corpora are third-party and live outside the repository; without them the suite is
/// skipped with its reason shown.
@Suite(.enabled(if: TestPaths.shared != nil, "../shared/corpus is absent: corpus tests skipped"))
struct CorpusFeedTests {
    @Test func everyCorpusFeedParsesAndItsJSONLineEqualsTheEncoder() throws {
        let paths = Corpus.feeds
        #expect(paths.count > 100, "expected the feedparser and real corpora, found \(paths.count) files")
        for path in paths {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let feed = try FeedParser.parse(data, source: path)
            #expect(feed.jsonLine() == (try JSONOutput.encode(feed)), "\(path): jsonLine differs from JSONEncoder")
        }
    }

    /// An item's text, taken while its HTML was sanitized (or read from plain text), is what
    /// libxml2's reading of that HTML gives, for every item of the corpus.
    @Test func itemTextIsLibxml2sReadingOfItsHTML() throws {
        var compared = 0
        for path in Corpus.feeds {
            let feed = try FeedParser.parse(try Data(contentsOf: URL(fileURLWithPath: path)), source: path)
            for item in feed.items {
                guard let html = item.contentHTML ?? item.summaryHTML else { continue }
                compared += 1
                #expect(item.text == HTMLText.plainText(html), "\(path): \(html.prefix(200))")
            }
        }
        #expect(compared > 300)
    }

    @Test func everyCorpusFeedThroughTheBatchCLIInOrder() throws {
        let paths = Corpus.feeds
        let list = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-feeds-\(getpid()).txt")
        try paths.joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: list) }
        let one = try CLI.run(["parse", "--files-from", list.path, "--jsonl", "--jobs", "1"])
        let two = try CLI.run(["parse", "--files-from", list.path, "--jsonl", "--jobs", "2"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == two.stdout, "two workers must print the same lines in the same order")
        let lines = one.stdout.split(separator: "\n")
        #expect(lines.count == paths.count)
        for line in lines {
            let doc = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(doc?["format"] is String && doc?["error"] == nil, "\(line.prefix(200))")
        }
    }
}
