import DigestCore
import DigestMarkup

/// Class and id hints: words that say a block is content (+25) or is not (−25).
extension ContentScorer {
    static let positive = ["article", "content", "post", "main", "entry", "text", "body", "story", "detail", "正文", "news"]
    static let negative = ["nav", "footer", "comment", "share", "related", "sidebar", "advert", "promo",
                           "menu", "header", "social", "subscribe", "banner", "breadcrumb", "recommend", "copyright",
                           "widget", "popup", "modal", "cookie", "hidden", "meta", "tags", "legends", "gallery", "slideshow", "carousel"]

    /// The block's weight, worked out once per block.
    func classWeight(_ n: MarkupNode) -> Double {
        if let w = weights.byNode[n] { return w }
        let w = Self.weight(n)
        weights.byNode[n] = w
        return w
    }

    /// +25 when the class or id holds a content word, −25 when it holds a clutter word or names
    /// an ad (both: 0); 0 without class and id.
    static func weight(_ n: MarkupNode) -> Double {
        var positive = false, negative = false, any = false
        for attr in ["class", "id"] {
            _ = n.withAttributeBytes(attr) { v in
                any = true
                ClassWords.lowercased(v) { lower in
                    let found = ClassWords.find(in: lower)
                    positive = positive || found.positive
                    negative = negative || found.negative || namesAnAd(lower)
                }
            }
        }
        if !any { return 0 }
        return (positive ? 25 : 0) - (negative ? 25 : 0)
    }

    /// Words that say a block is not the article whatever else its class says (Readability's
    /// "unlikely candidates"; not "widget" or "meta", which wrap images and datelines in bodies).
    static let unlikelyWords = ["banner", "breadcrumb", "comment", "community", "disqus", "footer", "header",
                                "legends", "menu", "related", "replies", "shoutbox", "sidebar", "social", "sponsor",
                                "popup", "pagination", "pager"].map { Array($0.utf8) }
    /// Words that say a block is the main column (Readability's "maybe candidate" list).
    static let mainWords = ["article", "body", "content", "main", "column"].map { Array($0.utf8) }

    /// A class or id with an unlikely word and nothing of the main column: clutter inside the
    /// article even when a word like "post" balances its weight ("jp-relatedposts"), as
    /// Readability drops its unlikely candidates.
    static func namesOnlyClutter(_ n: MarkupNode) -> Bool {
        var unlikely = false, main = false
        for attr in ["class", "id"] {
            _ = n.withAttributeBytes(attr) { v in
                ClassWords.lowercased(v) { lower in
                    unlikely = unlikely || unlikelyWords.contains { ByteSearch.find($0, in: lower) != nil }
                    main = main || mainWords.contains { ByteSearch.find($0, in: lower) != nil }
                }
            }
        }
        return unlikely && !main
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
