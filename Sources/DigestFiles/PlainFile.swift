import DigestCore
import Foundation

/// One open–write–close, no temporary file and no fsync: for files inside a private staging
/// folder or a temporary name that a rename publishes afterwards. (Foundation's
/// `createFile(atPath:contents:)` writes atomically with an fsync, which made the kernel the
/// largest cost of publishing a 10,000-card site.)
public enum PlainFile {
    /// Writes `data` to `path` (created or truncated) in one open–write–close.
    public static func write(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileError(path: path, problem: "cannot create: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try data.withUnsafeBytes { (buf: UnsafeRawBufferPointer) in
            var done = 0
            while done < buf.count {
                let n = Foundation.write(fd, buf.baseAddress! + done, buf.count - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw FileError(path: path, problem: "cannot write: \(String(cString: strerror(errno)))") }
                done += n
            }
        }
    }
}
