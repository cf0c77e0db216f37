import DigestCore
import DigestSelect

extension Pipeline {
    /// Step `splitRoundups`, for one item: a roundup (8点1氪, 氪星晚报, a newsletter) becomes its
    /// stories, each an item of its own linked to the roundup (`#story-N`), judged on its own
    /// later; nil when the item is not a roundup of two stories or more.
    static func roundupStories(_ it: SourcedItem, judge: RelevanceJudge) -> [SourcedItem]? {
        let title = it.item.title ?? ""
        guard judge.isRoundup(title: title, lead: String(it.text.prefix(200))) else { return nil }
        let stories = Roundup.stories(title: title, text: it.text)
        guard stories.count >= 2 else { return nil }
        return stories.enumerated().map { n, story in
            var s = it
            s.item.title = story.headline
            s.item.link = it.item.link.map { $0 + "#story-\(n + 1)" }
            s.item.id = (it.item.id ?? it.item.link).map { $0 + "#story-\(n + 1)" }
            s.item.text = story.text
            s.item.summaryHTML = nil
            s.item.contentHTML = nil
            s.text = story.text
            return s
        }
    }

    /// The progress line of step `splitRoundups`, once every item is read.
    func reportRoundups(_ report: RunReport) {
        if report.roundupsSplit > 0 {
            progress.step(.splitRoundups, Plural.count(report.roundupsSplit, "roundup") + " split into " + Plural.count(report.roundupStories, "story"))
        }
    }
}
