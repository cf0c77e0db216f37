@testable import DigestCLI
import DigestCore
import DigestExtract
import DigestMarkup
import DigestParse
import DigestTestSupport
import Foundation
import Testing

/// libxml2's per-thread arena: memory is handed out inside a scope, an inner scope gives back
/// what it took, and all of it is free again when the outermost scope ends; pages and feeds
/// read in it, alone or many threads at once, give the same documents.
struct ArenaTests {
    @Test func theArenaFillsInsideAScopeAndIsEmptyAfterIt() throws {
        let page = Data("<html><body><p>One paragraph of text.</p></body></html>".utf8)
        #expect(MarkupArena.bytesInUse == 0)
        let inside: Int = MarkupArena.scope {
            _ = MarkupDocument.html(page, encoding: "UTF-8")?.body?.textContent
            let outer = MarkupArena.bytesInUse
            let nested: Int = MarkupArena.scope {
                _ = MarkupDocument.html(page, encoding: "UTF-8")
                return MarkupArena.bytesInUse
            }
            // Without an arena (AddressSanitizer builds) nothing is counted: plain malloc.
            #expect(nested > outer || !MarkupArena.isAvailable, "a nested scope adds to the same arena")
            #expect(MarkupArena.bytesInUse == outer, "the end of a nested scope gives back what it took")
            // The outer scope's tree is intact after inner scopes have used and given back the
            // memory after it, many times over.
            let doc = MarkupDocument.html(page, encoding: "UTF-8")
            for _ in 0..<200 {
                MarkupArena.scope { _ = MarkupDocument.html(Data("<p>x &amp; <b>y</b> \(String(repeating: "z", count: 5_000))</p>".utf8), encoding: "UTF-8")?.body?.textContent }
            }
            #expect(doc?.body?.textContent == "One paragraph of text.")
            return outer
        }
        #expect(inside > 0 || !MarkupArena.isAvailable)
        #expect(MarkupArena.bytesInUse == 0)
    }

    /// A scope is clean while every block it holds is the arena's; a block too large for it (a
    /// 400 kB text node) is malloc's while the document holds it, and such a document is freed
    /// the usual way, after which the scope is clean again.
    @Test(.enabled(if: MarkupArena.isAvailable, "no arena (AddressSanitizer build)"))
    func aScopeIsCleanWhileItHoldsOnlyArenaBlocks() {
        let large = Data(("<p>" + String(repeating: "word ", count: 80_000) + "</p>").utf8)
        MarkupArena.scope {
            _ = MarkupDocument.html(Data("<p>small</p>".utf8), encoding: "UTF-8")?.body?.textContent
            #expect(MarkupArena.scopeIsClean)
            MarkupArena.scope {
                let big = MarkupDocument.html(large, encoding: "UTF-8")
                withExtendedLifetime(big) {
                    #expect(big?.body?.textContent.utf8.count == 400_000)
                    #expect(!MarkupArena.scopeIsClean, "the large text is malloc's while the document holds it")
                }
            }
            #expect(MarkupArena.scopeIsClean, "the inner scope's large block went with its document")
            do {
                let big = MarkupDocument.html(large, encoding: "UTF-8")
                withExtendedLifetime(big) { #expect(!MarkupArena.scopeIsClean) }
            }
            #expect(MarkupArena.scopeIsClean, "freed with its document")
        }
        #expect(!MarkupArena.scopeIsClean, "no scope open")
    }

    /// One text node built from thousands of pieces (entities split character data): the buffer
    /// grows by realloc, in place at the arena's end, and must keep every byte.
    @Test func aTextNodeGrownPieceByPieceKeepsEveryByte() throws {
        var html = "<html><head><title>Long</title></head><body><article><p>"
        var expected = ""
        for i in 0..<20_000 {
            html += "word\(i) &amp; "
            expected += "word\(i) & "
        }
        html += "end.</p></article></body></html>"
        expected += "end."
        let article = try ArticleExtractor.extract(from: Data(html.utf8), source: "long.html")
        #expect(article.text == expected)
    }

    @Test func pagesReadOnManyThreadsAtOnceGiveTheSameArticles() async throws {
        let dir = TestPaths.fixture("pages")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".html") }.sorted()
        let pages = try names.map { try Data(contentsOf: dir.appendingPathComponent($0)) }
        func read(_ i: Int) -> String {
            (try? ArticleExtractor.extract(from: pages[i], source: names[i]).jsonLine()) ?? "error"
        }
        let alone = pages.indices.map(read)
        #expect(alone.filter { $0 != "error" }.count >= 5)
        let rounds = 12
        let together = await withTaskGroup(of: (Int, String).self) { group in
            for r in 0..<rounds { for i in pages.indices { group.addTask { (r * pages.count + i, read(i)) } } }
            var out = [String](repeating: "", count: rounds * pages.count)
            for await (k, line) in group { out[k] = line }
            return out
        }
        for (k, line) in together.enumerated() { #expect(line == alone[k % pages.count], "\(names[k % pages.count])") }
    }

    /// Feeds keep their tree in the arena while each item (and its HTML) is read in an inner scope.
    @Test func feedsParsedOnManyThreadsAtOnceGiveTheSameDocuments() async throws {
        let dir = TestPaths.fixture("feeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasSuffix(".json") }.sorted()
        let feeds = try names.map { try Data(contentsOf: dir.appendingPathComponent($0)) }
        func read(_ i: Int) -> String {
            (try? FeedParser.parse(feeds[i], source: names[i]).jsonLine()) ?? "error"
        }
        let alone = feeds.indices.map(read)
        #expect(alone.filter { $0.contains("\"items\":[{") }.count >= 10)
        let together = await withTaskGroup(of: (Int, String).self) { group in
            for r in 0..<8 { for i in feeds.indices { group.addTask { (r * feeds.count + i, read(i)) } } }
            var out = [String](repeating: "", count: 8 * feeds.count)
            for await (k, line) in group { out[k] = line }
            return out
        }
        for (k, line) in together.enumerated() { #expect(line == alone[k % feeds.count], "\(names[k % feeds.count])") }
    }

    /// What is read in the arena never depends on what the arena held before: every page and
    /// feed fixture reads the same after the arena is filled with zeros and with 0xA5.
    @Test func readingsDoNotDependOnTheArenasOldContents() throws {
        for dir in ["pages", "feeds"] {
            let folder = TestPaths.fixture(dir)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where !name.hasSuffix(".json") {
                let data = try Data(contentsOf: folder.appendingPathComponent(name))
                func read() -> String {
                    dir == "pages" ? ((try? ArticleExtractor.extract(from: data, source: name).jsonLine()) ?? "error")
                        : ((try? FeedParser.parse(data, source: name).jsonLine()) ?? "error")
                }
                MarkupArena.scribble(0x00)
                let first = read()
                MarkupArena.scribble(0xA5)
                #expect(read() == first, "\(dir)/\(name)")
            }
        }
    }
}
