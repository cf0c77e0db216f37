import DigestBytes
import DigestCore
import DigestMarkup

/// Blog archive and front pages put several posts where an article would be. The chosen
/// block then holds two or more post bodies, each marked by the same kind of class
/// (`post-body`, `entry-content` …); the page's main content is the first (newest) of them.
enum PostList {
    static let bodyClasses: Set<String> = [
        "post-body", "postbody", "post-content", "post_content", "entry-content", "entry_content", "entry-body",
        "article-body", "article-content",
    ]

    /// The first post body when `nodes` hold several, else nil.
    static func firstPost(in nodes: [MarkupNode]) -> MarkupNode? {
        var posts: [MarkupNode] = []
        func visit(_ n: MarkupNode) {
            for c in n.children {
                if isPostBody(c) { posts.append(c) } else { visit(c) }  // a post inside a post is part of it
            }
        }
        for n in nodes { if isPostBody(n) { posts.append(n) } else { visit(n) } }
        let substantial = posts.filter { HTMLText.collapse($0.prose).scalarCount >= 50 }
        return substantial.count >= 2 ? substantial[0] : nil
    }

    static func isPostBody(_ n: MarkupNode) -> Bool {
        guard let cls = n.attribute("class") else { return false }
        return cls.lowercased().split(separator: " ").contains { bodyClasses.contains(String($0)) }
    }
}
