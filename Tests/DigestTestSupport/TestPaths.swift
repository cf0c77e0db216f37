import Foundation

/// Paths the tests need: the repository, the built `digest`, the shared corpora.
public enum TestPaths {
    /// The repository root (`Tests/DigestTestSupport/` is two levels below it).
    public static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `../shared` next to the repository, when present.
    public static let shared: URL? = {
        let u = root.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: u.appendingPathComponent("corpus").path) ? u : nil
    }()

    /// The `digest` executable built next to the test bundle.
    public static let binary: String = {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [here, here.deletingLastPathComponent(), root.appendingPathComponent(".build/debug")] {
            let p = dir.appendingPathComponent("digest").path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return root.appendingPathComponent(".build/debug/digest").path
    }()

    /// A test fixture written by us.
    public static func fixture(_ name: String) -> URL {
        root.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name)
    }

    /// A fresh temporary folder.
    public static func temporaryDirectory(_ label: String) -> URL {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("digest-\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)  // a failure shows up in the test's own checks
        return u
    }
}
