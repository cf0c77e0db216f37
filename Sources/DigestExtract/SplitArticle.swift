import DigestBytes
import DigestCore
import DigestMarkup

extension ContentScorer {
    /// An article split into several blocks of one class (text between photos, embeds and ad
    /// slots, each block in its own wrapper): every block of the best block's classes that
    /// holds prose, in document order. Nil when the best block is the only one.
    func splitBlocks(of top: MarkupNode) -> [MarkupNode]? {
        guard let cls = top.attribute("class"), !PostList.isPostBody(top) else { return nil }
        let tokens = cls.split(separator: " ").map(String.init)
        guard !tokens.isEmpty else { return nil }
        let same = Self.elements(in: doc, withClasses: tokens.map { Array($0.utf8) })
        guard same.count >= 2 else { return nil }
        let blocks = same.filter { n in
            n == top || (!n.isAncestor(of: top) && !top.isAncestor(of: n) && !hasUnlikelyAncestor(n) && isProse(n))
        }
        return blocks.count >= 2 ? blocks : nil
    }

    /// Every element whose class list holds all of `tokens`, in document order (XPath
    /// `//*[contains(concat(' ', normalize-space(@class), ' '), ' t ') and …]` in one walk).
    static func elements(in doc: MarkupDocument, withClasses tokens: [[UInt8]]) -> [MarkupNode] {
        guard let root = doc.root else { return [] }
        var out: [MarkupNode] = []
        func test(_ e: MarkupNode) {
            let all = e.withAttributeBytes("class") { v in
                let words = v.split(whereSeparator: PageScan.isXMLSpace)
                return tokens.allSatisfy { t in words.contains { $0.elementsEqual(t) } }
            }
            if all == true { out.append(e) }
        }
        test(root)
        root.forEachDescendantElement(test)
        return out
    }

    /// At least a sentence of text, few of its words inside links.
    func isProse(_ n: MarkupNode) -> Bool {
        let length = HTMLText.collapse(n.prose).scalarCount
        return length >= 80 && linkDensity(n, textLength: length) < 0.25
    }
}

extension MarkupNode {
    /// Whether `other` lies inside this node.
    func isAncestor(of other: MarkupNode) -> Bool {
        var p = other.parent
        while let x = p {
            if x == self { return true }
            p = x.parent
        }
        return false
    }
}
