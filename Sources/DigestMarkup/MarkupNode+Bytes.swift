import CLibXML2
import DigestBytes
import DigestCore
import Foundation

/// Names and attribute values read in place from libxml2's tree, without making Strings:
/// the extractor asks these of every element of a page.
extension MarkupNode {
    /// Whether the node's name is `name` (HTML names are lower-case in libxml2's tree).
    public func isNamed(_ name: String) -> Bool {
        guard let n = ptr.pointee.name else { return false }
        return Self.equal(n, name.utf8)
    }

    /// Whether the C string `n` is `name` (its UTF-8 bytes), byte for byte (no C string is made).
    static func equal<Bytes: Sequence<UInt8>>(_ n: UnsafePointer<xmlChar>, _ name: Bytes) -> Bool {
        var i = 0
        for byte in name {  // stops at the first difference, the end of `n` (0) included
            if n[i] != byte { return false }
            i += 1
        }
        return n[i] == 0
    }

    /// Whether the element has any attribute.
    public var hasAttributes: Bool { ptr.pointee.properties != nil }

    /// Calls `body` with each attribute's name bytes and a function reading its value (entities
    /// decoded, as `attributes(where:)` reads it), in document order: values of the attributes
    /// not wanted are never read.
    public func forEachAttribute(_ body: (UnsafeBufferPointer<UInt8>, () -> String) -> Void) {
        var a = ptr.pointee.properties
        while let attr = a {
            a = attr.pointee.next
            guard let n = attr.pointee.name else { continue }
            body(UnsafeBufferPointer(start: n, count: Int(xmlStrlen(n)))) {
                guard let v = xmlNodeListGetString(ptr.pointee.doc, attr.pointee.children, 1) else { return "" }
                defer { cxml_free(v) }
                return String(cString: v)
            }
        }
    }

    /// Whether the name has a colon (a prefix libxml2 kept in the name: undeclared in recover mode).
    public var nameHasColon: Bool {
        guard let n = ptr.pointee.name else { return false }
        return strchr(UnsafeRawPointer(n).assumingMemoryBound(to: CChar.self), 58) != nil
    }

    /// Whether the node is in no namespace.
    public var hasNamespace: Bool { ptr.pointee.ns?.pointee.href != nil }

    /// Whether the node's namespace URI is exactly `uri` (no String is made for the URI).
    public func isInNamespace(_ uri: String) -> Bool {
        guard let href = ptr.pointee.ns?.pointee.href else { return false }
        return withXMLChars(uri) { xmlStrEqual(href, $0) } != 0
    }

    /// Calls `body` with the bytes of the node's namespace URI; nil when it is in none.
    public func withNamespaceBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard let href = ptr.pointee.ns?.pointee.href else { return nil }
        return body(UnsafeBufferPointer(start: href, count: Int(xmlStrlen(href))))
    }

    /// Whether both nodes are in the same namespace URI (or both in none).
    public func hasSameNamespace(as other: MarkupNode) -> Bool {
        let a = ptr.pointee.ns?.pointee.href, b = other.ptr.pointee.ns?.pointee.href
        guard let a, let b else { return a == nil && b == nil }
        return a == b || xmlStrEqual(a, b) != 0
    }

    /// Calls `body` with the bytes of an attribute's value (any namespace, as `attribute(_:)`),
    /// or returns nil when the element has no such attribute.
    public func withAttributeBytes<R>(_ name: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        var a = ptr.pointee.properties
        while let attr = a {
            a = attr.pointee.next
            guard let n = attr.pointee.name, Self.equal(n, name.utf8) else { continue }
            let text = attr.pointee.children
            if text == nil { return body(UnsafeBufferPointer(start: nil, count: 0)) }
            if let t = text, t.pointee.next == nil, t.pointee.type == XML_TEXT_NODE, let c = t.pointee.content {
                return body(UnsafeBufferPointer(start: c, count: Int(xmlStrlen(c))))
            }
            guard let v = xmlNodeListGetString(ptr.pointee.doc, text, 1) else {
                return body(UnsafeBufferPointer(start: nil, count: 0))
            }
            defer { cxml_free(v) }
            return body(UnsafeBufferPointer(start: v, count: Int(xmlStrlen(v))))
        }
        return nil
    }

    /// Whether the attribute's value is exactly `value`.
    public func attribute(_ name: String, equals value: String) -> Bool {
        withAttributeBytes(name) { $0.elementsEqual(value.utf8) } ?? false
    }

    /// Whether the attribute's value contains the non-empty `part` (XPath `contains(@name, part)`).
    public func attribute(_ name: String, contains part: [UInt8]) -> Bool {
        withAttributeBytes(name) { ByteSearch.find(part, in: $0) != nil } ?? false
    }
}

/// Calls `body` with `s` as a C string of `xmlChar`s. (Passing a String where libxml2 wants
/// `const xmlChar *` makes Swift copy it into a new array on every call; `withCString` lends
/// the String's own bytes, or a copy on the stack for short ones.)
@inline(__always)
func withXMLChars<R>(_ s: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
    s.withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
}
