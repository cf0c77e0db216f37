import DigestCore
import DigestSelect

extension Pipeline {
    /// Step `splitRoundups`: a roundup (8点1氪, 氪星晚报, a newsletter) becomes its stories, each
    /// an item of its own linked to the roundup (`#story-N`), judged on its own later.
    func splitRoundups(_ items: [SourcedItem], judge: RelevanceJudge, _ report: inout RunReport) -> [SourcedItem] {
        var out: [SourcedItem] = []
        for it in items {
            let title = it.item.title ?? ""
            guard judge.isRoundup(title: title, lead: String(it.text.prefix(200))) else {
                out.append(it)
                continue
            }
            let stories = Roundup.stories(title: title, text: it.text)
            guard stories.count >= 2 else {
                out.append(it)
                continue
            }
            report.roundupsSplit += 1
            report.roundupStories += stories.count
            for (n, story) in stories.enumerated() {
                var s = it
                s.item.title = story.headline
                s.item.link = it.item.link.map { $0 + "#story-\(n + 1)" }
                s.item.id = (it.item.id ?? it.item.link).map { $0 + "#story-\(n + 1)" }
                s.item.text = story.text
                s.item.summaryHTML = nil
                s.item.contentHTML = nil
                s.text = story.text
                out.append(s)
            }
        }
        if report.roundupsSplit > 0 {
            progress.step(.splitRoundups, Plural.count(report.roundupsSplit, "roundup") + " split into " + Plural.count(report.roundupStories, "story"))
        }
        return out
    }
}
