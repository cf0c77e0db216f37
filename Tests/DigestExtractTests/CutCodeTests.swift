import DigestCore
@testable import DigestExtract
import DigestMarkup
import DigestTestSupport
import Foundation
import Testing

/// The extractor parses pages with their script and style text cut out (`CodeBodies`): its
/// answer is the one it gives reading the whole page, on every page we have (our fixtures and
/// the corpora).
struct CutCodeTests {
    @Test func cuttingTheCodeChangesNoArticle() throws {
        let fixtures = try FileManager.default.contentsOfDirectory(atPath: TestPaths.fixture("pages").path)
            .filter { $0.hasSuffix(".html") }.sorted().map { TestPaths.fixture("pages/\($0)").path }
        let pages = fixtures + Corpus.pages
        #expect(pages.count >= fixtures.count && fixtures.count > 20)
        for page in pages {
            let data = try Data(contentsOf: URL(fileURLWithPath: page))
            let plain = Result { try ArticleExtractor.extract(from: data, source: page, url: nil, charset: nil, cuttingCode: false) }
            let cut = Result { try ArticleExtractor.extract(from: data, source: page, url: nil, charset: nil, cuttingCode: true) }
            switch (plain, cut) {
            case let (.success(a), .success(b)): #expect(a == b, "\(page): the article differs when the code is cut")
            case let (.failure(a), .failure(b)): #expect("\(a)" == "\(b)", "\(page)")
            default: Issue.record("\(page): \(plain) but \(cut) when the code is cut")
            }
        }
    }
}
