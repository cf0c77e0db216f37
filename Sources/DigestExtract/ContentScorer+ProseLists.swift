import DigestMarkup

extension ContentScorer {
    /// A list set between two of the article's paragraphs whose every item says something of its
    /// own beside its link ("Bad news! – 16.2%", "We released the new [EC2 instance type]."):
    /// part of the article, however much of it is linked. A menu, a tag list or a row of share
    /// buttons has items that are links and nothing else, and a list of related stories follows
    /// the article instead of sitting inside it.
    func isListInProse(_ n: MarkupNode) -> Bool {
        guard n.isNamed("ul") || n.isNamed("ol") || n.isNamed("table") else { return false }
        var items = 0, annotated = 0
        n.forEachDescendantElement { e in
            guard e.isNamed("li") else { return }
            items += 1
            if Self.hasOwnWords(e) { annotated += 1 }
        }
        guard items >= 3, annotated == items else { return false }
        return hasParagraph(n, before: true) && hasParagraph(n, before: false)
    }

    /// Whether `n` has a letter or digit in text outside its links.
    static func hasOwnWords(_ n: MarkupNode) -> Bool {
        var found = false
        func visit(_ x: MarkupNode) {
            x.forEachChildNode { c in
                guard !found else { return }
                if c.isText {
                    found = c.textContent.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
                } else if c.isElement, !c.isNamed("a") {
                    visit(c)
                }
            }
        }
        visit(n)
        return found
    }

    /// Whether a sibling of `n` before it (or after it) is a paragraph of text.
    func hasParagraph(_ n: MarkupNode, before: Bool) -> Bool {
        var seenSelf = false
        var found = false
        n.parent?.forEachChild { c in
            if c == n { seenSelf = true; return }
            guard !found, seenSelf != before, c.isNamed("p") else { return }
            found = HTMLText.collapse(c.textContent).unicodeScalars.count >= 20
        }
        return found
    }
}
