import DigestBytes
import DigestCore
import DigestMarkup

/// Class and id hints: words that say a block is content (+25) or is not (−25).
extension ContentScorer {
    static let positive = ["article", "content", "post", "main", "entry", "text", "body", "story", "detail", "正文", "news"]
    static let negative = ["nav", "footer", "comment", "share", "related", "sidebar", "advert", "promo",
                           "menu", "header", "social", "subscribe", "banner", "breadcrumb", "recommend", "copyright",
                           "widget", "popup", "modal", "cookie", "hidden", "meta", "tags", "legends", "gallery", "slideshow", "carousel",
                           "newsletter", "author-bio", "author_bio", "authorbio", "author-info", "author_info", "author-box",
                           "authorbox", "about-author", "about_author"]

    /// Words that say a block is not the article whatever else its class says (Readability's
    /// "unlikely candidates"; not "widget" or "meta", which wrap images and datelines in bodies).
    static let unlikelyWords = ["banner", "breadcrumb", "comment", "community", "disqus", "footer", "header", "trackback", "pingback",
                                "legends", "menu", "related", "replies", "shoutbox", "sidebar", "social", "sponsor",
                                "popup", "pagination", "pager"]
    /// Words that say a block is the main column (Readability's "maybe candidate" list).
    static let mainWords = ["article", "body", "content", "main", "column"]

    /// What a block's class and id say, read once per block.
    struct ClassHints {
        /// +25 for a content word, −25 for a clutter word or an ad (both: 0).
        var weight = 0.0
        /// An unlikely word and nothing of the main column: clutter inside the article even when
        /// a word like "post" balances the weight ("jp-relatedposts"), as Readability drops its
        /// unlikely candidates.
        var onlyClutter = false
    }

    /// The block's weight, worked out once per block.
    func classWeight(_ n: MarkupNode) -> Double { pass.contains(.weightClasses) ? classHints(n).weight : 0 }

    /// The block's class hints, worked out once per block.
    func classHints(_ n: MarkupNode) -> ClassHints {
        if let h = page.byNode[n] { return h }
        let h = Self.hints(n)
        page.byNode[n] = h
        return h
    }

    /// Reads the class and id words of a block; no hints without class and id.
    static func hints(_ n: MarkupNode) -> ClassHints {
        var found: ClassWords.Kinds = [], ad = false, any = false
        for attr in ["class", "id"] {
            _ = n.withAttributeBytes(attr) { v in
                any = true
                v.withASCIILowercased { lower in
                    found.formUnion(ClassWords.find(in: lower))
                    ad = ad || namesAnAd(lower)
                }
            }
        }
        guard any else { return ClassHints() }
        // Comments are never the article, whatever else the name says ("comment_body", "commentContent").
        if names(n, ["comment", "disqus", "replies"]) { return ClassHints(weight: -25, onlyClutter: true) }
        let weight = (found.contains(.positive) ? 25.0 : 0) - (found.contains(.negative) || ad ? 25 : 0)
        return ClassHints(weight: weight, onlyClutter: found.contains(.unlikely) && !found.contains(.main))
    }

    /// Whether the block's class or id contains one of `words` (lower-case ASCII).
    static func names(_ n: MarkupNode, _ words: [String]) -> Bool {
        var hit = false
        for attr in ["class", "id"] where !hit {
            _ = n.withAttributeBytes(attr) { v in
                v.withASCIILowercased { lower in hit = words.contains { ByteSearch.find(Array($0.utf8), in: lower) != nil } }
            }
        }
        return hit
    }

    /// "ad", "ads" or "ad-…" as a word of a class or id ("ad-slot", "top ads"), not inside one
    /// ("read-more", "downloads", "heads").
    static func namesAnAd(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Words on UTF-8 bytes: ASCII letters and digits, and any non-ASCII byte, are word bytes.
        var start = 0, i = 0
        func isAd(_ from: Int, _ to: Int) -> Bool {
            let w = bytes[from..<to]
            return w.elementsEqual([97, 100]) || w.elementsEqual([97, 100, 115])  // "ad", "ads"
        }
        while i < bytes.count {
            let b = bytes[i] | 0x20
            let word = bytes[i] >= 0x80 || (b >= 97 && b <= 122) || (bytes[i] >= 48 && bytes[i] <= 57)
            if !word {
                if isAd(start, i) { return true }
                start = i + 1
            }
            i += 1
        }
        return isAd(start, bytes.count)
    }
}
