import DigestCore
import DigestTestSupport
import Foundation
import Testing

/// `--shard K/N` splits the sources stably; `--import-store` joins the shards' items again.
struct ShardTests {
    @Test func everySourceIsInExactlyOneShard() throws {
        let ids = (0..<500).map { "source-\($0)" } + ["36kr", "36kr-newsflash", "techcrunch-ai"]
        for n in [1, 2, 3, 4, 7] {
            let shards = (1...n).map { Shard("\($0)/\(n)")! }
            for id in ids { #expect(shards.filter { $0.contains(id) }.count == 1) }
            if n == 4 {
                let sizes = shards.map { s in ids.filter { s.contains($0) }.count }
                #expect(sizes.allSatisfy { $0 > 90 }, "a fair split: \(sizes)")
            }
        }
        for bad in ["0/4", "5/4", "2", "a/b", "1/0", "-1/3"] { #expect(Shard(bad) == nil, "\(bad)") }
    }

    @Test func threeShardsMakeTheSameDigestAsOneRun() throws {
        let dir = TestPaths.temporaryDirectory("shards")
        let config = SampleRun.args[2]
        let common = ["--config", config, "--now", "2026-11-30T08:00:00Z", "--quiet"]
        var fetched = 0
        for k in 2...3 {
            let r = try CLI.run(["fetch", "--shard", "\(k)/3", "--output", dir.appendingPathComponent("s\(k)").path, "--json"] + common)
            #expect(r.status == 0, "\(r.stderr)")  // a shard with no source is not a failure
            let doc = (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any]
            fetched += doc?["sources"] as? Int ?? 0
        }
        let run = try CLI.run(["run", "--shard", "1/3", "--week", "2026-W48", "--output", dir.appendingPathComponent("s1").path,
                               "--import-store", dir.appendingPathComponent("s2/digest.sqlite").path,
                               "--import-store", dir.appendingPathComponent("s3/digest.sqlite").path] + common)
        #expect(run.status == 0, "\(run.stderr)")
        let doc = try String(contentsOf: dir.appendingPathComponent("s1/recap/2026-W48.md"), encoding: .utf8)
        let whole = try CLI.run(SampleRun.args + ["--output", dir.appendingPathComponent("whole").path])
        #expect(whole.status == 0)
        let expected = try String(contentsOf: dir.appendingPathComponent("whole/recap/2026-W48.md"), encoding: .utf8)
        #expect(doc == expected, "the shards' union gives the single run's recap")
        #expect(fetched >= 1, "shards 2 and 3 fetched something")
    }
}
