import DigestCore
import DigestMarkup

/// What an item's Media RSS elements add (media:content and media:group may nest them):
/// a title and a description for items without their own, and categories and keywords.
struct MediaRSS {
    var title: String?
    var description: MarkupNode?
    var categories: [String] = []

    /// Reads one media:* element of an item, and the media elements inside it.
    mutating func read(_ node: MarkupNode) {
        switch NS.classify(node) {
        case (.media, "title"): if title == nil { title = FeedText.value(node).map(FeedText.plainTitle) }
        case (.media, "description"): if description == nil, FeedText.value(node) != nil { description = node }
        case (.media, "category"): if let t = FeedText.value(node) { categories.append(HTMLText.collapse(t)) }
        case (.media, "keywords"):
            categories += FeedText.commaList(FeedText.value(node) ?? "")
        case (.media, "content"), (.media, "group"):
            for c in node.children { read(c) }
        default: break
        }
    }
}
