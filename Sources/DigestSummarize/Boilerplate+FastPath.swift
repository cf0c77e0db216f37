import DigestBytes

extension Boilerplate {
    // `plainIsBoilerplate(_:)` matched on the bytes, ASCII letters lower-cased on the stack: the
    // plain rule made `digest summarize` 26% slower (it is asked of every sentence). Tested equal
    // to the plain rule on generated sentences.
    static let prefixBytes = prefixes.map { Array($0.utf8) }
    static let containsBytes = contains.map { Array($0.utf8) }
    static let kr36 = Array("36氪获悉".utf8)

    /// Whether a sentence is a byline, caption, call to action or credit.
    static func isBoilerplate(_ s: String) -> Bool {
        var s = s
        // Every pattern is lower-case ASCII or Chinese: lower-casing ASCII letters is enough.
        return s.withUTF8 { $0.withASCIILowercased(isBoilerplate(lowercased:)) }
    }

    static func isBoilerplate(lowercased l: UnsafeBufferPointer<UInt8>) -> Bool {
        if prefixBytes.contains(where: { l.starts(with: $0) }) { return true }
        if containsBytes.contains(where: { ByteSearch.find($0, in: l) != nil }) { return true }
        let startsWithKr36 = l.starts(with: kr36), unspaced = !l.contains(32)
        guard startsWithKr36 || unspaced else { return false }
        let text = String(decoding: l, as: UTF8.self)
        if startsWithKr36, text.count < 12 { return true }  // "36氪获悉" with no information after it
        // Captions and credits without a verb-like length
        return unspaced && text.unicodeScalars.allSatisfy({ $0.value < 0x3000 }) && text.count < 12
    }
}
