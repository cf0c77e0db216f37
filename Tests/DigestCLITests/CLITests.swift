import DigestTestSupport
import Foundation
import Testing

/// Exit statuses of CONTRACTS.md: 0 ok, 1 bad input, 2 usage, 3 fetch/IO.
@Suite(.serialized) struct CLITests {
    @Test func parsesAFeedFileToContractJSON() throws {
        let r = try CLI.run(["parse", "Samples/feeds/36kr.xml", "--json"])
        #expect(r.status == 0)
        let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(doc?["format"] as? String == "rss2")
        let items = doc?["items"] as? [[String: Any]]
        #expect(items?.first?["link"] as? String == "https://36kr.com/p/3844199957236227?f=rss")
        #expect(items?.first?["published"] as? String == "2026-11-24T10:01:25Z")
    }

    @Test func anHTMLPageIsBadInput() throws {
        let r = try CLI.run(["parse", "Samples/articles/openrouter-week48.html", "--json"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("parse: Samples/articles/openrouter-week48.html: not a feed (looks like HTML)"))
    }

    @Test func aMissingFileIsAnIOFailure() throws {
        let r = try CLI.run(["parse", "no/such/feed.xml", "--json"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("parse: no/such/feed.xml: no such file"))
    }

    @Test func usageErrorsExit2() throws {
        #expect(try CLI.run(["parse"]).status == 2)
        #expect(try CLI.run(["run", "--week", "48"]).status == 2)
        #expect(try CLI.run(["no-such-command"]).status == 2)
        #expect(try CLI.run(["metrics"]).status == 2)
        let jobs = try CLI.run(["parse", "Samples/feeds/36kr.xml", "--jsonl", "--jobs", "0"])
        #expect(jobs.status == 2 && jobs.stderr.contains("--jobs must be at least 1"))
    }

    @Test func badConfigExits1WithLocation() throws {
        let dir = TestPaths.temporaryDirectory("cfg")
        let yaml = "sources:\n  - id: a\n    url: gopher://x\n"
        try yaml.write(to: dir.appendingPathComponent("feeds.yaml"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["run", "--config", "feeds.yaml"], cwd: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("config: feeds.yaml:3:10: 'gopher://x' must be an http, https or file URL"))
    }

    @Test func jsonlPrintsOneLinePerInputAndTheWorstStatus() throws {
        let r = try CLI.run(["parse", "Samples/feeds/36kr.xml", "Samples/articles/agent-framework.html", "--jsonl"])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1].contains("\"error\""))
    }

    @Test func metricsReadsTextAndStdin() throws {
        let r = try CLI.run(["metrics", "--text", "Global total: 27T tokens, +18.9% WoW", "--json"])
        #expect(r.status == 0)
        let list = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]
        #expect(list?.count == 2)
        let s = try CLI.run(["metrics", "-", "--json"], stdin: Data("日均Token调用量突破30万亿".utf8))
        let list2 = try JSONSerialization.jsonObject(with: Data(s.stdout.utf8)) as? [[String: Any]]
        #expect(list2?.first?["value"] as? Double == 30_000_000_000_000)
        #expect(list2?.first?["period"] as? String == "day")
    }

    /// A text that begins with "-" (a Markdown bullet) is the option's value, not an option; each
    /// price keeps its own side.
    @Test func metricsTextMayBeginWithADash() throws {
        let r = try CLI.run(["metrics", "--text", "- $0.25 per million input tokens and $1.25 per million output tokens", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let list = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(list.map { $0["side"] as? String } == ["input", "output"])
        #expect(list.map { $0["value"] as? Double } == [0.25, 1.25])
    }

    @Test func summarizeKeepsTheBudget() throws {
        let dir = TestPaths.temporaryDirectory("sum")
        let body = (1...20).map { "Sentence number \($0) says something about tokens and prices today." }.joined(separator: " ")
        let file = dir.appendingPathComponent("a.txt")
        try "A title\n\n\(body)\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try CLI.run(["summarize", file.path, "--json"])
        #expect(r.status == 0)
        let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let tldr = doc?["tldr"] as? String ?? ""
        #expect(tldr.split(separator: " ").count <= 75)
        #expect(tldr.hasSuffix("."))
    }
}

/// What `digest fetch` prints for people: steps by default, a line per source with --verbose,
/// only the summary with --quiet (no live line when stderr is not a terminal).
struct ProgressOutputTests {
    func fetch(_ flag: String?) throws -> CLI.Result {
        let dir = TestPaths.temporaryDirectory("progress")
        return try CLI.run(["fetch", "--config", SampleRun.args[2], "--output", dir.path] + (flag.map { [$0] } ?? []))
    }

    @Test func verbosityLevels() throws {
        let plain = try fetch(nil), verbose = try fetch("--verbose"), quiet = try fetch("--quiet")
        for r in [plain, verbose, quiet] {
            #expect(r.status == 0)
            #expect(r.stderr.contains("fetch: 5 sources: 5 ok, 0 failed"))
            #expect(!r.stderr.contains("\u{1B}["), "no terminal escapes when stderr is a pipe")
        }
        #expect(plain.stderr.contains("parse: 5 feeds parsed") && !plain.stderr.contains("source: 36kr"))
        #expect(verbose.stderr.contains("source: 36kr: ok,") && verbose.stderr.contains("1 attempt(s)"))
        #expect(quiet.stderr.split(separator: "\n").count == 1, "\(quiet.stderr)")
        let both = try CLI.run(["fetch", "--quiet", "--verbose"])
        #expect(both.status == 2)
    }

    @Test func aTerminalGetsTheLiveLine() throws {
        let dir = TestPaths.temporaryDirectory("progress-tty")
        // util-linux `script` gives the command a pseudo-terminal.
        let cmd = "\(TestPaths.binary) fetch --config \(SampleRun.args[2]) --output \(dir.path)"
        let r = try Tool.run(["script", "-qec", cmd, "/dev/null"])
        #expect(r.status == 0, "\(r.output)")
        #expect(r.output.contains("\r\u{1B}[2Kfetch  5/5 sources · "), "\(r.output.debugDescription)")
        #expect(r.output.contains("failed or stale") && r.output.contains("sources/s"))
    }
}
