import DigestLanguage

/// Text prepared for cue matching (lower-cased, Traditional read as Simplified) and the words of
/// a list found in it: Latin words at word boundaries (a trailing `*` makes a prefix), Chinese
/// words anywhere.
struct CueText {
    let scalars: [Unicode.Scalar]

    init(_ text: String) {
        scalars = Array(Simplified.fold(text.lowercased()).unicodeScalars)
    }

    var isEmpty: Bool { scalars.isEmpty }

    /// The words of `list` that occur, in list order, each once.
    func hits(_ list: [String]) -> [String] {
        list.filter { contains($0) }
    }

    func contains(_ word: String) -> Bool {
        let prefix = word.hasSuffix("*")
        let w = Array((prefix ? String(word.dropLast()) : word).unicodeScalars)
        guard let first = w.first, scalars.count >= w.count else { return false }
        let latinStart = Self.isWordChar(first), latinEnd = !prefix && Self.isWordChar(w[w.count - 1])
        outer: for i in 0...(scalars.count - w.count) where scalars[i] == first {
            for k in 1..<w.count where scalars[i + k] != w[k] { continue outer }
            if latinStart, i > 0, Self.isWordChar(scalars[i - 1]) { continue }
            if latinEnd, i + w.count < scalars.count, Self.isWordChar(scalars[i + w.count]) { continue }
            return true
        }
        return false
    }

    /// Whether the text starts with `word` (after white space).
    func starts(with word: String) -> Bool {
        let w = Array(word.unicodeScalars)
        var i = 0
        while i < scalars.count, scalars[i] == " " { i += 1 }
        return scalars.count - i >= w.count && Array(scalars[i..<(i + w.count)]) == w
    }

    static func isWordChar(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 97 && s.value <= 122) || (s.value >= 65 && s.value <= 90) || (s.value >= 48 && s.value <= 57)
    }
}
