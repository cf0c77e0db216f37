import DigestMarkup
import Foundation
import Testing

/// `ElementNames` answers as `names.contains(where: node.isNamed)` and `firstIndex` do, for names that share
/// first letters and prefixes ("a", "aside", "article"; "s", "section", "script").
struct ElementNamesTests {
    @Test func answersAsIsNamedDoes() throws {
        let sets = [["a"], ["aside", "article", "a"], ["s", "section", "script", "style", "span"], ["nav", "noscript"], []]
        let page = "<html><body><a>x</a><aside></aside><article><section><s>y</s><span></span></section></article>"
            + "<script></script><style></style><nav></nav><noscript></noscript><abbr></abbr><sect></sect><my-el></my-el></body></html>"
        let doc = try #require(MarkupDocument.html(Data(page.utf8)))
        var nodes: [MarkupNode] = []
        doc.root?.forEachDescendantElement { nodes.append($0) }
        #expect(nodes.count >= 14)
        for names in sets {
            let set = ElementNames(names)
            for n in nodes {
                #expect(set.contains(n) == names.contains(where: n.isNamed), "\(names) \(n.name)")
                #expect(set.index(of: n) == names.firstIndex(where: n.isNamed), "\(names) \(n.name)")
            }
        }
    }
}
