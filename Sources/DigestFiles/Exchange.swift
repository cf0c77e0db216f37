import CSystem

/// Atomic exchange of two paths (Linux `renameat2` with `RENAME_EXCHANGE`).
public enum Exchange {
    /// Swaps what `a` and `b` name in one step; false (errno set) when the system cannot.
    public static func swap(_ a: String, _ b: String) -> Bool {
        csystem_exchange(a, b) == 0
    }
}
