import DigestBytes
import DigestCore
import Foundation

/// Plain text of HTML: tags dropped, entities decoded, blocks separated by blank lines.
public enum HTMLText {
    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "body", "html", "center",
    ]
    static let skipped: Set<String> = ["script", "style", "template", "noscript", "head", "title", "iframe",
                                       "object", "embed", "svg", "button", "select", "textarea"]

    /// Plain text of an HTML fragment; paragraphs separated by "\n\n".
    public static func plainText(_ html: String) -> String {
        if !html.includes("<") && !html.includes("&") { return collapse(html) }
        return MarkupArena.scope {  // the fragment's tree lives only in here
            guard let doc = MarkupDocument.htmlFragment(html), let body = doc.body else { return "" }
            return plainText(of: body)
        }
    }

    /// Plain text of a node's subtree; paragraphs separated by "\n\n", lines by "\n" only where
    /// the page breaks them (`<br>`, `<pre>`): a line break in the source is a space, as a browser
    /// shows it. Built on UTF-8 bytes straight from libxml2's text nodes.
    public static func plainText(of node: MarkupNode, skip: @escaping (MarkupNode) -> Bool = { _ in false }) -> String {
        var text = Paragraphs()
        var preDepth = 0
        func walk(_ n: MarkupNode) {
            if n.isText {
                n.withRawTextBytes { text.append($0, pre: preDepth > 0) }
                return
            }
            guard n.isElement else { return }
            let name = n.lowercasedName
            if skipped.contains(name) || (n != node && skip(n)) { return }
            if name == "br" {
                text.lineBreak()
                return
            }
            if name == "img" { return }
            let isBlock = blocks.contains(name)
            if isBlock { text.flush() }
            if name == "pre" { preDepth += 1 }
            n.forEachChildNode(walk)
            if name == "pre" { preDepth -= 1 }
            if isBlock { text.flush() } else if name == "td" || name == "th" { text.space() }
        }
        walk(node)
        return text.finished()
    }

    /// Paragraph text written as UTF-8 bytes as it comes: each line collapsed, empty lines
    /// dropped, lines joined by "\n" and paragraphs by "\n\n".
    struct Paragraphs {
        var out: [UInt8] = []
        /// Something of the current line is written; a space is owed before the next word;
        /// no line of the current paragraph is written yet.
        var wroteLine = false, pending = false, firstLine = true

        /// Text bytes; inside `<pre>` a line feed breaks the line, elsewhere it is a space.
        mutating func append(_ u: UnsafeBufferPointer<UInt8>, pre: Bool) {
            var i = 0
            while i < u.count {
                if pre, u[i] == 10 {
                    lineBreak()
                    i += 1
                    continue
                }
                var j = i
                // Words and the single spaces between them are already collapsed: copied whole.
                HTMLText.byteClass.withUnsafeBufferPointer { kind in
                    while j < u.count, isVisible(u, j, kind) || (u[j] == 32 && j > i && j + 1 < u.count && isVisible(u, j + 1, kind)) {
                        j += 1
                    }
                }
                if j > i {
                    startWord()
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: u[i..<j]))
                    i = j
                    continue
                }
                let width = u[i] == 10 ? 1 : spaceWidth(u, at: i)
                if width > 0 {
                    pending = wroteLine
                    i += width
                    continue
                }
                startWord()
                out.append(u[i])
                i += 1
            }
        }

        /// One byte that is no white space (a character an entity stood for).
        mutating func append(visible b: UInt8) {
            startWord()
            out.append(b)
        }

        /// White space between words (between table cells).
        mutating func space() { pending = wroteLine }

        /// `<br>`: the next word starts a new line.
        mutating func lineBreak() {
            wroteLine = false
            pending = false
        }

        /// A block's edge: the next word starts a new paragraph.
        mutating func flush() {
            lineBreak()
            firstLine = true
        }

        @inline(__always)
        mutating func startWord() {
            if !wroteLine {
                if !firstLine {
                    out.append(10)
                } else if !out.isEmpty {
                    out.append(10)
                    out.append(10)
                }
                firstLine = false
                wroteLine = true
            } else if pending {
                out.append(32)
            }
            pending = false
        }

        /// Whether the byte at `k` is neither white space, a control character, nor the first
        /// byte of a white-space character (CJK punctuation, whose lead bytes E3 and EF it shares
        /// with U+3000 and U+FEFF, is visible: looked at whole, not byte by byte).
        @inline(__always)
        func isVisible(_ u: UnsafeBufferPointer<UInt8>, _ k: Int, _ kind: UnsafeBufferPointer<UInt8>) -> Bool {
            switch kind[Int(u[k])] {
            case ByteKind.visible: return true
            case ByteKind.lead: return HTMLText.spaceWidth(u, at: k) == 0
            default: return false
            }
        }

        mutating func finished() -> String {
            flush()
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Every run of white space to one space, trimmed. Works on UTF-8 bytes: the non-ASCII
    /// spaces (U+0085, U+00A0, U+1680, U+2000–200A, U+2028/2029, U+202F, U+205F, U+3000,
    /// U+FEFF) are matched by their byte sequences.
    public static func collapse(_ s: String) -> String {
        s.withUTF8Bytes { u in
            // Most titles, names and categories are collapsed already: the string itself.
            var i = 0, previousSpace = true
            let done: Bool = byteClass.withUnsafeBufferPointer { kind in
                scan: while i < u.count {
                    switch kind[Int(u[i])] {
                    case ByteKind.visible, ByteKind.control: previousSpace = false
                    case ByteKind.space:
                        if previousSpace { break scan }
                        previousSpace = true
                    case ByteKind.asciiSpace: break scan
                    default:  // a lead byte of some white-space characters
                        if spaceWidth(u, at: i) > 0 { break scan }
                        previousSpace = false
                    }
                    i += 1
                }
                return i == u.count
            }
            if done && !previousSpace || u.isEmpty { return s }
            return String(decoding: collapsed(u), as: UTF8.self)
        }
    }

    /// `collapse` on UTF-8 bytes.
    static func collapsed(_ u: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        var pendingSpace = false
        var i = 0
        while i < u.count {
            let width = spaceWidth(u, at: i)
            if width > 0 {
                pendingSpace = !out.isEmpty
                i += width
                continue
            }
            if pendingSpace { out.append(32) }
            pendingSpace = false
            out.append(u[i])
            i += 1
        }
        return out
    }

    /// What a byte can be in UTF-8 text, for the white-space scans (`byteClass`).
    enum ByteKind {
        /// Visible ASCII, or a byte of a multi-byte character no white-space character starts with.
        static let visible: UInt8 = 0
        /// U+0020.
        static let space: UInt8 = 1
        /// Tab, line feed, vertical tab, form feed, carriage return.
        static let asciiSpace: UInt8 = 2
        /// C2, E1, E2, E3, EF: the lead bytes of U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000, U+FEFF.
        static let lead: UInt8 = 3
        /// Other C0 controls (no white space, not shown either).
        static let control: UInt8 = 4
    }

    /// `ByteKind` of every byte value: one look-up instead of a chain of comparisons per byte.
    static let byteClass: [UInt8] = (0...255).map { (b: Int) -> UInt8 in
        switch b {
        case 32: return ByteKind.space
        case 9...13: return ByteKind.asciiSpace
        case 0..<32: return ByteKind.control
        case 0xC2, 0xE1, 0xE2, 0xE3, 0xEF: return ByteKind.lead
        default: return ByteKind.visible
        }
    }

    /// Bytes of the white-space character at offset `i` of `u`, or 0.
    @inlinable
    public static func spaceWidth(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = u[i]
        if b < 0x80 { return b == 32 || (b >= 9 && b <= 13) ? 1 : 0 }
        let left = u.count - i
        guard left >= 2 else { return 0 }
        let b1 = u[i + 1]
        switch b {
        case 0xC2: return b1 == 0xA0 || b1 == 0x85 ? 2 : 0
        case 0xE1: return left >= 3 && b1 == 0x9A && u[i + 2] == 0x80 ? 3 : 0
        case 0xE2:
            guard left >= 3 else { return 0 }
            let b2 = u[i + 2]
            if b1 == 0x80 { return b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF ? 3 : 0 }
            return b1 == 0x81 && b2 == 0x9F ? 3 : 0
        case 0xE3: return left >= 3 && b1 == 0x80 && u[i + 2] == 0x80 ? 3 : 0
        case 0xEF: return left >= 3 && b1 == 0xBB && u[i + 2] == 0xBF ? 3 : 0
        default: return 0
        }
    }
}
