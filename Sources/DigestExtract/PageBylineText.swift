import DigestMarkup

/// The author a Chinese page names in its text, when its metadata names none: `作者：郭励弘`,
/// `（记者 胡晓蓉）`, `本报记者 葛灵丹`, `执笔人：闵乐夫 赵兰波`, `文｜王小明`. Names are runs of two
/// to four Han characters, several separated by spaces or 、; "发自北京" and "报道" after a name
/// are not part of it. Read from the start of the page's text to the end of the article.
enum PageBylineText {
    static let labels: [[Unicode.Scalar]] = ["作者：", "作者:", "记者", "执笔人：", "执笔：", "文｜", "文|", "文/"]
        .map { Array($0.unicodeScalars) }
    static let notName: [[Unicode.Scalar]] = ["发自", "报道", "摄影", "摄", "编辑", "实习"].map { Array($0.unicodeScalars) }

    /// The byline, or nil. `last` is the last block of the main content.
    static func find(in body: MarkupNode, through last: MarkupNode?) -> String? {
        var found: String?
        body.forEachTextRun(through: last) { text in
            found = byline(in: text)
            return found == nil
        }
        return found
    }

    /// The names after the first label in one run of text.
    static func byline(in text: String) -> String? {
        let s = Array(text.unicodeScalars)
        var i = 0
        while i < s.count {
            guard let label = labels.first(where: { starts(s, at: i, with: $0) }) else {
                i += 1
                continue
            }
            var j = i + label.count
            // "记者调查发现" is prose and "记者调查" a menu link: after a bare 记者 the name must be
            // set apart by a space, or end at a closing bracket or "发自"/"报道".
            let explicit = label.last == "：" || label.last == ":" || label.last == "｜" || label.last == "|"
                || label.last == "/" || (j < s.count && isSpace(s[j]))
            var names: [String] = []
            while true {
                while j < s.count, isSpace(s[j]) || s[j] == "、" { j += 1 }
                var k = j
                while k < s.count, k - j < 4, isHan(s[k]), !notName.contains(where: { starts(s, at: k, with: $0) }) { k += 1 }
                guard k - j >= 2 else { break }
                let next = k < s.count ? s[k] : nil
                if let c = next, isHan(c), !notName.contains(where: { starts(s, at: k, with: $0) }) {
                    names = []  // a longer run of Han characters: prose, not names
                    break
                }
                let closes = next == "）" || next == ")" || notName.contains { starts(s, at: k, with: $0) }
                guard explicit || closes else { break }
                names.append(String(String.UnicodeScalarView(s[j..<k])))
                j = k
            }
            if !names.isEmpty { return names.joined(separator: " ") }
            i += label.count
        }
        return nil
    }

    static func starts(_ s: [Unicode.Scalar], at i: Int, with p: [Unicode.Scalar]) -> Bool {
        i + p.count <= s.count && s[i..<(i + p.count)].elementsEqual(p)
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\u{3000}" || c == "\u{00A0}" }

    static func isHan(_ c: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(c.value) }
}
