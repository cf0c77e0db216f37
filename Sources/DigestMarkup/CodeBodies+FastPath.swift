import Foundation
/// A speed trick: the text of a page's `<script>` and `<style>` elements (and of its comments)
/// cut out of its bytes before libxml2 reads them. A third of a typical article page is code, and libxml2's HTML
/// parser reads it one character at a time; a reader of the article never needs it (the
/// extractor leaves code out of every length and text). Scripts whose start tag says "json"
/// (`application/ld+json` metadata) keep their text.
///
/// The cut must leave libxml2 building the same tree, less that text. So the bytes are walked
/// the way libxml2 2.9's HTML parser walks them (`htmlParseContentInternal`: comments that end
/// at `-->` or `--!>`, processing instructions and the document type up to `>`, start tags
/// whose quoted attribute values may hold `>` and `<`, end tags up to `>`, and script or style
/// text that runs to the first `</script` or `</style`, in any case). Wherever the walk is not
/// sure it reads as libxml2 does (a NUL byte, an unfinished comment, tag or quote, a very long
/// name, a script that opens with a tag or ends in `</scriptx`), it stops cutting and the rest
/// of the page is kept as it is. `CodeBodiesTests` parse pages both ways and compare the trees.
enum CodeBodies {
    /// The page without the text of its script and style elements and comments, or nil when
    /// nothing is cut.
    static func removed(from page: UnsafeRawBufferPointer) -> [UInt8]? {
        let b = page.bindMemory(to: UInt8.self)
        guard let base = b.baseAddress, memchr(base, 0, b.count) == nil else { return nil }
        var cuts: [Range<Int>] = []
        var walk = Walk(b: b)
        walk.run { cuts.append($0) }
        guard !cuts.isEmpty else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(b.count - cuts.reduce(0) { $0 + $1.count })
        var from = 0
        for cut in cuts {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[from..<cut.lowerBound]))
            from = cut.upperBound
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[from...]))
        return out
    }

    /// libxml2's reading of the page, as far as this trick needs it.
    struct Walk {
        let b: UnsafeBufferPointer<UInt8>
        var i = 0

        /// Calls `cut` with each run of code text, in order; stops where it is unsure.
        mutating func run(_ cut: (Range<Int>) -> Void) {
            while let lt = next(UInt8(ascii: "<"), from: i) {
                i = lt
                guard step(cut) else { return }
            }
        }

        /// Reads the markup at `i` (a '<'); false where the walk stops.
        private mutating func step(_ cut: (Range<Int>) -> Void) -> Bool {
            let c1 = at(i + 1)
            if c1 == UInt8(ascii: "/") {
                i += 2
                guard Self.isNameStart(at(i)) else { return true }  // libxml2 reads "</" and goes on with text
                guard let end = name(from: i) else { return false }
                guard let gt = next(UInt8(ascii: ">"), from: end) else { return false }
                i = gt + 1
                return true
            }
            if c1 == UInt8(ascii: "!") {
                if starts(with: "<!--", at: i) { return comment(cut) }
                if starts(with: "<!DOCTYPE", at: i, caseless: true) { return doctype() }
                i += 1  // any other "<!" is text
                return true
            }
            if c1 == UInt8(ascii: "?") {
                let c2 = at(i + 2)
                if c2 >= 0x80 { return false }  // a target name libxml2 may read as a letter
                guard Self.isLetter(c2) || c2 == UInt8(ascii: "_") || c2 == UInt8(ascii: ":") else {
                    i += 2
                    return true
                }
                guard let gt = next(UInt8(ascii: ">"), from: i + 2) else { return false }
                i = gt + 1
                return true
            }
            guard Self.isLetter(c1) else {
                i += 1  // '<' as text
                return true
            }
            return element(cut)
        }

        /// A start tag at `i`, and the text of a script or style element after it.
        private mutating func element(_ cut: (Range<Int>) -> Void) -> Bool {
            guard let nameEnd = name(from: i + 1) else { return false }
            let code = Self.codeName(b, i + 1, nameEnd)
            let tagStart = i
            guard let (end, selfClosing) = attributes(from: nameEnd) else { return false }
            i = end
            guard let code, !selfClosing else { return true }
            guard let close = endTag(of: code, from: i) else { return false }
            // Ends in "</scriptx": libxml2 reads on as code; this walk does not follow.
            guard !Self.isNameChar(at(close + 2 + code.count)) else { return false }
            if close == i { return true }  // no text
            // Text that opens with an end tag, or a start tag that may close the element, is read
            // as markup first by libxml2: not a case for cutting.
            if at(i) == UInt8(ascii: "<") {
                let c = at(i + 1)
                guard c != UInt8(ascii: "/"), !Self.isLetter(c), c != UInt8(ascii: "_"), c != UInt8(ascii: ":") else { return false }
            }
            let keep = code == Self.script && contains("json", in: tagStart..<end)
            if !keep { cut(i..<close) }
            i = close
            return true
        }

        /// The attributes of a start tag from `from`: the index after its '>' and whether it ended
        /// in "/>"; nil when the tag does not end.
        private func attributes(from start: Int) -> (Int, Bool)? {
            var j = skipBlanks(start)
            while j < b.count {
                if b[j] == UInt8(ascii: ">") { return (j + 1, false) }
                if b[j] == UInt8(ascii: "/"), at(j + 1) == UInt8(ascii: ">") { return (j + 2, true) }
                if Self.isNameStart(b[j]) {
                    guard let end = name(from: j) else { return nil }
                    j = skipBlanks(end)
                    if at(j) == UInt8(ascii: "=") {
                        j = skipBlanks(j + 1)
                        guard let v = value(from: j) else { return nil }
                        j = v
                    }
                } else {
                    // A bogus attribute: skipped up to a blank, '>' or "/>".
                    while j < b.count, !Self.isBlank(b[j]), b[j] != UInt8(ascii: ">"),
                          !(b[j] == UInt8(ascii: "/") && at(j + 1) == UInt8(ascii: ">")) { j += 1 }
                }
                j = skipBlanks(j)
            }
            return nil
        }

        /// An attribute value from `j`: quoted up to its quote, or bare up to a blank or '>'.
        private func value(from j: Int) -> Int? {
            let q = at(j)
            if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
                guard let close = next(q, from: j + 1) else { return nil }
                return close + 1
            }
            var k = j
            while k < b.count, !Self.isBlank(b[k]), b[k] != UInt8(ascii: ">") { k += 1 }
            return k
        }

        /// A comment from `i` ("<!--"): it ends at the first "-->" or "--!>" after its opening.
        /// Its text is cut too: nothing reads a comment's text.
        private mutating func comment(_ cut: (Range<Int>) -> Void) -> Bool {
            var k = i + 4
            while let dash = next(UInt8(ascii: "-"), from: k) {
                if at(dash + 1) == UInt8(ascii: "-") {
                    var end: Int?
                    if at(dash + 2) == UInt8(ascii: ">") { end = dash + 3 }
                    if at(dash + 2) == UInt8(ascii: "!"), at(dash + 3) == UInt8(ascii: ">") { end = dash + 4 }
                    if let end {
                        if dash > i + 4 { cut(i + 4..<dash) }
                        i = end
                        return true
                    }
                }
                k = dash + 1
            }
            return false
        }

        /// A document type from `i`, up to its '>'; quotes must pair up before it.
        private mutating func doctype() -> Bool {
            guard let gt = next(UInt8(ascii: ">"), from: i) else { return false }
            var quote: UInt8?
            for k in i..<gt where b[k] == UInt8(ascii: "\"") || b[k] == UInt8(ascii: "'") {
                if quote == nil { quote = b[k] } else if quote == b[k] { quote = nil }
            }
            guard quote == nil else { return false }
            i = gt + 1
            return true
        }

        /// The first "</" + `code` (any case) from `from`.
        private func endTag(of code: [UInt8], from: Int) -> Int? {
            var k = from
            while let lt = next(UInt8(ascii: "<"), from: k) {
                if at(lt + 1) == UInt8(ascii: "/"), lt + 2 + code.count <= b.count,
                   (0..<code.count).allSatisfy({ b[lt + 2 + $0] | 0x20 == code[$0] }) { return lt }
                k = lt + 1
            }
            return nil
        }

        /// The end of a name from `from` (libxml2 reads at most 100 characters of one).
        private func name(from: Int) -> Int? {
            var k = from
            while k < b.count, Self.isNameChar(b[k]) { k += 1 }
            return k - from < 100 ? k : nil
        }

        private func contains(_ word: String, in r: Range<Int>) -> Bool {
            let w = Array(word.utf8)
            guard r.count >= w.count else { return false }
            return (r.lowerBound...(r.upperBound - w.count)).contains { s in (0..<w.count).allSatisfy { b[s + $0] | 0x20 == w[$0] } }
        }

        private func starts(with s: StaticString, at k: Int, caseless: Bool = false) -> Bool {
            let n = s.utf8CodeUnitCount
            guard k + n <= b.count else { return false }
            let p = s.utf8Start
            return (0..<n).allSatisfy { caseless ? b[k + $0] & 0xDF == p[$0] & 0xDF : b[k + $0] == p[$0] }
        }

        private func skipBlanks(_ k: Int) -> Int {
            var k = k
            while k < b.count, Self.isBlank(b[k]) { k += 1 }
            return k
        }

        private func next(_ byte: UInt8, from k: Int) -> Int? {
            guard k < b.count, let base = b.baseAddress, let hit = memchr(base + k, Int32(byte), b.count - k) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }

        private func at(_ k: Int) -> UInt8 { k < b.count ? b[k] : 0 }

        static let script = Array("script".utf8)
        static let style = Array("style".utf8)

        /// "script" or "style" when the name in `b[from..<to]` is one of them, in any case.
        static func codeName(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> [UInt8]? {
            for code in [script, style] where to - from == code.count
                && (0..<code.count).allSatisfy({ b[from + $0] | 0x20 == code[$0] }) { return code }
            return nil
        }

        static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
        static func isNameStart(_ c: UInt8) -> Bool {
            isLetter(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: ":") || c == UInt8(ascii: ".")
        }
        static func isNameChar(_ c: UInt8) -> Bool {
            isNameStart(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "-")
        }
        static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
    }
}
