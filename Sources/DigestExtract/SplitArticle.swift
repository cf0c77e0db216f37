import DigestCore
import DigestMarkup

extension ContentScorer {
    /// An article split into several blocks of one class (text between photos, embeds and ad
    /// slots, each block in its own wrapper): every block of the best block's classes that
    /// holds prose, in document order. Nil when the best block is the only one.
    func splitBlocks(of top: MarkupNode) -> [MarkupNode]? {
        guard let cls = top.attribute("class"), !PostList.isPostBody(top) else { return nil }
        let tokens = cls.split(separator: " ").map(String.init)
        guard !tokens.isEmpty, tokens.allSatisfy({ !$0.contains("'") }) else { return nil }
        let test = tokens.map { "contains(concat(' ', normalize-space(@class), ' '), ' \($0) ')" }.joined(separator: " and ")
        let same = doc.xpath("//*[\(test)]")
        guard same.count >= 2 else { return nil }
        let blocks = same.filter { n in
            n == top || (!n.isAncestor(of: top) && !top.isAncestor(of: n) && !hasUnlikelyAncestor(n) && isProse(n))
        }
        return blocks.count >= 2 ? blocks : nil
    }

    /// At least a sentence of text, few of its words inside links.
    func isProse(_ n: MarkupNode) -> Bool {
        let length = HTMLText.collapse(n.textContent).scalarCount
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
