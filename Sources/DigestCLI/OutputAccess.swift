import DigestFiles
import Foundation

/// The output folder taken for a writing command: its lock (waiting with `--wait`, else exit 5
/// when another digest holds it), then leftovers of an interrupted run swept away.
enum OutputAccess {
    static func hold(_ directory: String, wait: Bool, quiet: Bool = false) throws -> OutputLock {
        let lock = try OutputLock.acquire(directory: directory, wait: wait) { holder in
            Output.error("lock: waiting for the digest\(holder.map { " (pid \($0))" } ?? "") that is using \(directory)")
        }
        let swept = Leftovers.sweep(directory)
        if swept > 0, !quiet { Output.error("cleanup: removed \(swept) leftover\(swept == 1 ? "" : "s") of an interrupted run in \(directory)") }
        return lock
    }
}
