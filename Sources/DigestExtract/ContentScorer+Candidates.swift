import DigestMarkup

extension ContentScorer {
    /// The blocks whose text is scored, in document order: every p and pre; li and section
    /// without a p inside; div with neither p nor div inside; td without a div inside. (The XPath
    /// `.//p | .//pre | .//td | .//li[not(.//p)] | .//div[not(.//p) and not(.//div)] | .//section[not(.//p)]`
    /// in one walk: its predicates searched every subtree again.)
    func candidates(in body: MarkupNode) -> [MarkupNode] { scanned(body).candidates }

    /// The candidates, and the blocks that hold blocks but may also hold text of their own (div,
    /// section, article, td, li and blockquote that are no candidates).
    func scanned(_ body: MarkupNode) -> (candidates: [MarkupNode], mixed: [MarkupNode]) {
        var slots: [MarkupNode?] = []
        var mixed: [MarkupNode] = []
        // Returns whether the subtree below `n` holds a p, and a div.
        func visit(_ n: MarkupNode) -> (p: Bool, div: Bool) {
            var hasP = false, hasDiv = false
            var child = n.firstChild
            while let c = child {
                if c.isElement {
                    let slot = slots.count
                    slots.append(nil)  // the element comes before its descendants
                    let below = visit(c)
                    let tag = Self.scannedTags.index(of: c)
                    let isP = tag == 0, isDiv = tag == 4
                    let chosen: Bool
                    switch tag {
                    case 0, 1: chosen = true  // p, pre
                    case 2, 3: chosen = !below.p  // li, section
                    case 4: chosen = !below.p && !below.div  // div
                    case 5: chosen = !below.div  // td: a cell that holds divs is page layout, the blocks inside are scored instead
                    default: chosen = false
                    }
                    if chosen { slots[slot] = c } else if Self.mixedTags.contains(c) { mixed.append(c) }
                    hasP = hasP || below.p || isP
                    hasDiv = hasDiv || below.div || isDiv
                }
                child = c.nextSibling
            }
            return (hasP, hasDiv)
        }
        _ = visit(body)
        return (slots.compactMap { $0 }, mixed)
    }

    /// The names `scanned` tells apart, in the order of its cases.
    static let scannedTags = ElementNames(["p", "pre", "li", "section", "div", "td"])
    static let mixedTags = ElementNames(["div", "section", "article", "td", "li", "blockquote", "main"])

    /// Text written straight into a block that also holds blocks (a post body of lines split by
    /// `<br>` around an image div, a bare text node beside pictures): its runs of phrasing
    /// content between blocks — and between two `<br>` in a row — scored as Readability scores
    /// the paragraphs it makes of them. Each run's figures, for the block `n` itself.
    func phrasingRuns(of n: MarkupNode) -> [TextStats] {
        var runs: [TextStats] = []
        var run = TextStats(), lastWasBreak = false
        func close() {
            if run.collapsedLength > 0 { runs.append(run) }
            run = TextStats()
        }
        var next = n.firstChild  // every child node: `children` holds elements only
        while let c = next {
            next = c.nextSibling
            if c.isText {
                let t = textStats(c)
                run.append(t)
                if t.collapsedLength > 0 { lastWasBreak = false }  // white space between two <br> is no text
            } else if c.isElement {
                if c.isNamed("br") {
                    if lastWasBreak { close() }
                    lastWasBreak = true
                } else if Self.phrasingTags.contains(c.name) {
                    run.append(textStats(c))
                    lastWasBreak = false
                } else {
                    close()
                    lastWasBreak = false
                }
            }
        }
        close()
        return runs
    }

    /// Elements that sit inside a line of text.
    static let phrasingTags: Set<String> = ["a", "b", "strong", "i", "em", "span", "font", "u", "small", "big", "sup", "sub",
                                            "code", "abbr", "cite", "q", "mark", "time", "s", "strike", "tt", "var", "kbd"]

    /// The length of the text inside the links below `n`, each link counted on its own (nested
    /// links count again, as `.//a` does): `raw` as Readability's XPath counts it, `collapsed`
    /// without white space — what `LengthIndex` keeps for the blocks it indexes.
    func linkText(_ n: MarkupNode) -> (raw: Int, collapsed: Int) {
        var raw = 0, collapsed = 0
        n.forEachDescendantElement { e in
            guard e.isNamed("a") else { return }
            let t = TextStats(e)
            raw += t.rawLength
            collapsed += t.collapsedLength
        }
        return (raw, collapsed)
    }
}
