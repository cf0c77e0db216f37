import DigestCore
import DigestStore
import Foundation

// Fills a store with a generated history for Benchmarks/publish-speed.sh: N cards spread over
// W weeks ending 2026-W48, each with metrics, topics and two sources, English and Chinese.
// Usage: BenchPublish STORE.sqlite [CARDS] [WEEKS]

let args = CommandLine.arguments
guard args.count >= 2 else {
    FileHandle.standardError.write(Data("usage: BenchPublish STORE.sqlite [CARDS] [WEEKS]\n".utf8))
    exit(2)
}
let total = args.count > 2 ? Int(args[2]) ?? 10_000 : 10_000
let weekCount = args.count > 3 ? Int(args[3]) ?? 52 : 52
var rng = SplitMix(seed: 48)
let store = try DigestStore(path: args[1])
let subjects = ["China", "US", "global", "DeepSeek", "豆包大模型", "Qwen"]
let topics = ["token-usage-ranking", "price-cut", "model-launch", "usage-growth"]
let tz = TimeZone(identifier: "UTC")!
var week = ISOWeek(year: 2026, week: 48)
var weeks: [ISOWeek] = []
for _ in 0..<weekCount {
    weeks.insert(week, at: 0)
    week = week.previous
}
var made = 0
for (wi, w) in weeks.enumerated() {
    let n = total / weekCount + (wi < total % weekCount ? 1 : 0)
    var cards: [Card] = []
    for i in 0..<n {
        let k = made + i
        let zh = k % 3 == 0
        let subject = subjects[k % subjects.count]
        let vol = Double(rng.next() % 4000 + 10) / 100 * 1e12
        let growth = Double(rng.next() % 6000) / 100
        let price = Double(rng.next() % 900 + 5) / 100
        let day = w.start(in: tz).addingTimeInterval(Double(k % 7) * 86_400 + 3_600)
        let title = zh ? "\(subject)周调用量达\(NumberFormat.plain(vol / 1e12))万亿Token，环比增长\(NumberFormat.plain(growth))%（样本\(k)）"
            : "\(subject) processes \(NumberFormat.tokens(vol)) tokens a week, up \(NumberFormat.plain(growth))% (sample \(k))"
        let metrics = [
            TokenMetric(text: NumberFormat.tokens(vol), quantity: .tokenVolume, value: vol, unit: .tokens, period: .week, subject: subject),
            TokenMetric(text: "\(growth)%", quantity: .growth, value: growth, unit: .percent, period: .week, direction: .up, subject: subject),
            TokenMetric(text: "$\(price)", quantity: .tokenPrice, value: price, unit: .usdPerMtok, subject: subject, side: .input),
        ]
        let sentence = zh ? "据36氪报道，\(subject)本周模型调用量达到\(NumberFormat.tokens(vol))，周环比增长\(NumberFormat.plain(growth))%。"
            : "\(subject) models processed \(NumberFormat.tokens(vol)) tokens this week, up \(NumberFormat.plain(growth))% week over week."
        cards.append(Card(
            id: String(format: "%016llx", rng.next()), slug: "sample-\(k)-" + String(format: "%06x", k * 7919 % 0xFFFFFF),
            title: title, hook: sentence, day: RunContext(now: day, timeZone: tz).localDay(day), published: day,
            tldr: String(repeating: sentence, count: 3),
            whatChanged: [ChangeLine(text: "\(subject): \(NumberFormat.tokens(vol)) tokens, +\(NumberFormat.plain(growth))% WoW")],
            whyItMatters: "Usage rankings show which models developers actually pay to run.",
            whatNext: "Compare the leaders' prices on your own workload.", audiences: ["Founders & Product Leaders", "Investors"],
            takeaways: [sentence], topics: [topics[k % topics.count]],
            sources: [CardSource(sourceID: "36kr", name: "36氪", url: "https://36kr.com/p/\(k)", title: title),
                      CardSource(sourceID: "wire", name: "AI Weekly Wire", url: "https://wire.example/\(k)", title: title)],
            metrics: metrics, score: Double(n - i), language: zh ? "zh" : "en"))
    }
    made += n
    try store.saveWeek(StoredWeek(week: w, itemCount: n * 2, sourceCount: 2, cards: cards), now: Date(timeIntervalSince1970: 0))
}
print("\(made) cards in \(weekCount) weeks (\(weeks.first!)…\(weeks.last!)) written to \(args[1])")
