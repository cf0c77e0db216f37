import DigestTestSupport
import Foundation
import Testing

/// A run killed at each exact point where it commits — every unlink (SQLite's journal: the end of
/// a transaction) and every rename (a published file, the site swap) — then run again: the rerun
/// publishes exactly what a run never killed publishes, loses no item, and leaves no leftover.
/// Kills are injected by strace (`--inject=SYSCALL:signal=KILL:when=N`), a real SIGKILL.
@Suite(.serialized) struct CrashTests {
    static let week = ["--week", "2026-W48", "--now", "2026-11-30T08:00:00Z", "--quiet"]

    /// The tree a run leaves, without the store (binary), its snapshots and the lock file.
    static func published(_ dir: URL) throws -> [String: String] {
        try SampleRun.tree(dir).filter { !$0.key.hasSuffix(".digest.lock") }
    }

    static func leftovers(_ dir: URL) -> [String] {
        let all = FileManager.default.enumerator(atPath: dir.path)?.compactMap { $0 as? String } ?? []
        return all.filter { ($0 as NSString).lastPathComponent.contains(".tmp-") || ($0 as NSString).lastPathComponent.contains(".new-") }
    }

    /// Kills at the Nth call of `syscalls` for N = 1, 2, … until a run completes; after each, a
    /// plain rerun must equal `clean`. `prepare` sets up the output folder before each kill.
    static func killAtEveryPoint(_ syscalls: String, label: String, clean: [String: String],
                                 prepare: (URL) throws -> Void) throws -> Int {
        var n = 1
        while n < 400 {
            let dir = TestPaths.temporaryDirectory("crash-\(label)-\(n)")
            try prepare(dir)
            let killed = try Tool.run(["strace", "-f", "-o", "/dev/null", "-e", "trace=\(syscalls)",
                                       "-e", "inject=\(syscalls):signal=KILL:when=\(n)",
                                       TestPaths.binary] + SampleRun.args.filter { $0 != "--quiet" }.prefix(3) + ["--output", dir.path] + week)
            let completed = killed.status == 0
            let rerun = try CLI.run(Array(SampleRun.args.prefix(3)) + ["--output", dir.path] + week)
            #expect(rerun.status == 0, "\(label) kill #\(n): rerun failed: \(rerun.stderr)")
            let tree = try published(dir)
            #expect(tree == clean, "\(label) kill #\(n): the rerun differs from a clean run in \(Set(tree.keys).symmetricDifference(clean.keys).sorted().prefix(5)) \(tree.filter { clean[$0.key] != $0.value }.keys.sorted().prefix(5))")
            #expect(leftovers(dir).isEmpty, "\(label) kill #\(n): leftovers \(leftovers(dir))")
            if completed { return n }
            n += 1
        }
        Issue.record("\(label): never completed")
        return n
    }

    @Test func aKillAtAnyCommitOrRenameOfAFreshRunLosesNothing() throws {
        #expect(try Tool.run(["strace", "-V"]).status == 0, "strace is needed (CI installs it)")
        let cleanDir = TestPaths.temporaryDirectory("crash-clean")
        #expect(try CLI.run(Array(SampleRun.args.prefix(3)) + ["--output", cleanDir.path] + Self.week).status == 0)
        let clean = try Self.published(cleanDir)
        #expect(clean.count > 40)
        let unlinks = try Self.killAtEveryPoint("unlink,unlinkat", label: "unlink", clean: clean) { _ in }
        let renames = try Self.killAtEveryPoint("rename,renameat,renameat2", label: "rename", clean: clean) { _ in }
        #expect(unlinks > 5 && renames > 20, "kill points tried: \(unlinks) unlinks, \(renames) renames")
    }

    @Test func aKillWhileReplacingAPublishedSiteLosesNothing() throws {
        // W47 published first: the W48 run swaps its site in (renameat2) and removes the old one.
        let week47 = Array(SampleRun.args.prefix(3)) + ["--week", "2026-W47", "--now", "2026-11-30T08:00:00Z", "--quiet"]
        let cleanDir = TestPaths.temporaryDirectory("crash-clean2")
        #expect(try CLI.run(week47 + ["--output", cleanDir.path]).status == 0)
        #expect(try CLI.run(Array(SampleRun.args.prefix(3)) + ["--output", cleanDir.path] + Self.week).status == 0)
        let clean = try Self.published(cleanDir)
        let prepare: (URL) throws -> Void = { dir in _ = try CLI.run(week47 + ["--output", dir.path]) }
        let renames = try Self.killAtEveryPoint("rename,renameat,renameat2", label: "swap", clean: clean, prepare: prepare)
        let unlinks = try Self.killAtEveryPoint("unlink,unlinkat", label: "swap-unlink", clean: clean, prepare: prepare)
        #expect(renames > 20 && unlinks > 5)
    }
}
