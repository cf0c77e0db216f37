import DigestCore
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
