/// The contract `extract` document written by hand: the same bytes as
/// `JSONOutput.encode(article)` (sorted keys, explicit nulls, compact), without the encoder's
/// boxing of every value, for batches of pages.
extension Article {
    /// One compact JSON line of the CONTRACTS.md `extract` shape.
    public func jsonLine() -> String {
        var w = JSONBytes()
        w.raw("{\"byline\":"); w.string(byline)
        w.raw(",\"html\":"); w.string(html)
        w.raw(",\"language\":"); w.string(language)
        w.raw(",\"published\":"); w.string(published.map(RFC3339.string(from:)))
        w.raw(",\"text\":"); w.string(text)
        w.raw(",\"title\":"); w.string(title)
        w.raw("}")
        return w.result
    }
}
