import DigestCore
import Foundation

/// A source's `include:` and `exclude:` filters: words (matched as the relevance cues are, case
/// and script folded) or `/regular expressions/` (case-insensitive).
public struct SourceFilter: Sendable {
    let include: [String]
    let exclude: [String]

    /// The filters of a source.
    public init(_ source: FeedSource) {
        include = source.include
        exclude = source.exclude
    }

    /// Why an item is left out by its source's filters, or nil when it is kept.
    public func rejection(title: String, text: String) -> String? {
        let whole = title + "\n" + text
        if let hit = exclude.first(where: { Self.matches($0, whole) }) { return "excluded by its source's filter '\(hit)'" }
        if !include.isEmpty, !include.contains(where: { Self.matches($0, whole) }) {
            return "matches none of its source's include filters"
        }
        return nil
    }

    static func matches(_ filter: String, _ text: String) -> Bool {
        if filter.count > 2, filter.hasPrefix("/"), filter.hasSuffix("/"),
           let re = try? NSRegularExpression(pattern: String(filter.dropFirst().dropLast()), options: [.caseInsensitive]) {  // checked when feeds.yaml was read
            return re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        return CueText(text).contains(filter.lowercased())
    }
}
