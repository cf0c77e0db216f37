import DigestCore
import DigestMetrics
import DigestPipeline
import DigestRender
import DigestSummarize
import Foundation

// Cards per second in one process: N generated stories → metrics → card → Markdown and HTML.
// Usage: BenchCards [N] [TEMPLATES_DIR]   (run from the repository root; release build)
let n = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 2000 : 2000
let templatesDir = CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : "Templates"
let presentation = try Presentation.load(directory: templatesDir)
let taxonomy = presentation.taxonomy
let renderer = DigestRenderer(templates: presentation.templates, site: SiteInfo(title: "Bench", baseURL: "https://bench.example/",
                                                                   description: "bench", language: "en"))
let context = RunContext(now: RFC3339.date(from: "2026-11-30T08:00:00Z")!)
let source = FeedSource(id: "bench", name: "Bench", url: "https://bench.example/feed", language: "en")
let items = (0..<n).map { i -> SourcedItem in
    let text = "Model \(i) processed \(i + 1).5T tokens on the router this week, up \(i % 40 + 1).25% week over week. "
        + "It now charges $\(i % 9 + 1).\(i % 100) per million input tokens. Developers moved workloads after the change. "
        + "Analysts said the shift signals broader adoption of open models in production."
    let item = FeedItem(id: "b\(i)", title: "Model \(i) climbs the weekly token ranking", link: "https://bench.example/\(i)",
                        published: RFC3339.date(from: "2026-11-2\(4 + i % 5)T08:00:00Z"), text: text)
    return SourcedItem(source: source, item: item, text: text, language: "en")
}
let recognizer = MetricRecognizer()
let builder = CardBuilder(taxonomy: taxonomy)
let week = ISOWeek("2026-W48")!
let start = Date()
var bytes = 0
for item in items {
    let metrics = recognizer.metrics(in: item.text)
    let card = builder.card(for: [item], metrics: [metrics], context: context, now: context.now)
    bytes += renderer.cardMarkdown(card, week: week).utf8.count + renderer.cardFragment(card, root: "../", week: week).utf8.count
}
let seconds = Date().timeIntervalSince(start)
print(String(format: "%d cards in %.2f s: %.0f cards/s (metrics, card, Markdown and HTML; %d bytes rendered)",
             n, seconds, Double(n) / seconds, bytes))
