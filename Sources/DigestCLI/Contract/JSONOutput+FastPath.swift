import DigestCore
import DigestBytes
import Foundation

/// The contract documents of `parse` and `extract` written by hand: the same bytes as
/// `JSONOutput.encode` (sorted keys, explicit nulls, compact; the plain way, through each
/// type's `Encodable`), several times faster for batches of large feeds. Tested equal to the
/// encoder on every corpus feed and page.
extension Feed {
    /// One compact JSON line of the CONTRACTS.md `parse` shape.
    public func jsonLine() -> String { String(decoding: jsonLineBytes(), as: UTF8.self) }

    /// `jsonLine()` as UTF-8 bytes, for writing out without making a String.
    /// - Parameter capacity: the size expected (about the feed's own), so that the buffer is
    ///   made once instead of copied at every doubling.
    public func jsonLineBytes(capacity: Int = 0) -> [UInt8] {
        var w = JSONBytes()
        w.bytes.reserveCapacity(capacity)
        w.raw("{\"format\":")
        w.string(format.rawValue)
        w.raw(",\"items\":[")
        items.withUnsafeBufferPointer { list in
            for i in list.indices {
                if i > 0 { w.raw(",") }
                FeedItem.write(list.baseAddress! + i, to: &w)  // read in place: an item passed by value is copied
            }
        }
        w.raw("],\"language\":"); w.string(language)
        w.raw(",\"link\":"); w.string(link)
        w.raw(",\"title\":"); w.string(title)
        w.raw(",\"warnings\":"); w.strings(warnings)
        w.raw("}")
        return w.bytes
    }
}

extension FeedItem {
    /// Writes the item's JSON object (keys sorted, as `JSONOutput.encode` does).
    static func write(_ p: UnsafePointer<FeedItem>, to w: inout JSONBytes) {
        w.raw("{\"authors\":"); w.strings(p.pointee.authors)
        w.raw(",\"categories\":"); w.strings(p.pointee.categories)
        w.raw(",\"content_html\":"); w.string(p.pointee.contentHTML)
        w.raw(",\"enclosures\":[")
        for (i, e) in p.pointee.enclosures.enumerated() {
            w.raw(i > 0 ? ",{\"length\":" : "{\"length\":")
            w.rawText(e.length.map(String.init) ?? "null")
            w.raw(",\"type\":"); w.string(e.type)
            w.raw(",\"url\":"); w.string(e.url)
            w.raw("}")
        }
        w.raw("],\"id\":"); w.string(p.pointee.id)
        w.raw(",\"link\":"); w.string(p.pointee.link)
        w.raw(",\"published\":"); w.date(p.pointee.published)
        w.raw(",\"summary_html\":")
        let summaryStart = w.bytes.count
        w.string(p.pointee.summaryHTML)
        let summaryEnd = w.bytes.count
        w.raw(",\"text\":")
        if let summary = p.pointee.summaryHTML, summary == p.pointee.text {  // a plain-text summary: its literal again
            w.repeatBytes(summaryStart..<summaryEnd)
        } else {
            w.string(p.pointee.text)
        }
        w.raw(",\"title\":"); w.string(p.pointee.title)
        w.raw(",\"updated\":"); w.date(p.pointee.updated)
        w.raw("}")
    }
}

/// A JSON document built as UTF-8 bytes, strings escaped as `JSONOutput.quote` does.
struct JSONBytes {
    var bytes: [UInt8] = []

    var result: String { String(decoding: bytes, as: UTF8.self) }

    /// An RFC 3339 timestamp in quotes, or null.
    mutating func date(_ d: Date?) {
        guard let d else { return raw("null") }
        bytes.append(34)
        RFC3339.append(d, to: &bytes)
        bytes.append(34)
    }

    /// Appends JSON text written in the source (keys, punctuation): its bytes copied whole.
    mutating func raw(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Appends JSON text made at run time (a number).
    mutating func rawText(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// Appends a copy of bytes already written.
    mutating func repeatBytes(_ range: Range<Int>) {
        let at = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: range.count))
        bytes.withUnsafeMutableBufferPointer { b in
            _ = memcpy(b.baseAddress! + at, b.baseAddress! + range.lowerBound, range.count)
        }
    }

    mutating func strings(_ list: [String]) {
        bytes.append(91)
        for (i, s) in list.enumerated() {
            if i > 0 { bytes.append(44) }
            string(s)
        }
        bytes.append(93)
    }

    /// Whether any of eight bytes is a control character, `"` or `\\` (exact, by the usual
    /// "has a zero byte" arithmetic).
    @inline(__always)
    static func needsEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let below32 = (w &- ones &* 32) & ~w & highs != 0
        return below32 || SWAR.hasByte(w, 34) || SWAR.hasByte(w, 92)
    }

    mutating func string(_ s: String?) {
        guard let s else { return raw("null") }
        s.withUTF8Bytes { escaped($0) }
    }

    /// A JSON string literal of UTF-8 bytes.
    private mutating func escaped(_ u: UnsafeBufferPointer<UInt8>) {
        bytes.append(34)
        var run = 0  // start of the bytes not yet copied
        var i = 0
        while i < u.count {
            // Eight bytes at a time while none of them needs an escape.
            while i + 8 <= u.count, !Self.needsEscape(UnsafeRawPointer(u.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                i += 8
            }
            guard i < u.count else { break }
            let b = u[i]
            i += 1
            guard b < 32 || b == 34 || b == 92 else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<(i - 1)]))
            run = i
            bytes.append(92)
            switch b {
            case 34, 92: bytes.append(b)
            case 8: bytes.append(98)
            case 12: bytes.append(102)
            case 10: bytes.append(110)
            case 13: bytes.append(114)
            case 9: bytes.append(116)
            default:
                bytes.append(117); bytes.append(48); bytes.append(48)
                bytes.append(JSONOutput.hex[Int(b >> 4)]); bytes.append(JSONOutput.hex[Int(b & 15)])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run...]))
        bytes.append(34)
    }
}

/// The contract `extract` document written by hand: the same bytes as
/// `JSONOutput.encode(article)` (sorted keys, explicit nulls, compact), without the encoder's
/// boxing of every value, for batches of pages.
extension Article {
    /// One compact JSON line of the CONTRACTS.md `extract` shape.
    public func jsonLine() -> String { String(decoding: jsonLineBytes(), as: UTF8.self) }

    /// `jsonLine()` as UTF-8 bytes, for writing out without making a String.
    public func jsonLineBytes() -> [UInt8] {
        var w = JSONBytes()
        w.raw("{\"byline\":"); w.string(byline)
        w.raw(",\"html\":"); w.string(html)
        w.raw(",\"language\":"); w.string(language)
        w.raw(",\"published\":"); w.date(published)
        w.raw(",\"text\":"); w.string(text)
        w.raw(",\"title\":"); w.string(title)
        w.raw("}")
        return w.bytes
    }
}
