import DigestCore
import DigestExtract
import DigestMarkup
import DigestParse
@testable import DigestCLI
import Foundation
import Testing

/// Every feed and page of `../shared/corpus` through the real parsers: no crash, one contract
/// document per input, and the hand-written JSON line identical to JSONEncoder's output.
/// The corpora are third-party and live outside the repository; without them the suite is
/// skipped with its reason shown.
@Suite(.enabled(if: TestPaths.shared != nil, "../shared/corpus is absent: corpus tests skipped"))
struct CorpusTests {
    static func files(_ sub: String, where keep: (String) -> Bool) -> [String] {
        guard let shared = TestPaths.shared else { return [] }
        let dir = shared.appendingPathComponent("corpus").appendingPathComponent(sub)
        let all = FileManager.default.enumerator(atPath: dir.path)?.compactMap { $0 as? String } ?? []
        return all.filter(keep).sorted().map { dir.appendingPathComponent($0).path }.filter { path in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && !isDir.boolValue
        }
    }

    /// Every document of the feed corpora (answers, notes and manifests left out).
    static var feeds: [String] {
        files("feeds") { p in
            !p.hasSuffix(".expected.json") && !p.hasSuffix(".md") && !p.hasSuffix(".tsv") && !p.hasSuffix(".txt")
        }
    }

    @Test func everyCorpusFeedParsesAndItsJSONLineEqualsTheEncoder() throws {
        let paths = Self.feeds
        #expect(paths.count > 100, "expected the feedparser and real corpora, found \(paths.count) files")
        for path in paths {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let feed = try FeedParser.parse(data, source: path)
            #expect(feed.jsonLine() == (try JSONOutput.encode(feed)), "\(path): jsonLine differs from JSONEncoder")
        }
    }

    /// The byte scanner that reads the sanitizer's output gives the paragraphs libxml2's reading
    /// of the same HTML gives, on every summary and content of the corpus.
    @Test func sanitizedHTMLReadsAsLibxml2ReadsIt() throws {
        var compared = 0
        for path in Self.feeds {
            let feed = try FeedParser.parse(try Data(contentsOf: URL(fileURLWithPath: path)), source: path)
            for html in feed.items.flatMap({ [$0.summaryHTML, $0.contentHTML] }).compactMap({ $0 }) {
                compared += 1
                #expect(HTMLText.plainText(ofSanitized: html) == HTMLText.plainText(html), "\(path): \(html.prefix(200))")
            }
        }
        #expect(compared > 500)
    }

    @Test func everyCorpusFeedThroughTheBatchCLIInOrder() throws {
        let paths = Self.feeds
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

    @Test func everyCorpusPageJSONLineEqualsTheEncoder() throws {
        for page in Self.files("articles", where: { $0.hasSuffix("source.html") }) {
            let data = try Data(contentsOf: URL(fileURLWithPath: page))
            let article = try ArticleExtractor.extract(from: data, source: page)
            #expect(article.jsonLine() == (try JSONOutput.encode(article)), "\(page): jsonLine differs from JSONEncoder")
        }
    }

    @Test func everyCorpusPageExtractsWithoutACrash() throws {
        let pages = Self.files("articles") { $0.hasSuffix("source.html") }
        #expect(pages.count > 50, "expected the article corpora, found \(pages.count) pages")
        let list = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-pages-\(getpid()).txt")
        try pages.joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: list) }
        let r = try CLI.run(["extract", "--files-from", list.path, "--jsonl"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == pages.count)
        for (line, page) in zip(lines, pages) {
            let doc = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(doc?["text"] is String, "\(page): \(line.prefix(200))")
        }
    }
}
