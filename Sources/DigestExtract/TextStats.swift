import DigestCore
import DigestMarkup

/// Lengths the scorer needs, read from libxml2's text bytes without building the text. Two
/// summaries of adjacent text join into the summary of both (`append`), so a block's figures
/// are its children's put together (`LengthIndex`), not another walk over its text.
struct TextStats: Equatable {
    /// Scalars of the text with white-space runs collapsed and the ends trimmed
    /// (`HTMLText.collapse(textContent).scalarCount`).
    var collapsedLength: Int { content + gaps }
    /// Commas and Chinese clause marks: , ， 、 。 ；
    var commas = 0
    /// Scalars of the raw text (`textContent.scalarCount`).
    var rawLength = 0
    /// Scalars that are not white space.
    private var content = 0
    /// White-space runs with content on both sides.
    private var gaps = 0
    /// White space before the first content (with no content: any white space at all).
    private var leadingSpace = false
    /// White space after the last content.
    private var trailingSpace = false

    init() {}

    /// The text of `node` and its descendants, script and style left out.
    init(_ node: MarkupNode) {
        var stats = TextStats()
        node.forEachTextBytes(skippingCode: true) { stats.append(TextStats(bytes: $0)) }
        self = stats
    }

    /// One run of text.
    init(bytes u: UnsafeBufferPointer<UInt8>) {
        var pending = false, seen = false, lead = false
        var i = 0
        while i < u.count {
            let byte = u[i]
            // ASCII and CJK lead bytes need no table: only C2, E1, E2, E3 and EF start wider spaces.
            let width = byte < 0x80 ? (byte == 32 || (byte >= 9 && byte <= 13) ? 1 : 0)
                : (byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 || byte == 0xEF) ? HTMLText.spaceWidth(u, at: i) : 0
            if width > 0 {
                if seen { pending = true } else { lead = true }
                rawLength += 1
                i += width
                continue
            }
            if byte & 0xC0 != 0x80 {  // a scalar starts here
                if pending { gaps += 1 }
                pending = false
                seen = true
                content += 1
                rawLength += 1
                if Self.isComma(u, at: i) { commas += 1 }
            }
            i += 1
        }
        leadingSpace = lead
        trailingSpace = pending
    }

    /// The summary of this text followed by `next`.
    mutating func append(_ next: TextStats) {
        rawLength += next.rawLength
        commas += next.commas
        if content == 0 {
            let space = leadingSpace || trailingSpace
            let (c, r) = (commas, rawLength)
            self = next
            (commas, rawLength) = (c, r)
            leadingSpace = space || next.leadingSpace
            return
        }
        if next.content == 0 {
            trailingSpace = trailingSpace || next.leadingSpace || next.trailingSpace
            return
        }
        gaps += next.gaps + (trailingSpace || next.leadingSpace ? 1 : 0)
        content += next.content
        trailingSpace = next.trailingSpace
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
