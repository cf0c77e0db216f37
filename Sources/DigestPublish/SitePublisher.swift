import DigestFiles
import Foundation

/// Publishes a whole static site at once: built in a temporary sibling folder, then swapped
/// in with one `renameat2(RENAME_EXCHANGE)` (or a rename when there was no site), so a
/// reader — or a process killed at any moment — only ever sees a complete site.
public enum SitePublisher {
    /// Replaces the folder at `path` with exactly `files`.
    public static func publish(_ files: FileSet, to path: String) throws {
        let fm = FileManager.default
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let name = URL(fileURLWithPath: path).lastPathComponent
        let staging = parent + "/.\(name).new-\(getpid())"
        try? fm.removeItem(atPath: staging)  // a leftover from a killed run; absent is fine
        do {
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw FileError(path: staging, problem: "cannot create: \(error.localizedDescription)")
        }
        var folders: Set<String> = [""]
        for rel in files.paths {
            let target = staging + "/" + rel
            let folder = rel.split(separator: "/").dropLast().joined(separator: "/")
            if folders.insert(folder).inserted {
                do { try fm.createDirectory(atPath: staging + "/" + folder, withIntermediateDirectories: true) } catch {
                    throw FileError(path: target, problem: "cannot create folder: \(error.localizedDescription)")
                }
            }
            try PlainFile.write(files.files[rel]!, to: target)
        }
        if fm.fileExists(atPath: path) {
            guard Exchange.swap(staging, path) else {
                throw FileError(path: path, problem: "cannot swap in the new site: \(String(cString: strerror(errno)))")
            }
            do { try fm.removeItem(atPath: staging) } catch {
                throw FileError(path: staging, problem: "new site is live; old copy not removed: \(error.localizedDescription)")
            }
        } else if rename(staging, path) != 0 {
            throw FileError(path: path, problem: "cannot move the new site in: \(String(cString: strerror(errno)))")
        }
    }
}
