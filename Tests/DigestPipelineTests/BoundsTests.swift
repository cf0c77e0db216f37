import DigestTestSupport
import Foundation
import Testing

/// A page of 20 MB full of figures is cut, not followed into quadratic work: its text and its
/// metrics are bounded, the run finishes and says what it cut. (How fast: Benchmarks/large-page.sh.)
@Suite(.serialized) struct BoundsTests {
    @Test func aHugeArticlePageIsCutAndTheRunSaysSo() throws {
        let server = try #require(FaultServer.shared, "the loopback server did not start")
        let dir = TestPaths.temporaryDirectory("bounds")
        let yaml = """
            templates: \(TestPaths.root.path)/Templates
            timezone: UTC
            fetch:
              max_mb: 30
              timeout: 60
            sources:
              - id: huge
                name: Huge
                url: \(server.url("/huge-feed?mb=20"))
                full_content: true
            """
        try yaml.write(to: dir.appendingPathComponent("feeds.yaml"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["run", "--config", dir.appendingPathComponent("feeds.yaml").path, "--output", dir.appendingPathComponent("out").path,
                             "--week", "2026-W48", "--now", "2026-11-30T08:00:00Z", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("characters; the first 199") || r.stderr.contains("characters; the first 200000 kept"), "\(r.stderr)")
        #expect(r.stderr.contains("metrics; the first 100 kept"), "\(r.stderr)")
        let recap = try String(contentsOf: dir.appendingPathComponent("out/recap/2026-W48.md"), encoding: .utf8)
        let rows = recap.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("token") }
        #expect(rows.count <= 100, "\(rows.count) metric rows")
    }
}
