import DigestCore
import DigestSelect
import DigestSummarize
import Foundation

/// An item that belongs in the digest, by where it is (its head in the week and, for a story of
/// a roundup, which story), with its verdict and what clustering compares: what a run keeps of
/// each item between reading the week and writing its cards.
struct KeptItem: Sendable {
    /// Index in `WeekItems.heads`.
    var head: Int
    /// The story of a split roundup, nil for the item itself.
    var part: Int?
    var verdict: RelevanceJudgement
    var features: StoryClusterer.Features
}

extension Pipeline {
    /// Step `judgeRelevance`, for one item: graded core, adjacent or off from its title, lead and
    /// metrics (`RelevanceJudge`); nil for an off item, or one a source's `include:`/`exclude:`
    /// filters reject, which is counted as left out.
    static func judge(_ it: SourcedItem, metrics: [TokenMetric], judge: RelevanceJudge, _ report: inout RunReport) -> RelevanceJudgement? {
        let title = it.item.title ?? ""
        if let rejected = SourceFilter(it.source).rejection(title: title, text: it.text) {
            report.offTopic.append(LeftOut(sourceID: it.source.id, title: title, why: rejected))
            return nil
        }
        let verdict = judge.judge(title: title, lead: String(it.text.prefix(400)), metrics: metrics)
        guard verdict.label != .off else {
            report.offTopic.append(LeftOut(sourceID: it.source.id, title: title, why: verdict.why))
            return nil
        }
        return verdict
    }

    /// The relevance judge of this configuration: its own lexicon (`relevance:`) or the bundled one.
    func relevanceJudge() throws -> RelevanceJudge {
        guard let path = config.relevanceLexicon else { return RelevanceJudge() }
        return RelevanceJudge(lexicon: try RelevanceLexicon.load(path: path))
    }

    /// Why nothing is published when every source failed this run (none delivered a copy or a
    /// 304, last good copies included), else nil.
    func everySourceFailed(_ report: RunReport) -> Unpublished? {
        guard !report.sources.isEmpty, report.sourcesOK == 0 else { return nil }
        return Unpublished(reason: "every source failed this run (\(report.sources.count)); nothing published",
                           status: .io)
    }

    /// Why the week has nothing to publish, or nil when it has: no item in the week (and which
    /// week has news), or none that belongs.
    func nothingToPublish(_ kept: [KeptItem], selected: Int, store newest: Date?, _ report: RunReport) -> Unpublished? {
        guard kept.isEmpty else { return nil }
        if selected == 0 {
            var reason = "0 items in \(week)"
            if let d = newest {
                let w = ISOWeek(containing: d, in: config.timeZone)
                reason += "; the newest item is from \(context.localDay(d)) — pass --week \(w)"
            }
            return Unpublished(reason: reason + "; nothing published", status: .nothingToPublish)
        }
        return Unpublished(reason: "\(selected) items in \(week), none about the token market or AI "
                           + "(\(report.offTopic.count) left out; --verbose lists them); nothing published", status: .nothingToPublish)
    }
}
