import Foundation

/// What an interrupted run leaves behind: temporary files of `AtomicWriter` and snapshots
/// (`.NAME.tmp-PID`, with SQLite's `-journal`) and staging folders of a site swap (`.NAME.new-PID`). Swept by the holder of the output lock
/// before it writes anything — holding the lock, no other digest is writing there, so every such
/// name is a leftover, whatever its pid.
public enum Leftovers {
    /// Removes every leftover under `directory`; returns how many.
    @discardableResult
    public static func sweep(_ directory: String) -> Int {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: directory) else { return 0 }
        var found: [String] = []
        while let rel = walker.nextObject() as? String {
            let name = (rel as NSString).lastPathComponent
            guard isLeftover(name) else { continue }
            found.append(rel)
            walker.skipDescendants()  // a staging folder goes whole
        }
        var removed = 0
        for rel in found where (try? fm.removeItem(atPath: directory + "/" + rel)) != nil { removed += 1 }
        return removed
    }

    /// ".NAME.tmp-123" or ".NAME.new-123" (and SQLite's "-journal" of a temporary database).
    static func isLeftover(_ name: String) -> Bool {
        guard name.hasPrefix(".") else { return false }
        var base = Substring(name)
        for suffix in ["-journal", "-wal", "-shm"] where base.hasSuffix(suffix) { base = base.dropLast(suffix.count) }
        for marker in [".tmp-", ".new-"] {
            if let r = base.range(of: marker, options: .backwards) {
                let pid = base[r.upperBound...]
                if !pid.isEmpty, pid.allSatisfy(\.isNumber) { return true }
            }
        }
        return false
    }
}
