import DigestTestSupport
import Foundation
import Testing

/// The store is the history: a damaged or lost one is an error with the way back, never silently
/// replaced; snapshots bring it back; read-only commands create nothing.
@Suite(.serialized) struct StoreHealthTests {
    static func history(_ dir: URL) throws {
        for r in try SampleRun.history(into: dir) { #expect(r.status == 0, "\(r.stderr)") }
    }

    static func run48(_ dir: URL, _ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(SampleRun.args + ["--output", dir.path] + extra)
    }

    @Test func aDeletedOrEmptyStoreBesideAPublishedSiteIsAnErrorUntilRestored() throws {
        let dir = TestPaths.temporaryDirectory("store-lost")
        try Self.history(dir)
        let store = dir.appendingPathComponent("digest.sqlite").path
        for damage in ["deleted", "empty"] {
            if damage == "deleted" { try FileManager.default.removeItem(atPath: store) } else { _ = FileManager.default.createFile(atPath: store, contents: Data()) }
            let r = try Self.run48(dir)
            #expect(r.status == 3, "\(damage): \(r.stderr)")
            #expect(r.stderr.contains("but the site in \(dir.path) has 3 weeks; restore the last snapshot with `digest store restore`"), "\(r.stderr)")
            #expect(FileManager.default.fileExists(atPath: dir.path + "/site/weeks/2026-W46.html"), "the published site is untouched")
        }
        let restore = try CLI.run(["store", "restore", "--config", SampleRun.args[2], "--output", dir.path])
        #expect(restore.status == 0, "\(restore.stderr)")
        #expect(try Self.run48(dir).status == 0)
        #expect(try String(contentsOfFile: dir.path + "/site/archive.html", encoding: .utf8).contains("2026-W46"), "the history is back")
        // Starting over is a choice the user makes.
        try FileManager.default.removeItem(atPath: store)
        #expect(try Self.run48(dir, ["--new-store"]).status == 0)
    }

    @Test func aCorruptedStoreStopsEveryCommand() throws {
        let dir = TestPaths.temporaryDirectory("store-corrupt")
        try Self.history(dir)
        let path = dir.appendingPathComponent("digest.sqlite").path
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for i in stride(from: 4096, to: min(bytes.count, 4096 * 6), by: 1) { bytes[i] = 0x5A }  // garbage over the first pages after the header
        try bytes.write(to: URL(fileURLWithPath: path))
        let cfg = SampleRun.args[2]
        for args in [SampleRun.args + ["--output", dir.path],
                     ["fetch", "--config", cfg, "--output", dir.path],
                     ["recap", "--config", cfg, "--output", dir.path, "--week", "2026-W48"],
                     ["status", "--config", cfg, "--output", dir.path],
                     ["store", "check", "--config", cfg, "--output", dir.path]] {
            let r = try CLI.run(args)
            #expect(r.status != 0, "\(args[0]) accepted a damaged store")
            #expect(r.stderr.contains("store: \(path):") && r.stderr.contains("digest store restore"), "\(args[0]): \(r.stderr)")
        }
        #expect(try CLI.run(["store", "restore", "--config", cfg, "--output", dir.path]).status == 0)
        #expect(try CLI.run(["store", "check", "--config", cfg, "--output", dir.path]).stdout.hasSuffix(": ok\n"))
    }

    @Test func readOnlyCommandsCreateNothing() throws {
        let dir = TestPaths.temporaryDirectory("store-readonly").appendingPathComponent("never")
        let cfg = SampleRun.args[2]
        for args in [["status", "--config", cfg, "--output", dir.path], ["store", "check", "--config", cfg, "--output", dir.path]] {
            let r = try CLI.run(args)
            #expect(r.status != 0 && r.stderr.contains("no store here"), "\(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path), "status and check created the output folder")
    }

    @Test func snapshotsAreKeptAfterEachWeekNewestFew() throws {
        let dir = TestPaths.temporaryDirectory("store-snapshots")
        for (i, w) in ["2026-W45", "2026-W46", "2026-W47", "2026-W48"].enumerated() {
            let args = SampleRun.args.map { $0 == "2026-W48" ? w : $0 }.map { $0 == "2026-11-30T08:00:00Z" ? "2026-11-30T0\(i):00:00Z" : $0 }
            _ = try CLI.run(args + ["--output", dir.path])
        }
        let list = try CLI.run(["store", "snapshots", "--config", SampleRun.args[2], "--output", dir.path]).stdout.split(separator: "\n")
        #expect(list.count == 3 && list.first?.hasSuffix("digest-20261130T030000Z.sqlite") == true, "\(list)")
    }
}
