import DigestFiles
import Foundation

/// A whole static site published at once: written into a temporary sibling folder file by file
/// (so a site of any size is never held in memory), then swapped in with one
/// `renameat2(RENAME_EXCHANGE)` (or a rename when there was no site), so a reader — or a process
/// killed at any moment — only ever sees a complete site.
public final class SiteStaging {
    /// The live site's folder.
    public let target: String
    /// The folder being written.
    let staging: String
    private var folders: Set<String> = [""]
    /// Paths written so far, relative to the site root, in the order written.
    public private(set) var paths: [String] = []

    /// Starts a new site to replace the folder at `path` (a leftover of a killed run of this
    /// process id is removed first).
    public init(replacing path: String) throws {
        target = path
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        staging = parent + "/.\(URL(fileURLWithPath: path).lastPathComponent).new-\(getpid())"
        try? FileManager.default.removeItem(atPath: staging)  // absent is fine
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw FileError(path: staging, problem: "cannot create: \(error.localizedDescription)")
        }
    }

    /// Writes one file of the new site; a path that could escape the site is refused.
    public func add(_ relative: String, _ text: String) throws {
        guard SafePath.isSafe(relative) else { throw FileError(path: relative, problem: "unsafe output path refused") }
        let target = staging + "/" + relative
        let folder = relative.split(separator: "/").dropLast().joined(separator: "/")
        if folders.insert(folder).inserted {
            do { try FileManager.default.createDirectory(atPath: staging + "/" + folder, withIntermediateDirectories: true) } catch {
                throw FileError(path: target, problem: "cannot create folder: \(error.localizedDescription)")
            }
        }
        try PlainFile.write(Data(text.utf8), to: target)
        paths.append(relative)
    }

    /// Makes the new site the live one, whole.
    public func swapIn() throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: target) {
            guard Exchange.swap(staging, target) else {
                throw FileError(path: target, problem: "cannot swap in the new site: \(String(cString: strerror(errno)))")
            }
            do { try fm.removeItem(atPath: staging) } catch {
                throw FileError(path: staging, problem: "new site is live; old copy not removed: \(error.localizedDescription)")
            }
        } else if rename(staging, target) != 0 {
            throw FileError(path: target, problem: "cannot move the new site in: \(String(cString: strerror(errno)))")
        }
    }
}
