import CLibXML2

/// A speed trick: a table from one document's elements to values kept in an array, not a
/// dictionary. Each element's place is its number in document order, written once into
/// libxml2's spare `_private` pointer of the node (the count into the document's), so a
/// look-up reads a pointer instead of hashing the node. The extractor asks about the same
/// blocks tens of times per paragraph; hashing them was about 9% of extraction
/// (`Benchmarks/extract-speed.sh`). `NodeMapTests` checks it answers as a `Dictionary` does.
///
/// A node of another document, or one that is not an element, is kept in a dictionary beside
/// the array. The tree must not gain elements after the first map of a document is made (the
/// extractor only reads it).
public struct NodeMap<Value> {
    // Inlinable, so the extractor gets code specialised for its values, not generic calls.
    @usableFromInline let doc: xmlDocPtr?
    @usableFromInline var slots: [Value?]
    @usableFromInline var others: [MarkupNode: Value] = [:]

    /// An empty map for the elements of `document`.
    @inlinable public init(_ document: MarkupDocument) { self.init(document.doc) }

    /// An empty map for the elements of the document `node` belongs to.
    @inlinable public init(documentOf node: MarkupNode) { self.init(node.ptr.pointee.doc) }

    @usableFromInline init(_ doc: xmlDocPtr?) {
        self.doc = doc
        slots = Array(repeating: nil, count: doc.map(Self.numberElements) ?? 0)
    }

    /// The value for `node`, if any.
    @inlinable public subscript(node: MarkupNode) -> Value? {
        get {
            if let i = slot(of: node) { return slots[i] }
            return others[node]
        }
        set {
            if let i = slot(of: node) { slots[i] = newValue } else { others[node] = newValue }
        }
    }

    /// The value for `node`, or `fallback` when it has none (for `+=` in place).
    @inlinable public subscript(node: MarkupNode, default fallback: @autoclosure () -> Value) -> Value {
        get { self[node] ?? fallback() }
        set { self[node] = newValue }
    }

    /// The element's place in `slots`, or nil when it is not numbered in this document.
    @inlinable @inline(__always)
    func slot(of node: MarkupNode) -> Int? {
        let p = node.ptr.pointee
        guard p.doc == doc, p.type == XML_ELEMENT_NODE else { return nil }
        let number = Int(bitPattern: p._private)
        return number > 0 && number <= slots.count ? number - 1 : nil
    }

    /// Numbers the document's elements 1, 2, … in document order (once per document) and
    /// returns how many there are.
    @usableFromInline static func numberElements(_ doc: xmlDocPtr) -> Int {
        if let known = doc.pointee._private { return Int(bitPattern: known) - 1 }
        var count = 0
        func number(_ e: MarkupNode) {
            count += 1
            e.ptr.pointee._private = UnsafeMutableRawPointer(bitPattern: count)
        }
        if let root = xmlDocGetRootElement(doc).map(MarkupNode.init) {  // an HTML or XML tree has one
            number(root)
            root.forEachDescendantElement(number)
        }
        doc.pointee._private = UnsafeMutableRawPointer(bitPattern: count + 1)  // never nil, even for 0
        return count
    }
}
