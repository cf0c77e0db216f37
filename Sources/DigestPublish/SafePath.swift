/// Relative output paths that cannot leave their root: no absolute paths, no "..", no empty
/// or hidden segments, no NUL or backslash.
public enum SafePath {
    /// Whether `relative` stays inside the folder it is joined to.
    public static func isSafe(_ relative: String) -> Bool {
        if relative.isEmpty || relative.hasPrefix("/") || relative.contains("\\") || relative.contains("\0") { return false }
        for seg in relative.split(separator: "/", omittingEmptySubsequences: false) {
            if seg.isEmpty || seg == "." || seg == ".." || seg.hasPrefix(".") { return false }
        }
        return true
    }
}
