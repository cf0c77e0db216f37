import DigestMarkup

extension ContentScorer {
    /// A list set in the article's prose — after a paragraph, and before another or after one
    /// that introduces it ("From left to right:") — whose every item says something of its own
    /// beside its link ("Bad news! – 16.2%", "We released the new [EC2 instance type].", "3. [Yellow
    /// Floral Wallpaper]"): part of the article, however much of it is linked. A menu, a tag list
    /// or a row of share buttons has items that are links and nothing else, and a list of related
    /// stories follows the article instead of being introduced by it. The items are a list's or a
    /// table's `li`, or a paragraph's lines between `<br>`.
    func isListInProse(_ n: MarkupNode) -> Bool {
        let items: [Bool]
        if n.isNamed("ul") || n.isNamed("ol") || n.isNamed("table") {
            var found: [Bool] = []
            n.forEachDescendantElement { e in if e.isNamed("li") { found.append(Self.hasOwnWords(e)) } }
            items = found
        } else if n.isNamed("p") {
            items = Self.linesHaveOwnWords(n)
        } else {
            return false
        }
        guard items.count >= 3, !items.contains(false) else { return false }
        guard let before = paragraph(beside: n, before: true) else { return false }
        let introduced = before.hasSuffix(":") || before.hasSuffix("：")
        return introduced || paragraph(beside: n, before: false) != nil
    }

    /// For each line of a paragraph (its text between `<br>`), whether it has words outside links.
    static func linesHaveOwnWords(_ p: MarkupNode) -> [Bool] {
        var lines: [Bool] = []
        var own = false, any = false
        func close() {
            if any { lines.append(own) }
            (own, any) = (false, false)
        }
        func visit(_ x: MarkupNode, inLink: Bool) {
            var next = x.firstChild
            while let c = next {
                next = c.nextSibling
                if c.isText {
                    let words = c.textContent.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
                    any = any || words
                    own = own || (words && !inLink)
                } else if c.isNamed("br") {
                    close()
                } else if c.isElement, !c.isCode {
                    visit(c, inLink: inLink || c.isNamed("a"))
                }
            }
        }
        visit(p, inLink: false)
        close()
        return lines
    }

    /// Whether `n` has a letter or digit in text outside its links.
    static func hasOwnWords(_ n: MarkupNode) -> Bool {
        var found = false
        func visit(_ x: MarkupNode) {
            x.forEachChildNode { c in
                guard !found else { return }
                if c.isText {
                    found = c.textContent.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
                } else if c.isElement, !c.isNamed("a"), !c.isCode {
                    visit(c)
                }
            }
        }
        visit(n)
        return found
    }

    /// The text of the nearest paragraph among the siblings before `n` (or after it), if it has a
    /// sentence's worth of text or introduces what follows; other elements in between (a figure,
    /// a heading) are passed over.
    func paragraph(beside n: MarkupNode, before: Bool) -> String? {
        var seenSelf = false
        var found: String?
        n.parent?.forEachChild { c in
            if c == n {
                seenSelf = true
                return
            }
            guard seenSelf != before, c.isNamed("p") else { return }
            if before || found == nil {
                let text = HTMLText.collapse(c.prose)
                let introduces = text.hasSuffix(":") || text.hasSuffix("：")
                if text.unicodeScalars.count >= 20 || introduces { found = text } else if before { found = nil }
            }
        }
        return found
    }
}
