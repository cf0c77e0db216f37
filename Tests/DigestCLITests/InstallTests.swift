import DigestTestSupport
import Foundation
import Testing

/// From an empty folder to a published week with the installed program alone: no Templates
/// folder, no repository around it.
@Suite(.serialized) struct InstallTests {
    /// scripts/install.sh into a fresh prefix, with the binary under test.
    static func install() throws -> (prefix: URL, digest: String) {
        let prefix = TestPaths.temporaryDirectory("prefix")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = [TestPaths.root.appendingPathComponent("scripts/install.sh").path, prefix.path]
        p.environment = ProcessInfo.processInfo.environment.merging(["DIGEST_BIN": TestPaths.binary]) { $1 }
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        return (prefix, prefix.appendingPathComponent("bin/digest").path)
    }

    /// feeds.yaml written by `digest init` in `dir`, its sources replaced by the bundled samples.
    static func initWithSamples(_ digest: String, in dir: URL) throws -> URL {
        let r = try CLI.run(["init", dir.path], binary: digest, cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let feeds = dir.appendingPathComponent("feeds.yaml")
        let written = try String(contentsOf: feeds, encoding: .utf8)
        let samples = try String(contentsOf: TestPaths.root.appendingPathComponent("Samples/feeds.yaml"), encoding: .utf8)
        let sampleSources = samples[samples.range(of: "\nsources:")!.lowerBound...]
            .replacingOccurrences(of: "url: feeds/", with: "url: \(TestPaths.root.path)/Samples/feeds/")
        let head = written[..<written.range(of: "\nsources:")!.lowerBound]
        try (head + sampleSources).write(to: feeds, atomically: true, encoding: .utf8)
        return feeds
    }

    @Test func theInstalledProgramRunsADigestWithoutATemplatesFolder() throws {
        let (prefix, digest) = try Self.install()
        for f in ["share/man/man1/digest.1", "share/bash-completion/completions/digest", "share/zsh/site-functions/_digest",
                  "share/fish/vendor_completions.d/digest.fish"] {
            let text = (try? String(contentsOf: prefix.appendingPathComponent(f), encoding: .utf8)) ?? ""
            #expect(text.contains("digest") && text.count > 500, "\(f)")
        }
        let man = try String(contentsOf: prefix.appendingPathComponent("share/man/man1/digest.1"), encoding: .utf8)
        #expect(man.contains(".SS digest init") && man.contains(".SH EXIT STATUS"))
        let version = try CLI.run(["--version"], binary: digest)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)

        let dir = TestPaths.temporaryDirectory("newcomer")
        let feeds = try Self.initWithSamples(digest, in: dir)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Templates").path))
        let run = try CLI.run(["run", "--config", feeds.path, "--week", "2026-W48", "--now", "2026-11-30T08:00:00Z", "--quiet"],
                              binary: digest, cwd: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let index = (try? String(contentsOf: dir.appendingPathComponent("output/site/index.html"), encoding: .utf8)) ?? ""
        #expect(index.contains("<footer") && index.contains(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        let again = try CLI.run(["init", dir.path], binary: digest, cwd: dir)
        #expect(again.status == 1 && again.stderr.contains("already exists"), "init never overwrites")
    }

    @Test func oneOverriddenTemplateChangesOnlyItsPart() throws {
        let (_, digest) = try Self.install()
        let dir = TestPaths.temporaryDirectory("override")
        let feeds = try Self.initWithSamples(digest, in: dir)
        let args = ["run", "--config", feeds.path, "--week", "2026-W48", "--now", "2026-11-30T08:00:00Z", "--quiet"]
        #expect(try CLI.run(args + ["--output", dir.appendingPathComponent("plain").path], binary: digest, cwd: dir).status == 0)
        // The user's own card.md, nothing else.
        let mine = dir.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try "# {{title}}\n\nMY OWN CARD\n".write(to: mine.appendingPathComponent("card.md.mustache"), atomically: true, encoding: .utf8)
        let text = try String(contentsOf: feeds, encoding: .utf8)
        try (text + "templates: mine\n").write(to: feeds, atomically: true, encoding: .utf8)
        let r = try CLI.run(args + ["--output", dir.appendingPathComponent("mine-out").path], binary: digest, cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let plain = try SampleRun.tree(dir.appendingPathComponent("plain"))
        let custom = try SampleRun.tree(dir.appendingPathComponent("mine-out"))
        #expect(plain.keys.sorted() == custom.keys.sorted())
        let changed = plain.keys.filter { plain[$0] != custom[$0] }.sorted()
        #expect(!changed.isEmpty && changed.allSatisfy { $0.hasPrefix("cards/") && $0.hasSuffix(".md") }, "\(changed)")
        #expect(changed.allSatisfy { custom[$0]!.contains("MY OWN CARD") })
    }

    @Test func aTemplatesFolderThatIsNotThereIsNamed() throws {
        let dir = TestPaths.temporaryDirectory("missing-templates")
        let feeds = try Self.initWithSamples(TestPaths.binary, in: dir)
        try (try String(contentsOf: feeds, encoding: .utf8) + "templates: nowhere\n").write(to: feeds, atomically: true, encoding: .utf8)
        let r = try CLI.run(["run", "--config", feeds.path, "--quiet"], cwd: dir)
        #expect(r.status == 1 && r.stderr.contains("nowhere: templates folder not found"), "\(r.stderr)")
    }

    @Test func aMissingFeedsYamlSaysHowToMakeOne() throws {
        let dir = TestPaths.temporaryDirectory("no-config")
        let r = try CLI.run(["run"], cwd: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("feeds.yaml: not found") && r.stderr.contains("digest init"), "\(r.stderr)")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) == [], "nothing written")
    }
}
