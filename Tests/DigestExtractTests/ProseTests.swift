@testable import DigestExtract
import DigestMarkup
import Testing

/// Code is no prose: the words of a script or style element never count as a block's words.
struct ProseTests {
    @Test func aScriptsWordsAreNotABlocksOwnWords() throws {
        let doc = try #require(MarkupDocument.htmlFragment(
            "<div id=a><script>loadComments('296191', 'news');</script></div><div id=b><a href=x>Link</a> and words</div>"))
        let blocks = try #require(doc.body).children
        #expect(!ContentScorer.hasOwnWords(blocks[0]))
        #expect(ContentScorer.hasOwnWords(blocks[1]))
        #expect(blocks[0].prose.isEmpty && blocks[0].textContent.contains("loadComments"))
        let lines = try #require(MarkupDocument.htmlFragment("<p>Line one<br><a href=x>only a link</a><script>var words = 1;</script></p>"))
        let p = try #require(lines.body?.children.first)
        #expect(ContentScorer.linesHaveOwnWords(p) == [true, false])
    }
}
