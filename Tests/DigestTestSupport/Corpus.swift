import Foundation

/// The third-party corpora in `../shared/corpus` (absent outside this setup: every list is then empty).
public enum Corpus {
    /// Files under `corpus/<sub>` that `keep` accepts, sorted, as paths.
    public static func files(_ sub: String, where keep: (String) -> Bool) -> [String] {
        guard let shared = TestPaths.shared else { return [] }
        let dir = shared.appendingPathComponent("corpus").appendingPathComponent(sub)
        let all = FileManager.default.enumerator(atPath: dir.path)?.compactMap { $0 as? String } ?? []
        return all.filter(keep).sorted().map { dir.appendingPathComponent($0).path }.filter { path in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && !isDir.boolValue
        }
    }

    /// Every document of the feed corpora (answers, notes and manifests left out).
    public static var feeds: [String] {
        files("feeds") { p in
            !p.hasSuffix(".expected.json") && !p.hasSuffix(".md") && !p.hasSuffix(".tsv") && !p.hasSuffix(".txt")
        }
    }

    /// Every article page of the article corpora.
    public static var pages: [String] { files("articles") { $0.hasSuffix("source.html") } }
}
