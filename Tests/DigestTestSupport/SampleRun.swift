import Foundation

/// The quick start's run over Samples/, from a fixed folder: links to sample files are file://
/// URLs and card ids hash links, so the samples are first copied to one place, and the same
/// input bytes and paths give the same output on every machine.
public enum SampleRun {
    public static let fixedRoot = URL(fileURLWithPath: "/tmp/digest-golden")

    public static let args: [String] = {
        let fm = FileManager.default
        try? fm.removeItem(at: fixedRoot)  // a previous run's copy; recreated below
        try? fm.createDirectory(at: fixedRoot, withIntermediateDirectories: true)
        for folder in ["Samples", "Templates"] {
            try? fm.copyItem(at: TestPaths.root.appendingPathComponent(folder), to: fixedRoot.appendingPathComponent(folder))
        }
        return ["run", "--config", fixedRoot.appendingPathComponent("Samples/feeds.yaml").path, "--week", "2026-W48",
                "--now", "2026-11-30T08:00:00Z", "--quiet"]
    }()

    /// Runs W46, W47 and W48 into one output folder, as a weekly cron would: the store gives
    /// W48's recap a chart over the three weeks and the site an archive of three.
    public static func history(into dir: URL) throws -> [CLI.Result] {
        try ["2026-W46", "2026-W47", "2026-W48"].map { w in
            let a = args.map { $0 == "2026-W48" ? w : $0 }
            return try CLI.run(a + ["--output", dir.path])
        }
    }

    /// Every output file's text by relative path (the SQLite store and its snapshots are not
    /// text, the lock file holds a pid: left out).
    public static func tree(_ dir: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)
        while let u = e?.nextObject() as? URL {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: u.path, isDirectory: &isDir), !isDir.boolValue else { continue }
            let rel = String(u.path.dropFirst(dir.path.count + 1))
            guard !rel.hasSuffix(".sqlite"), !rel.hasSuffix(".digest.lock") else { continue }  // binary; the holder's pid
            let text = String(decoding: try Data(contentsOf: u), as: UTF8.self)
            out[rel] = text
        }
        return out
    }
}
