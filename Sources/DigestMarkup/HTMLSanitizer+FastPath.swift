import CLibXML2

/// The sanitizer's rules found from an element's name bytes: no String made for the name and
/// none hashed, once per element of every summary and content (the plain way is
/// `HTMLSanitizer.rules[node.lowercasedName]`; this took the sanitizer's walk from 6.9% to 4.0%
/// of parse time). The table is made once and never freed, and holds no Swift references, so
/// reading it costs no reference counting (two threads sanitizing at once would otherwise share
/// a counter). Tested against the plain dictionary for every name, in every case.
///
/// Also here: the text of what the sanitizer writes, taken as it writes it (`TextEvents`),
/// instead of reading the written HTML again (5.8% → 1.5% of parse time); tested equal to
/// `HTMLText.plainText(_:)` on the output.
extension HTMLSanitizer {
    /// A rule with what writing the element needs (a plain value: bytes are in `RuleTable.bytes`).
    struct ElementRule {
        var dropped = false, allowed = false, void = false
        /// `img` (kept only with a `src`), `a` (gets `rel`), `title` (kept as text inside SVG).
        var isImage = false, isLink = false, isTitle = false
        /// For the text: a block (`HTMLText.blocks`), `br`, a table cell, `pre`.
        var isBlock = false, isBreak = false, isCell = false, isPre = false
        /// The lower-cased name, as written: `count` bytes from `start` in `RuleTable.bytes`.
        var name = 0..<0
        /// The attributes kept: a range of `RuleTable.attributes`.
        var attributes = 0..<0
    }

    /// A kept attribute: its lower-cased name in `RuleTable.bytes`, and whether it holds a URL.
    struct KeptAttribute {
        var name: Range<Int>
        var isURL: Bool
    }

    /// Every rule, and an open-addressed table of the names of up to eight bytes, packed: 256
    /// slots, a name's slot from its packed bytes times a large odd number, collisions taken by
    /// the next free slot. Longer names are found by String.
    struct RuleTable: @unchecked Sendable {  // written once, then only read
        let bytes: UnsafeMutableBufferPointer<UInt8>
        let rules: UnsafeMutableBufferPointer<ElementRule>
        let attributes: UnsafeMutableBufferPointer<KeptAttribute>
        let keys: UnsafeMutableBufferPointer<UInt64>
        let slots: UnsafeMutableBufferPointer<Int>
        let longNames: [String: Int]

        init() {
            var bytes: [UInt8] = [], rules: [ElementRule] = [], attributes: [KeptAttribute] = []
            var keys = [UInt64](repeating: 0, count: 256), slots = [Int](repeating: -1, count: 256)
            var longNames: [String: Int] = [:]
            func stored(_ s: String) -> Range<Int> {
                bytes += s.utf8
                return (bytes.count - s.utf8.count)..<bytes.count
            }
            for (name, rule) in HTMLSanitizer.rules.sorted(by: { $0.key < $1.key }) {
                var e = ElementRule(dropped: rule.dropped, allowed: rule.allowed, void: rule.void,
                                    isImage: name == "img", isLink: name == "a", isTitle: name == "title")
                e.name = stored(name)
                (e.isBlock, e.isBreak, e.isCell, e.isPre) = (HTMLText.blocks.contains(name), name == "br", name == "td" || name == "th", name == "pre")
                let first = attributes.count
                for a in (rule.attributes ?? []).sorted() {
                    attributes.append(KeptAttribute(name: stored(a), isURL: a == "href" || a == "src" || a == "cite"))
                }
                e.attributes = first..<attributes.count
                rules.append(e)
                guard let key = RuleTable.pack(Array(name.utf8)) else {
                    longNames[name] = rules.count - 1
                    continue
                }
                var i = RuleTable.slot(key)
                while keys[i] != 0 { i = (i + 1) & 255 }
                (keys[i], slots[i]) = (key, rules.count - 1)
            }
            func immortal<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
                let p = UnsafeMutableBufferPointer<T>.allocate(capacity: a.count)
                _ = p.initialize(from: a)
                return p
            }
            (self.bytes, self.rules, self.attributes) = (immortal(bytes), immortal(rules), immortal(attributes))
            (self.keys, self.slots, self.longNames) = (immortal(keys), immortal(slots), longNames)
        }

        /// Up to eight ASCII bytes, lower-cased, little-endian; nil for longer or non-ASCII names.
        static func pack(_ b: [UInt8]) -> UInt64? {
            guard b.count <= 8, b.allSatisfy({ $0 < 0x80 }) else { return nil }
            var key: UInt64 = 0
            for (k, c) in b.enumerated() { key |= UInt64(c >= 65 && c <= 90 ? c | 0x20 : c) << UInt64(8 * k) }
            return key
        }

        static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56) }

        /// The index of the rule of a packed name, or -1.
        func index(ofPacked key: UInt64) -> Int {
            var i = RuleTable.slot(key)
            while keys[i] != 0 {
                if keys[i] == key { return slots[i] }
                i = (i + 1) & 255
            }
            return -1
        }
    }

    static let table = RuleTable()

    /// The rule of an element, nil for a name without one (its children are kept). Names of up
    /// to eight ASCII bytes are looked up packed; longer ones (blockquote, figcaption) and
    /// non-ASCII ones (lower-cased the Unicode way, as `lowercasedName` does) by String.
    static func elementRule(_ node: MarkupNode) -> ElementRule? {
        guard let n = node.ptr.pointee.name else { return nil }
        var key: UInt64 = 0, i = 0
        while n[i] != 0 {
            let c = n[i]
            if i == 8 || c >= 0x80 { return rule(named: node.lowercasedName) }
            key |= UInt64(c >= 65 && c <= 90 ? c | 0x20 : c) << UInt64(8 * i)
            i += 1
        }
        let k = table.index(ofPacked: key)
        return k >= 0 ? table.rules[k] : nil
    }

    /// The rule of a lower-cased name.
    static func rule(named name: String) -> ElementRule? {
        if let key = RuleTable.pack(Array(name.utf8)) {
            let k = table.index(ofPacked: key)
            return k >= 0 ? table.rules[k] : nil
        }
        return table.longNames[name].map { table.rules[$0] }
    }

    /// Appends bytes of the table (a name).
    static func append(_ range: Range<Int>, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: table.bytes[range]))
    }

    /// The plain text of what the sanitizer writes, taken as it writes it: the tags and text
    /// `HTMLText.plainText(_:)` would read back from the output, handled as it handles them (the
    /// text raw, not escaped and decoded again).
    struct TextEvents {
        var paragraphs = HTMLText.Paragraphs()
        var preDepth = 0

        mutating func text(_ raw: UnsafeBufferPointer<UInt8>) { paragraphs.append(raw, pre: preDepth != 0) }

        mutating func open(_ r: ElementRule) {
            if r.isPre { preDepth += 1 }
            if r.isBreak {
                paragraphs.lineBreak()
            } else if r.isBlock {
                paragraphs.flush()
            } else if r.isCell {
                paragraphs.space()
            }
        }

        mutating func close(_ r: ElementRule) {
            if r.isPre { preDepth -= 1 }
            if r.isBlock { paragraphs.flush() }
        }
    }
}
