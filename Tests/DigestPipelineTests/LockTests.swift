import DigestTestSupport
import Foundation
import Testing

/// One digest at a time per output folder: a second waits (`--wait`) or exits 5; a publish never
/// swaps in a site older than the store; leftovers of a killed run are swept.
@Suite(.serialized) struct LockTests {
    /// Starts `digest ARGS` without waiting for it.
    static func start(_ args: [String]) throws -> (Process, Pipe) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TestPaths.binary)
        p.arguments = args
        p.currentDirectoryURL = TestPaths.root
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        return (p, err)
    }

    @Test func twoRunsAtOnceOnAFreshAndOnAnExistingOutput() throws {
        for existing in [false, true] {
            let dir = TestPaths.temporaryDirectory("lock-two-\(existing)")
            if existing { #expect(try CLI.run(SampleRun.args + ["--output", dir.path]).status == 0) }
            let a = try Self.start(SampleRun.args + ["--output", dir.path, "--wait"])
            let b = try Self.start(SampleRun.args + ["--output", dir.path, "--wait"])
            a.0.waitUntilExit()
            b.0.waitUntilExit()
            let errs = [a.1, b.1].map { String(decoding: $0.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
            #expect(a.0.terminationStatus == 0 && b.0.terminationStatus == 0, "\(errs)")
            #expect(!errs.joined().contains("already exists"))
        }
    }

    @Test func aSecondDigestWithoutWaitExitsFive() throws {
        let dir = TestPaths.temporaryDirectory("lock-busy")
        // Hold the lock from this process, as a running digest would.
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let fd = open(dir.path + "/.digest.lock", O_RDWR | O_CREAT, 0o644)
        #expect(flock(fd, LOCK_EX) == 0)
        _ = "4242\n".withCString { write(fd, $0, 5) }
        let r = try CLI.run(SampleRun.args + ["--output", dir.path])
        #expect(r.status == 5)
        #expect(r.stderr.contains("lock: \(dir.path)/.digest.lock: another digest (pid 4242) is using this output folder; pass --wait to wait for it"), "\(r.stderr)")
        flock(fd, LOCK_UN)
        close(fd)
        #expect(try CLI.run(SampleRun.args + ["--output", dir.path]).status == 0)
    }

    @Test func aRecapOfAnEarlierWeekNeverDropsALaterOne() throws {
        let dir = TestPaths.temporaryDirectory("lock-race")
        let w47 = SampleRun.args.map { $0 == "2026-W48" ? "2026-W47" : $0 } + ["--output", dir.path]
        #expect(try CLI.run(w47).status == 0)
        let run = try Self.start(SampleRun.args + ["--output", dir.path, "--wait"])
        let recap = try Self.start(["recap", "--config", SampleRun.args[2], "--output", dir.path, "--week", "2026-W47",
                                    "--now", "2026-11-30T08:00:00Z", "--wait"])
        run.0.waitUntilExit()
        recap.0.waitUntilExit()
        #expect(run.0.terminationStatus == 0 && recap.0.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: dir.path + "/site/weeks/2026-W48.html"), "the site lost W48")
    }

    @Test func leftoversOfAKilledRunAreSwept() throws {
        let dir = TestPaths.temporaryDirectory("lock-sweep")
        #expect(try CLI.run(SampleRun.args + ["--output", dir.path]).status == 0)
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir.path + "/.site.new-99999/weeks", withIntermediateDirectories: true)
        _ = fm.createFile(atPath: dir.path + "/.site.new-99999/weeks/x.html", contents: Data("x".utf8))
        _ = fm.createFile(atPath: dir.path + "/recap/.2026-W48.md.tmp-99998", contents: Data("half".utf8))
        _ = fm.createFile(atPath: dir.path + "/recap/notes.tmp-keep.md", contents: Data("mine".utf8))
        let r = try CLI.run(SampleRun.args.filter { $0 != "--quiet" } + ["--output", dir.path])
        #expect(r.stderr.contains("cleanup: removed 2 leftovers of an interrupted run"), "\(r.stderr)")
        #expect(!fm.fileExists(atPath: dir.path + "/.site.new-99999") && !fm.fileExists(atPath: dir.path + "/recap/.2026-W48.md.tmp-99998"))
        #expect(fm.fileExists(atPath: dir.path + "/recap/notes.tmp-keep.md"), "a file of the user's is no leftover")
    }
}
