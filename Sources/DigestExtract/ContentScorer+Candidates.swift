import DigestMarkup

extension ContentScorer {
    /// The blocks whose text is scored, in document order: every p, pre and td; li and section
    /// without a p inside; div with neither p nor div inside. (The XPath
    /// `.//p | .//pre | .//td | .//li[not(.//p)] | .//div[not(.//p) and not(.//div)] | .//section[not(.//p)]`
    /// in one walk: its predicates searched every subtree again.)
    func candidates(in body: MarkupNode) -> [MarkupNode] {
        var slots: [MarkupNode?] = []
        // Returns whether the subtree below `n` holds a p, and a div.
        func visit(_ n: MarkupNode) -> (p: Bool, div: Bool) {
            var hasP = false, hasDiv = false
            var child = n.firstChild
            while let c = child {
                if c.isElement {
                    let name = c.name
                    let slot = slots.count
                    slots.append(nil)  // the element comes before its descendants
                    let below = visit(c)
                    let chosen: Bool
                    switch name {
                    case "p", "pre", "td": chosen = true
                    case "li", "section": chosen = !below.p
                    case "div": chosen = !below.p && !below.div
                    default: chosen = false
                    }
                    if chosen { slots[slot] = c }
                    hasP = hasP || below.p || name == "p"
                    hasDiv = hasDiv || below.div || name == "div"
                }
                child = c.nextSibling
            }
            return (hasP, hasDiv)
        }
        _ = visit(body)
        return slots.compactMap { $0 }
    }

    /// The raw text length inside the links below `n` (nested links count again, as `.//a` does).
    func linkTextLength(_ n: MarkupNode) -> Int {
        var total = 0
        n.forEachDescendantElement { e in
            if e.isNamed("a") { total += TextStats(e).rawLength }
        }
        return total
    }
}
