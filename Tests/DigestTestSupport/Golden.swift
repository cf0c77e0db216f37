import Foundation
import Testing

/// Golden files under Tests/Golden/NAME/. `DIGEST_RECORD=1` rewrites them and fails.
public enum Golden {
    public static var recording: Bool { ProcessInfo.processInfo.environment["DIGEST_RECORD"] == "1" }

    public static func check(tree: [String: String], name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dir = TestPaths.root.appendingPathComponent("Tests/Golden").appendingPathComponent(name)
        if recording {
            try? FileManager.default.removeItem(at: dir)  // rewritten whole below; absent is fine
            for (rel, text) in tree {
                let u = dir.appendingPathComponent(rel)
                try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: u, atomically: true, encoding: .utf8)
            }
            Issue.record("recorded \(tree.count) golden files for \(name); run again without DIGEST_RECORD", sourceLocation: sourceLocation)
            return
        }
        var expected: [String: String] = [:]
        let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)
        while let u = e?.nextObject() as? URL {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: u.path, isDirectory: &isDir), !isDir.boolValue else { continue }
            expected[String(u.path.dropFirst(dir.path.count + 1))] = String(decoding: try Data(contentsOf: u), as: UTF8.self)
        }
        #expect(!expected.isEmpty, "no golden files for \(name); record them with DIGEST_RECORD=1", sourceLocation: sourceLocation)
        #expect(Set(tree.keys) == Set(expected.keys), "file lists differ", sourceLocation: sourceLocation)
        for (rel, text) in tree.sorted(by: { $0.key < $1.key }) where expected[rel] != text {
            Issue.record("\(rel) differs from its golden file", sourceLocation: sourceLocation)
        }
    }
}
