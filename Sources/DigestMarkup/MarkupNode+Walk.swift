import CLibXML2

/// Walks over libxml2's tree without building arrays or strings.
extension MarkupNode {
    /// The first child node (of any kind).
    public var firstChild: MarkupNode? { ptr.pointee.children.map(MarkupNode.init) }

    /// The next sibling node (of any kind).
    public var nextSibling: MarkupNode? { ptr.pointee.next.map(MarkupNode.init) }

    /// The child elements in order, as a sequence walked in place (no array made). Unlike
    /// `forEachChild`, a `for` loop over it lets the loop body change local values without
    /// capturing them in a closure (a captured struct is copied out again when returned).
    public var childElements: ChildElements { ChildElements(first: ptr.pointee.children) }

    /// The child elements of a node, walked along libxml2's sibling links.
    public struct ChildElements: Sequence, IteratorProtocol {
        var cursor: xmlNodePtr?

        init(first: xmlNodePtr?) { cursor = first }

        /// The next child element, nil after the last.
        public mutating func next() -> MarkupNode? {
            while let n = cursor {
                cursor = n.pointee.next
                if n.pointee.type == XML_ELEMENT_NODE { return MarkupNode(n) }
            }
            return nil
        }
    }

    /// Calls `body` for every element below this node, in document order.
    public func forEachDescendantElement(_ body: (MarkupNode) -> Void) {
        var n = ptr.pointee.children
        while let cur = n {
            if cur.pointee.type == XML_ELEMENT_NODE { body(MarkupNode(cur)) }
            if cur.pointee.type == XML_ELEMENT_NODE, let child = cur.pointee.children {
                n = child
                continue
            }
            n = nextInDocument(after: cur)
        }
    }

    /// The first element named `name` in document order, this node included (XPath
    /// `(descendant-or-self::name)[1]`), found without walking past it.
    public func firstElement(named name: String) -> MarkupNode? {
        if isElement, isNamed(name) { return self }
        var n = ptr.pointee.children
        while let cur = n {
            if cur.pointee.type == XML_ELEMENT_NODE {
                if MarkupNode(cur).isNamed(name) { return MarkupNode(cur) }
                if let child = cur.pointee.children {
                    n = child
                    continue
                }
            }
            n = nextInDocument(after: cur)
        }
        return nil
    }

    /// The node after `cur`'s subtree within this node's subtree, or nil.
    private func nextInDocument(after cur: xmlNodePtr) -> xmlNodePtr? {
        var up: xmlNodePtr? = cur
        while let u = up, u != ptr {
            if let next = u.pointee.next { return next }
            up = u.pointee.parent
        }
        return nil
    }

    /// Calls `body` with the bytes of every text and CDATA node under this node, in document order:
    /// the pieces `textContent` joins, without building it. With `skippingCode`, the text of
    /// script and style elements (code, not prose) is left out.
    public func forEachTextBytes(skippingCode: Bool = false, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        func emit(_ n: xmlNodePtr) {
            if let c = n.pointee.content { body(UnsafeBufferPointer(start: c, count: Int(xmlStrlen(c)))) }
        }
        if ptr.pointee.type == XML_TEXT_NODE || ptr.pointee.type == XML_CDATA_SECTION_NODE { return emit(ptr) }
        var n = ptr.pointee.children
        while let cur = n {
            if cur.pointee.type == XML_TEXT_NODE || cur.pointee.type == XML_CDATA_SECTION_NODE { emit(cur) }
            if cur.pointee.type == XML_ELEMENT_NODE, let child = cur.pointee.children,
               !(skippingCode && Self.isCode(cur)) {
                n = child
                continue
            }
            n = nextInDocument(after: cur)
        }
    }

    /// The node's text without the text of script and style elements (`textContent` less code):
    /// what a reader of the page sees of it.
    public var prose: String {
        var bytes: [UInt8] = []
        forEachTextBytes(skippingCode: true) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether this is a script or style element, whose text is code, not prose.
    public var isCode: Bool { isElement && Self.isCode(ptr) }

    /// A script or style element (HTML names are lower-case in libxml2's tree).
    static func isCode(_ n: xmlNodePtr) -> Bool {
        guard let name = n.pointee.name else { return false }
        // Byte compares: no C string is made for the names.
        return (name[0] == 0x73 && name[1] == 0x63 && name[2] == 0x72 && name[3] == 0x69 && name[4] == 0x70
                    && name[5] == 0x74 && name[6] == 0)  // "script"
            || (name[0] == 0x73 && name[1] == 0x74 && name[2] == 0x79 && name[3] == 0x6C && name[4] == 0x65
                    && name[5] == 0)  // "style"
    }


    /// Whether the node comes before `other` in document order (a tie-break that depends neither
    /// on hashing nor on where memory happens to be; lines tie on minified pages).
    public func precedes(_ other: MarkupNode) -> Bool {
        xmlXPathCmpNodes(ptr, other.ptr) == 1
    }
}
