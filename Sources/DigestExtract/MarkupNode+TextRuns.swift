import DigestMarkup

extension MarkupNode {
    /// Calls `body` with the text of each text node below this one in document order (script
    /// and style left out) until it returns false or the walk leaves `last`'s subtree: the text
    /// a reader meets from the top of the page to the end of a given block.
    func forEachTextRun(through last: MarkupNode?, _ body: (String) -> Bool) {
        var done = false
        func visit(_ n: MarkupNode) {
            var child = n.firstChild
            while let c = child, !done {
                if c.isText {
                    if !body(c.withRawTextBytes { String(decoding: $0, as: UTF8.self) }) { done = true }
                } else if c.isElement, !c.isCode {
                    visit(c)
                    if c == last { done = true }
                }
                child = c.nextSibling
            }
        }
        visit(self)
    }
}
