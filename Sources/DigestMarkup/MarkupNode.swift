import CLibXML2

/// A read-only view of a libxml2 node; valid only while its document lives.
public struct MarkupNode {
    @usableFromInline let ptr: xmlNodePtr

    init(_ ptr: xmlNodePtr) { self.ptr = ptr }

    /// True for element nodes.
    public var isElement: Bool { ptr.pointee.type == XML_ELEMENT_NODE }

    /// True for comments.
    public var isComment: Bool { ptr.pointee.type == XML_COMMENT_NODE }

    /// True for text and CDATA nodes.
    public var isText: Bool { ptr.pointee.type == XML_TEXT_NODE || ptr.pointee.type == XML_CDATA_SECTION_NODE }

    /// Local name, lower-cased for HTML by libxml2 itself.
    public var name: String { ptr.pointee.name.map { String(cString: $0) } ?? "" }

    /// The name lower-cased (XML names keep their case in libxml2's tree); no second String
    /// is made when it already is.
    public var lowercasedName: String {
        guard let n = ptr.pointee.name else { return "" }
        var i = 0
        while n[i] != 0 {
            if n[i] >= 65 && n[i] <= 90 || n[i] >= 0x80 { return String(cString: n).lowercased() }
            i += 1
        }
        return String(cString: n)
    }

    /// Namespace URI, if the element is in one.
    public var namespaceURI: String? { ptr.pointee.ns?.pointee.href.map { String(cString: $0) } }

    /// Namespace prefix as written.
    public var prefix: String? { ptr.pointee.ns?.pointee.prefix.map { String(cString: $0) } }

    /// Element children in order.
    public var children: [MarkupNode] {
        var out: [MarkupNode] = []
        var c = ptr.pointee.children
        while let n = c {
            if n.pointee.type == XML_ELEMENT_NODE { out.append(MarkupNode(n)) }
            c = n.pointee.next
        }
        return out
    }

    /// All child nodes (elements, text, CDATA, …) in order.
    public var childNodes: [MarkupNode] {
        var out: [MarkupNode] = []
        var c = ptr.pointee.children
        while let n = c {
            out.append(MarkupNode(n))
            c = n.pointee.next
        }
        return out
    }

    /// Calls `body` with each child node (elements, text, CDATA, …) in order, without making an array.
    public func forEachChildNode(_ body: (MarkupNode) -> Void) {
        var c = ptr.pointee.children
        while let n = c {
            c = n.pointee.next
            body(MarkupNode(n))
        }
    }

    /// Calls `body` with each child element in order, without making an array.
    public func forEachChild(_ body: (MarkupNode) -> Void) {
        var c = ptr.pointee.children
        while let n = c {
            c = n.pointee.next
            if n.pointee.type == XML_ELEMENT_NODE { body(MarkupNode(n)) }
        }
    }

    /// The parent element, if any.
    public var parent: MarkupNode? {
        guard let p = ptr.pointee.parent, p.pointee.type == XML_ELEMENT_NODE else { return nil }
        return MarkupNode(p)
    }

    /// Concatenated text of this node and its descendants.
    public var textContent: String {
        // One text or CDATA child (a title, a date, a CDATA description): its bytes, uncopied by libxml2.
        if let only = ptr.pointee.children, only.pointee.next == nil,
           only.pointee.type == XML_TEXT_NODE || only.pointee.type == XML_CDATA_SECTION_NODE, let content = only.pointee.content {
            return String(cString: content)
        }
        guard let c = xmlNodeGetContent(ptr) else { return "" }
        defer { cxml_free(c) }
        return String(cString: c)
    }

    /// Calls `body` with the bytes of the node's text when that is one text or CDATA child (a
    /// title, a date, a link), without making a String; nil for any other content.
    public func withOnlyTextBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard let only = ptr.pointee.children, only.pointee.next == nil,
              only.pointee.type == XML_TEXT_NODE || only.pointee.type == XML_CDATA_SECTION_NODE,
              let content = only.pointee.content else { return nil }
        return body(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
    }

    /// The raw content of a text node.
    public var rawText: String {
        guard let c = ptr.pointee.content else { return "" }
        return String(cString: c)
    }

    /// The text node's own content as UTF-8 bytes, without making a String.
    public func withRawTextBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let c = ptr.pointee.content else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: c, count: Int(xmlStrlen(c))))
    }

    /// Value of an attribute without namespace (or with any namespace when `anyNamespace`).
    public func attribute(_ name: String) -> String? {
        guard let v = withXMLChars(name, { xmlGetProp(ptr, $0) }) else { return nil }
        defer { cxml_free(v) }
        return String(cString: v)
    }

    /// Value of a namespaced attribute.
    public func attribute(_ name: String, namespace: String) -> String? {
        guard let v = xmlGetNsProp(ptr, name, namespace) else { return nil }
        defer { cxml_free(v) }
        return String(cString: v)
    }

    /// The attributes whose lower-cased name `keep` accepts, as (lower-cased name, value) pairs in
    /// document order; values of the others are never read (style attributes can be long).
    public func attributes(where keep: (String) -> Bool) -> [(name: String, value: String)] {
        var out: [(String, String)] = []
        var a = ptr.pointee.properties
        while let attr = a {
            a = attr.pointee.next
            let name = (attr.pointee.name.map { String(cString: $0) } ?? "").lowercased()
            guard keep(name) else { continue }
            var value = ""
            if let v = xmlNodeListGetString(ptr.pointee.doc, attr.pointee.children, 1) {
                value = String(cString: v)
                cxml_free(v)
            }
            out.append((name, value))
        }
        return out
    }

    /// The children serialized as markup (XML serialization).
    public var innerXML: String {
        let buf = xmlBufferCreate()
        defer { xmlBufferFree(buf) }
        var c = ptr.pointee.children
        while let n = c {
            xmlNodeDump(buf, ptr.pointee.doc, n, 0, 0)
            c = n.pointee.next
        }
        guard let b = buf, let content = xmlBufferContent(b) else { return "" }
        return String(cString: content)
    }

    /// The first child element with a local name (and namespace, when given).
    public func child(_ name: String, namespace: String? = nil) -> MarkupNode? {
        children.first { $0.name == name && (namespace == nil || $0.namespaceURI == namespace) }
    }

    /// The 1-based source line of the node.
    public var line: Int { Int(xmlGetLineNo(ptr)) }
}

extension MarkupNode: Equatable {
    /// The same node of the same document.
    public static func == (a: MarkupNode, b: MarkupNode) -> Bool { a.ptr == b.ptr }
}

extension MarkupNode: Hashable {
    /// Hashes the node's identity.
    public func hash(into hasher: inout Hasher) { hasher.combine(ptr) }
}
