@testable import DigestCLI
import DigestCore
import DigestExtract
import DigestTestSupport
import Foundation
import Testing

/// Every page of `../shared/corpus` through the real extractor: no crash, one contract document
/// per input, and the hand-written JSON line identical to JSONEncoder's output.
/// The corpora are third-party and live outside the repository; without them the suite is
/// skipped with its reason shown.
@Suite(.enabled(if: TestPaths.shared != nil, "../shared/corpus is absent: corpus tests skipped"))
struct CorpusPageTests {
    @Test func everyCorpusPageJSONLineEqualsTheEncoder() throws {
        for page in Corpus.files("articles", where: { $0.hasSuffix("source.html") }) {
            let data = try Data(contentsOf: URL(fileURLWithPath: page))
            let article = try ArticleExtractor.extract(from: data, source: page)
            #expect(article.jsonLine() == (try JSONOutput.encode(article)), "\(page): jsonLine differs from JSONEncoder")
        }
    }

    @Test func everyCorpusPageExtractsWithoutACrash() throws {
        let pages = Corpus.files("articles") { $0.hasSuffix("source.html") }
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
