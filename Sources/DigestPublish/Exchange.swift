import CSystem

/// Atomic exchange of two paths (Linux `renameat2` with `RENAME_EXCHANGE`).
enum Exchange {
    static func swap(_ a: String, _ b: String) -> Bool {
        csystem_exchange(a, b) == 0
    }
}
