/// The lines of a text with wrapped lines joined: a line that stops mid-sentence ("…tags, see")
/// goes on in the next line when that one starts in lower case (English) or the line ends in a
/// comma or 、 before more Chinese. Headings, list items and whole sentences stay lines of their own.
enum Paragraphs {
    static func unwrapped(_ text: String) -> [Substring] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.count > 1 else { return lines }
        var out: [Substring] = []
        var pending: String?
        for raw in lines {
            let line = raw.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
            if let p = pending, let joiner = joiner(p, line) {
                pending = p + joiner + line
            } else {
                if let p = pending { out.append(Substring(p)) }
                pending = String(line)
            }
        }
        if let p = pending { out.append(Substring(p)) }
        return out
    }

    /// What joins `line` to the line before it when it only continues it: " ", "" or nil.
    static func joiner(_ before: String, _ line: Substring) -> String? {
        let end = before.unicodeScalars.reversed().first { $0 != " " && $0 != "\t" && $0 != "\r" }
        guard let end, let first = line.unicodeScalars.first else { return nil }
        let lowerStart = first.value >= 97 && first.value <= 122
        let wordEnd = (end.value >= 97 && end.value <= 122) || (end.value >= 48 && end.value <= 57) || end == "," || end == ";"
        if wordEnd, lowerStart { return " " }
        if end == "，" || end == "、", SentenceSplitter.isCJK(first) { return "" }
        return nil
    }
}
