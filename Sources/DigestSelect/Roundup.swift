import Foundation

/// Multi-story briefs (36Kr's 8点1氪 and 氪星晚报, "早报｜…/…/…", newsletters): their stories.
public enum Roundup {
    /// The headlines a roundup's title lists: the part after its name, split at "；", ";", "/",
    /// "｜" and "丨" ("8点1氪丨A；B；C" gives A, B, C).
    public static func headlines(_ title: String) -> [String] {
        var body = Substring(title)
        for sep in ["丨", "｜", "|"] {
            if let r = body.range(of: sep), body.distance(from: body.startIndex, to: r.lowerBound) <= 12 {
                body = body[r.upperBound...]
                break
            }
        }
        let parts = body.split(whereSeparator: { $0 == "；" || $0 == ";" || $0 == "/" || $0 == "｜" || $0 == "丨" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return parts.isEmpty ? [title] : parts
    }
}

extension Roundup {
    /// One story of a roundup: its headline and its text.
    public struct Story: Sendable, Equatable {
        /// A headline (the first sentence of its paragraph, or the listed item).
        public var headline: String
        /// The story's own text.
        public var text: String
    }

    /// The stories of a roundup's body: its paragraphs, or — when it is one paragraph — the items
    /// it lists between "；"; navigation lines ("今日热点导览") and fragments are left out.
    public static func stories(title: String, text: String) -> [Story] {
        let paragraphs = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { $0.count >= 8 }
        var out: [Story] = []
        if paragraphs.count >= 2 {
            out = paragraphs.map { Story(headline: headline(of: $0), text: $0) }
        } else if let one = paragraphs.first {
            let body = one.firstIndex(where: { $0 == "：" || $0 == ":" }).map { i in
                one.distance(from: one.startIndex, to: i) <= 10 ? String(one[one.index(after: i)...]) : one
            } ?? one
            out = body.split(whereSeparator: { $0 == "；" || $0 == ";" }).map { String($0).trimmingCharacters(in: .whitespaces) }
                .map { $0.hasSuffix("。") ? String($0.dropLast()) : $0 }
                .filter { $0.count >= 6 }.map { Story(headline: $0, text: $0) }
        }
        if out.isEmpty { out = headlines(title).map { Story(headline: $0, text: $0) } }
        return out
    }

    /// The first sentence of a paragraph without its full stop, at most 80 characters.
    static func headline(of paragraph: String) -> String {
        let firstLine = paragraph.split(separator: "\n").first.map(String.init) ?? paragraph
        let end = firstLine.firstIndex(where: { "。！？!?".contains($0) }) ?? firstLine.endIndex
        let stop = end < firstLine.endIndex && "！？!?".contains(firstLine[end]) ? firstLine.index(after: end) : end
        return String(firstLine[..<stop].prefix(80))
    }
}
