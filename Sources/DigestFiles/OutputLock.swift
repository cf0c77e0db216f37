import DigestCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The exclusive lock of an output folder (`flock` on `.digest.lock` inside it), held by `run`,
/// `fetch`, `recap` and `email send` for their whole life: two digests never write one store or
/// one site at once, and a publish always reads the newest store (no later publish can swap in
/// an older site). The holder's pid is written into the file for the message of the one waiting.
/// Released when the object goes away or the process ends (the kernel drops a dead holder's lock).
public final class OutputLock: Sendable {
    let fd: Int32
    /// The lock file.
    public let path: String

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// Takes the lock of `directory` (created if needed). Busy: with `wait`, `waiting` is told
    /// the holder's pid and the call blocks until the lock is free; without, a `LockError`.
    public static func acquire(directory: String, wait: Bool, waiting: (Int32?) -> Void = { _ in }) throws -> OutputLock {
        do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
            throw FileError(path: directory, problem: "cannot create: \(error.localizedDescription)")
        }
        let path = directory + "/.digest.lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileError(path: path, problem: "cannot open: \(String(cString: strerror(errno)))") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let holder = Self.holder(path)
            guard wait else {
                close(fd)
                throw LockError(path: path, holder: holder)
            }
            waiting(holder)
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(fd)
                    throw LockError(path: path, holder: holder)
                }
            }
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
        return OutputLock(fd: fd, path: path)
    }

    /// The pid written by the holder, when it can be read.
    static func holder(_ path: String) -> Int32? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return Int32(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// Another digest holds the output folder: `lock: PATH: …`, exit status `busy`.
public struct LockError: DigestError {
    /// The lock file.
    public var path: String
    /// The holder's pid, when known.
    public var holder: Int32?

    /// One line.
    public var message: String {
        "lock: \(path): another digest\(holder.map { " (pid \($0))" } ?? "") is using this output folder; pass --wait to wait for it"
    }
    /// The folder is busy.
    public var exitStatus: ExitStatus { .busy }
}
