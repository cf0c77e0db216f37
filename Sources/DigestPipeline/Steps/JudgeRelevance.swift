import DigestCore
import DigestSelect
import Foundation

/// The items that belong in the digest, with their metrics and verdicts.
struct KeptItems: Sendable {
    var items: [SourcedItem] = []
    var metrics: [[TokenMetric]] = []
    var verdicts: [RelevanceJudgement] = []
}

extension Pipeline {
    /// Step `judgeRelevance`: each item graded core, adjacent or off from its title, lead and
    /// metrics (`RelevanceJudge`); off items, and items a source's `include:`/`exclude:` filters
    /// reject, are left out and counted.
    func judgeRelevance(_ items: [SourcedItem], metrics: [[TokenMetric]], judge: RelevanceJudge,
                        _ report: inout RunReport) -> KeptItems {
        var kept = KeptItems()
        for (i, it) in items.enumerated() {
            let title = it.item.title ?? ""
            if let rejected = SourceFilter(it.source).rejection(title: title, text: it.text) {
                report.offTopic.append(LeftOut(sourceID: it.source.id, title: title, why: rejected))
                continue
            }
            let verdict = judge.judge(title: title, lead: String(it.text.prefix(400)), metrics: metrics[i])
            guard verdict.label != .off else {
                report.offTopic.append(LeftOut(sourceID: it.source.id, title: title, why: verdict.why))
                continue
            }
            kept.items.append(it)
            kept.metrics.append(metrics[i])
            kept.verdicts.append(verdict)
        }
        progress.step(.judgeRelevance, Plural.count(kept.items.count, "item") + (kept.items.count == 1 ? " belongs, " : " belong, ") + "\(report.offTopic.count) left out")
        return kept
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
    func nothingToPublish(_ kept: KeptItems, selected: Int, store newest: Date?, _ report: RunReport) -> Unpublished? {
        guard kept.items.isEmpty else { return nil }
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
