import DigestCore
import Foundation
import GRDB

/// Copies of the store taken after each published week (`VACUUM INTO`), the way back from a
/// damaged or lost file: `digest store restore` puts the newest (or a named) one in place.
extension DigestStore {
    /// How many snapshots are kept.
    public static let snapshotsKept = 3

    /// A consistent copy of the store in `folder`, named by `stamp` (`digest-20261130T080000Z.sqlite`);
    /// snapshots beyond the newest `keep` are removed. Returns the new file's path.
    @discardableResult
    public func snapshot(into folder: String, stamp: Date, keep: Int = DigestStore.snapshotsKept) throws -> String {
        let name = "digest-" + RFC3339.string(from: stamp).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "") + ".sqlite"
        let target = folder + "/" + name, temp = folder + "/." + name + ".tmp-\(getpid())"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(atPath: temp)
            try queue.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [temp]) }
            if rename(temp, target) != 0 { throw StoreError(path: target, problem: "cannot rename the snapshot: \(String(cString: strerror(errno)))") }
        } catch let e as StoreError {
            throw e
        } catch {
            try? FileManager.default.removeItem(atPath: temp)
            throw StoreError(path: target, problem: "snapshot failed: " + Self.describe(error))
        }
        for old in Self.snapshots(in: folder).dropFirst(keep) { try? FileManager.default.removeItem(atPath: old) }
        return target
    }

    /// The snapshots in `folder`, newest first.
    public static func snapshots(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasPrefix("digest-") && $0.hasSuffix(".sqlite") }.sorted(by: >).map { folder + "/" + $0 }
    }

    /// Puts `snapshot` in place of the store at `path` after checking it; the file it replaces,
    /// if any, is kept beside it as `PATH.replaced`. One rename: a killed restore leaves either.
    public static func restore(_ snapshot: String, to path: String) throws {
        _ = try DigestStore(path: snapshot, mustExist: true)  // quick_check: a damaged snapshot is no way back
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        let fm = FileManager.default
        do {
            try? fm.removeItem(atPath: temp)
            try fm.copyItem(atPath: snapshot, toPath: temp)
            if fm.fileExists(atPath: path) {
                try? fm.removeItem(atPath: path + ".replaced")
                try fm.copyItem(atPath: path, toPath: path + ".replaced")
            }
        } catch {
            throw StoreError(path: path, problem: "cannot restore \(snapshot): \(error.localizedDescription)")
        }
        guard rename(temp, path) == 0 else {
            throw StoreError(path: path, problem: "cannot restore \(snapshot): \(String(cString: strerror(errno)))")
        }
        try? fm.removeItem(atPath: path + "-journal")  // a journal of the replaced file would roll the restored one back
    }
}
