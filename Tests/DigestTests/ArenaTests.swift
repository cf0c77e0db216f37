import DigestCore
import DigestExtract
import DigestMarkup
import Foundation
import Testing

/// libxml2's per-thread arena: memory is handed out inside a scope and all of it is free again
/// when the outermost scope ends; pages read in it, alone or many threads at once, give the
/// same articles.
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
            #expect(MarkupArena.bytesInUse == nested, "the end of a nested scope frees nothing")
            return outer
        }
        #expect(inside > 0 || !MarkupArena.isAvailable)
        #expect(MarkupArena.bytesInUse == 0)
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
}
