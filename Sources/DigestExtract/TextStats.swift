import DigestCore
import DigestMarkup

/// Lengths the scorer needs, read from libxml2's text bytes without building the text.
struct TextStats {
    /// Scalars of the text with white-space runs collapsed and the ends trimmed
    /// (`HTMLText.collapse(textContent).scalarCount`).
    var collapsedLength = 0
    /// Commas and Chinese clause marks: , ， 、 。 ；
    var commas = 0
    /// Scalars of the raw text (`textContent.scalarCount`).
    var rawLength = 0

    init(_ node: MarkupNode) {
        var pendingSpace = false, seenText = false
        var collapsedLength = 0, commas = 0, rawLength = 0
        node.forEachTextBytes(skippingCode: true) { u in
            // Counters copied into locals per text node: captured variables live in boxes.
            var pending = pendingSpace, seen = seenText, collapsed = collapsedLength, marks = commas, raw = rawLength
            defer { (pendingSpace, seenText, collapsedLength, commas, rawLength) = (pending, seen, collapsed, marks, raw) }
            var i = 0
            while i < u.count {
                let byte = u[i]
                // ASCII and CJK lead bytes need no table: only C2, E1, E2, E3 and EF start wider spaces.
                let width = byte < 0x80 ? (byte == 32 || (byte >= 9 && byte <= 13) ? 1 : 0)
                    : (byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 || byte == 0xEF) ? HTMLText.spaceWidth(u, at: i) : 0
                if width > 0 {
                    pending = seen
                    raw += 1
                    i += width
                    continue
                }
                if u[i] & 0xC0 != 0x80 {  // a scalar starts here
                    if pending { collapsed += 1 }
                    pending = false
                    seen = true
                    collapsed += 1
                    raw += 1
                    if Self.isComma(u, at: i) { marks += 1 }
                }
                i += 1
            }
        }
        (self.collapsedLength, self.commas, self.rawLength) = (collapsedLength, commas, rawLength)
    }

    /// ',' or the UTF-8 of '，' (EF BC 8C), '、' (E3 80 81), '。' (E3 80 82), '；' (EF BC 9B).
    @inline(__always)
    static func isComma(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        switch u[i] {
        case 0x2C: return true
        case 0xEF: return u.count - i >= 3 && u[i + 1] == 0xBC && (u[i + 2] == 0x8C || u[i + 2] == 0x9B)
        case 0xE3: return u.count - i >= 3 && u[i + 1] == 0x80 && (u[i + 2] == 0x81 || u[i + 2] == 0x82)
        default: return false
        }
    }
}
