import Mustache

/// HTML escaping for templates that declare `{{% CONTENT_TYPE: HTML}}`: the same five
/// replacements as swift-mustache's own (& < > " '), but text without any of them is returned
/// as is, and the rest is escaped byte by byte instead of a dictionary lookup per character.
struct FastHTMLEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String {
        let special: (UInt8) -> Bool = { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }
        guard text.utf8.contains(where: special) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for b in text.utf8 {
            switch b {
            case 38: out += Array("&amp;".utf8)
            case 60: out += Array("&lt;".utf8)
            case 62: out += Array("&gt;".utf8)
            case 34: out += Array("&quot;".utf8)
            case 39: out += Array("&#39;".utf8)
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Registers it under the name templates use, once per process.
    static let registered: Void = { MustacheContentTypes.register(FastHTMLEscaping(), named: "HTML") }()
}
