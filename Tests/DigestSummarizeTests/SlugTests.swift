import DigestSummarize
import Foundation
import Testing

/// Slugs made from titles keep Chinese and can never leave their folder.
struct SlugTests {
    @Test func slugsCannotEscapeAndKeepChinese() {
        let s = Slug.make(title: "../../etc/passwd 中国模型 /\\ .hidden", id: "abcdef0123")
        #expect(!s.contains("/") && !s.contains("\\") && !s.contains(".."))
        #expect(s.hasSuffix("-abcdef"))
        #expect(s.contains("中国模型"))
        #expect(Slug.make(title: "...", id: "abcdef0123") == "abcdef")
    }
}
