import DigestCore
import DigestMarkup

/// Raw text length and link text length of every element under a root, worked out in one
/// post-order walk: a block's link density is then a look-up, not a walk over its subtree
/// (the scorer asks about wrappers nested many levels deep). Script and style text does not
/// count, as in `TextStats`.
final class LengthIndex {
    struct Lengths {
        /// Scalars of the text (`TextStats.rawLength`).
        var raw = 0
        /// Scalars of the text inside links; a link inside a link counts again, as `.//a` does.
        var links = 0
    }

    private(set) var byNode: [MarkupNode: Lengths] = [:]

    init(root: MarkupNode) {
        _ = visit(root)
    }

    private func visit(_ n: MarkupNode) -> Lengths {
        var sum = Lengths()
        var child = n.firstChild
        while let c = child {
            if c.isText {
                sum.raw += c.withRawTextBytes(String.scalarCount(of:))
            } else if c.isElement, !c.isCode {
                let inner = visit(c)
                sum.raw += inner.raw
                sum.links += inner.links + (c.isNamed("a") ? inner.raw : 0)
            }
            child = c.nextSibling
        }
        byNode[n] = sum
        return sum
    }
}
