import CArena
import CLibXML2
import Foundation

/// A parsed XML or HTML document owned by libxml2.
///
/// Not `Sendable`: a document is parsed, read and released by one task.
public final class MarkupDocument {
    @usableFromInline let doc: xmlDocPtr
    /// True when the XML was not well-formed and libxml2's recover mode was needed.
    public let recovered: Bool

    /// The arena scope depth the document was made in (0: none).
    let arenaDepth: Int32

    init(doc: xmlDocPtr, recovered: Bool) {
        self.doc = doc
        self.recovered = recovered
        arenaDepth = carena_depth()
    }

    deinit {
        // Made in the scope still open, all of it in the arena: the scope's end frees the whole
        // tree at once (an item's HTML fragment is a few hundred nodes freed one by one otherwise).
        if arenaDepth > 0, carena_clean(arenaDepth) != 0 { return }
        xmlFreeDoc(doc)
    }

    /// The root element.
    public var root: MarkupNode? { xmlDocGetRootElement(doc).map(MarkupNode.init) }

    /// The encoding libxml2 decoded the document from.
    public var encoding: String? { doc.pointee.encoding.map { String(cString: $0) } }

    /// Whether the document declares entities in an internal DTD subset.
    public var declaresEntities: Bool {
        guard let subset = doc.pointee.intSubset else { return false }
        var c = subset.pointee.children
        while let n = c {
            if n.pointee.type == XML_ENTITY_DECL { return true }
            c = n.pointee.next
        }
        return false
    }

    /// Safe options: never load external entities or DTDs, never substitute entities (no NOENT).
    static let safeXMLOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)

    /// Parses XML safely; tries strict first, then recover mode (`recovered` is then true).
    ///
    /// - Parameters:
    ///   - data: the raw bytes.
    ///   - encoding: an encoding that overrides the declaration (e.g. from HTTP), or nil.
    ///   - url: the document's URL, for base resolution.
    ///   - validUTF8: the bytes are known to be valid UTF-8 (checked or decoded by the caller):
    ///     libxml2 reads them in place, its default, declaration ignored, instead of copying them
    ///     through its UTF-8 converter; `encoding` is then not used.
    public static func xml(_ data: Data, encoding: String? = nil, url: String? = nil, validUTF8: Bool = false) throws -> MarkupDocument {
        MarkupLibrary.initialize()
        if data.isEmpty { throw MarkupError(.empty) }
        let encoding = validUTF8 ? nil : encoding
        // An encoding given by the caller wins over the declaration (which may name one iconv lacks).
        let safeXMLOptions = safeXMLOptions | (encoding == nil && !validUTF8 ? 0 : Int32(XML_PARSE_IGNORE_ENC.rawValue))
        let strict = read(data, encoding: encoding, url: url, options: safeXMLOptions)
        if let strict { return MarkupDocument(doc: strict, recovered: false) }
        let line = lastErrorLine()
        let recoverOpts = safeXMLOptions | Int32(XML_PARSE_RECOVER.rawValue)
        guard let doc = read(data, encoding: encoding, url: url, options: recoverOpts) else {
            throw MarkupError(.notWellFormed(line: line))
        }
        return MarkupDocument(doc: doc, recovered: true)
    }

    /// Parses HTML leniently (libxml2's HTML parser always recovers), in `encoding` or else the
    /// one the page declares.
    public static func html(_ data: Data, encoding: String? = nil, url: String? = nil) -> MarkupDocument? {
        MarkupLibrary.initialize()
        return data.withUnsafeBytes { html($0, encoding: encoding, url: url, options: lenientHTMLOptions) }
    }

    /// Parses HTML that is valid UTF-8 (decoded by us); the page's own `<meta charset>` is not obeyed.
    /// With `withoutCode`, the text of script and style elements (JSON scripts excepted) and of
    /// comments is cut out before parsing (`CodeBodies`): the same tree less that text, sooner.
    public static func html(utf8 data: Data, url: String? = nil, withoutCode: Bool = false) -> MarkupDocument? {
        MarkupLibrary.initialize()
        return data.withUnsafeBytes { raw in
            if withoutCode, let cut = CodeBodies.removed(from: raw) {
                return cut.withUnsafeBytes { html($0, encoding: nil, url: url, options: utf8HTMLOptions) }
            }
            return html(raw, encoding: nil, url: url, options: utf8HTMLOptions)
        }
    }

    static func html(_ raw: UnsafeRawBufferPointer, encoding: String?, url: String?, options: Int32) -> MarkupDocument? {
        guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self),
              let doc = htmlReadMemory(base, Int32(raw.count), url, encoding, options) else { return nil }
        return MarkupDocument(doc: doc, recovered: false)
    }

    /// Parses an HTML fragment (UTF-8 text); its nodes are the children of `body`.
    public static func htmlFragment(_ html: String) -> MarkupDocument? {
        MarkupLibrary.initialize()
        // The page around the fragment, made in one buffer (no String joined, no Data copied).
        var page: [UInt8] = []
        page.reserveCapacity(fragmentHead.count + html.utf8.count + fragmentTail.count)
        page += fragmentHead
        page += html.utf8
        page += fragmentTail
        return page.withUnsafeBytes { Self.html($0, encoding: nil, url: nil, options: fragmentOptions) }
    }

    /// A fragment's page has no document type: none is parsed and none made up (libxml2 adds
    /// HTML 4.0's otherwise); the parser reads HTML the same either way.
    static let fragmentOptions = utf8HTMLOptions | Int32(HTML_PARSE_NODEFDTD.rawValue)

    /// For bytes known to be UTF-8 (a Swift String's): no encoding named and the page's own
    /// declarations ignored, so libxml2 reads the bytes where they are as UTF-8, its default.
    /// Naming "UTF-8" would put every byte through its UTF-8 "converter", a copy made 4 KB at a
    /// time as the parser asks for more (a fragment parsed ~1.6x slower).
    static let utf8HTMLOptions = lenientHTMLOptions | Int32(HTML_PARSE_IGNORE_ENC.rawValue)

    /// libxml2's HTML parser, recovering, silent, never on the network.
    static let lenientHTMLOptions = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)

    static let fragmentHead = Array("<html><head></head><body>".utf8)
    static let fragmentTail = Array("</body></html>".utf8)

    /// The `body` element of an HTML document.
    public var body: MarkupNode? {
        root?.firstElement(named: "body")  // `//body`, without XPath's search of the whole tree
    }

    /// Evaluates an XPath expression relative to `node` (or the document) and returns element/text nodes.
    public func xpath(_ expression: String, from node: MarkupNode? = nil,
                      namespaces: [String: String] = [:]) -> [MarkupNode] {
        guard let ctx = xmlXPathNewContext(doc) else { return [] }
        defer { xmlXPathFreeContext(ctx) }
        for (prefix, uri) in namespaces { xmlXPathRegisterNs(ctx, prefix, uri) }
        if let node { ctx.pointee.node = node.ptr }
        guard let result = xmlXPathEvalExpression(expression, ctx) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval else { return [] }
        var out: [MarkupNode] = []
        for i in 0..<Int(set.pointee.nodeNr) {
            if let n = set.pointee.nodeTab[i] { out.append(MarkupNode(n)) }
        }
        return out
    }

    /// Evaluates an XPath expression to a string (`string(…)`, `normalize-space(…)`).
    public func xpathString(_ expression: String, from node: MarkupNode? = nil) -> String? {
        guard let ctx = xmlXPathNewContext(doc) else { return nil }
        defer { xmlXPathFreeContext(ctx) }
        if let node { ctx.pointee.node = node.ptr }
        guard let result = xmlXPathEvalExpression(expression, ctx) else { return nil }
        defer { xmlXPathFreeObject(result) }
        if result.pointee.type == XPATH_STRING, let s = result.pointee.stringval { return String(cString: s) }
        guard let str = xmlXPathCastToString(result) else { return nil }
        defer { cxml_free(str) }
        return String(cString: str)
    }

    /// Whether an XPath expression compiles.
    public static func isValidXPath(_ expression: String) -> Bool {
        MarkupLibrary.initialize()
        guard let comp = xmlXPathCompile(expression) else { return false }
        xmlXPathFreeCompExpr(comp)
        return true
    }

    private static func read(_ data: Data, encoding: String?, url: String?, options: Int32) -> xmlDocPtr? {
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return xmlReadMemory(base, Int32(raw.count), url, encoding, options)
        }
    }

    private static func lastErrorLine() -> Int {
        guard let e = xmlGetLastError() else { return 0 }
        return Int(e.pointee.line)
    }
}

/// One-time libxml2 set-up.
enum MarkupLibrary {
    private static let once: Void = {
        // Before any other libxml2 call: its memory comes from `MarkupArena` inside a scope.
        xmlMemSetup(carena_free, carena_malloc, carena_realloc, carena_strdup)
        xmlInitParser()
        cxml_silence_errors()
    }()

    static func initialize() { _ = once }
}
