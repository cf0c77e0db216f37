import DigestCore
import DigestMarkup

/// Text figures (`TextStats`) and link text length of every element under a root, worked out
/// in one post-order walk: a block's figures are its children's put together, and its link
/// density is a look-up, not a walk over its subtree (the scorer asks about wrappers nested
/// many levels deep). Script and style text does not count, as in `TextStats`.
final class LengthIndex {
    struct Lengths {
        /// The text's figures.
        var text = TextStats()
        /// Scalars of the text inside links; a link inside a link counts again, as `.//a` does.
        var links = 0
        /// The same with white space collapsed, as the text's `collapsedLength` counts it.
        var collapsedLinks = 0
        /// Scalars of the text (`TextStats.rawLength`).
        var raw: Int { text.rawLength }
    }

    private(set) var byNode: NodeMap<Lengths>

    /// A block's text figures: from `index`, or read from its text when it lies outside.
    static func text(of n: MarkupNode, in index: LengthIndex?) -> TextStats { index?.byNode[n]?.text ?? TextStats(n) }

    init(root: MarkupNode) {
        byNode = NodeMap(documentOf: root)
        _ = visit(root)
    }

    private func visit(_ n: MarkupNode) -> Lengths {
        var sum = Lengths()
        var child = n.firstChild
        while let c = child {
            if c.isText {
                sum.text.append(c.withRawTextBytes(TextStats.init(bytes:)))
            } else if c.isElement, !c.isCode {
                let inner = visit(c)
                sum.text.append(inner.text)
                sum.links += inner.links + (c.isNamed("a") ? inner.raw : 0)
                sum.collapsedLinks += inner.collapsedLinks + (c.isNamed("a") ? inner.text.collapsedLength : 0)
            }
            child = c.nextSibling
        }
        byNode[n] = sum
        return sum
    }
}
