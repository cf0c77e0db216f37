import DigestCore
import Foundation

/// Writes files so that a reader never sees half a file: write to a temporary file in the
/// same folder, then rename over the target. A process killed at any point leaves either the
/// old or the new file. (No fsync per file: that guards against power loss, not a killed
/// process, and costs more than the rest of publishing together.)
public enum AtomicWriter {
    /// Writes `data` to `path` atomically, creating parent folders.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
            try PlainFile.write(data, to: tmp.path)
            if rename(tmp.path, path) != 0 {
                let err = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: tmp)  // best effort; the error below reports the failure
                throw FileError(path: path, problem: "rename failed: \(err)")
            }
        } catch let e as FileError {
            throw e
        } catch {
            throw FileError(path: path, problem: "cannot write: \(error.localizedDescription)")
        }
    }

    /// Writes UTF-8 text atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }
}
