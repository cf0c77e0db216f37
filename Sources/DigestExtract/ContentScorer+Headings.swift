import DigestMarkup
import Foundation

/// Headings that say a block is the readers' thread or a box beside the article, and repeated
/// comment blocks: no part of the article, whatever the block's class says.
extension ContentScorer {
    /// A block whose first element is a heading that names the readers' thread ("Comments",
    /// "12 Responses", "Leave a Reply", "网友评论") or a box beside the article ("About the author",
    /// "Related posts"): no part of the article, whatever the block's class says.
    func opensWithCommentsHeading(_ n: MarkupNode) -> Bool {
        if let known = page.headed[n] { return known }
        var first = n.firstChild  // the first element child, without building the list of children
        while let c = first, !c.isElement { first = c.nextSibling }
        let answer = first.map(isBesideHeading) ?? false
        page.headed[n] = answer
        return answer
    }

    /// A heading (h2–h5) that names the readers' thread or a box beside the article.
    func isBesideHeading(_ h: MarkupNode) -> Bool {
        guard ["h2", "h3", "h4", "h5"].contains(where: h.isNamed) else { return false }
        let title = HTMLText.collapse(h.prose).lowercased()
        return title.unicodeScalars.count <= 40 && Self.besideHeadings.contains { Self.matches($0, title) }
    }

    /// What a comments heading says, in English and Chinese.
    static let commentsHeading = #"^(\d+\s+)?(comments?|responses?|replies|reader comments|discussion)\b|^(leave|post|add) a (reply|comment)|^join the (conversation|discussion)|^(网友|读者|最新|热门)?(评论|留言|跟帖)"#

    /// The two heading patterns, compiled once (compiling one per heading was 3% of extraction).
    static let besideHeadings = [commentsHeading, asideHeading].map { try! NSRegularExpression(pattern: $0) }  // our own literals

    static func matches(_ re: NSRegularExpression, _ text: String) -> Bool {
        re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// What a heading over a box beside the article says: the author's bio, related or
    /// recommended stories ("About the author", "You may also like", "相关阅读").
    static let asideHeading = #"^about the author|^(related|recommended|popular|more) (posts|articles|stories|reading|from)\b|^you (may|might) also (like|enjoy)|^(相关|推荐|热门)(阅读|文章|新闻|推荐)|^关于作者"#

    /// One of several siblings of the same class that names comments or replies ("commentbody",
    /// "reply"): the thread under the article, whatever else the class says.
    func isRepeatedComment(_ n: MarkupNode) -> Bool {
        guard let cls = n.attribute("class")?.lowercased(), cls.contains("comment") || cls.contains("reply"),
              let parent = n.parent else { return false }
        return parent.children.filter { $0 != n && $0.attribute("class")?.lowercased() == cls }.count >= 1
    }
}
