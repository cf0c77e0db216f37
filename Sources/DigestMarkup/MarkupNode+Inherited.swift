import CLibXML2

extension MarkupNode {
    /// The base URL in effect at this node (nested `xml:base` resolved against the document URL).
    public var baseURL: String? {
        guard let b = xmlNodeGetBase(ptr.pointee.doc, ptr) else { return nil }
        defer { cxml_free(b) }
        return String(cString: b)
    }

    /// The `xml:lang` in effect at this node.
    public var language: String? {
        guard let l = xmlNodeGetLang(ptr) else { return nil }
        defer { cxml_free(l) }
        let s = String(cString: l)
        return s.isEmpty ? nil : s
    }

    /// Whether the element has element children (inline markup rather than text).
    public var hasElementChildren: Bool {
        var c = ptr.pointee.children
        while let n = c {
            if n.pointee.type == XML_ELEMENT_NODE { return true }
            c = n.pointee.next
        }
        return false
    }
}
