import DigestCore
import DigestSummarize

extension Pipeline {
    /// Step `clusterStories`: items about the same story (a shared link, shared metric values,
    /// similar titles within three days) grouped; each group is a list of item indices.
    func clusterStories(_ items: [SourcedItem], metrics: [[TokenMetric]]) -> [[Int]] {
        StoryClusterer.cluster(items, metrics: metrics)
    }
}
