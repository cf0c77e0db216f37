import Foundation

extension String {
    // Public: rules and card building test many short substrings; Foundation's contains(_:) is slow on Linux.

    /// Whether `needle` occurs in the string, compared by Unicode scalars (no Foundation, no
    /// locale: several times faster than `contains(_:)` on Linux for the short texts of rules).
    public func includes(_ needle: String) -> Bool {
        // UTF-8 is self-synchronising, so a byte match is a scalar match.
        withUTF8Bytes { h in
            needle.withUTF8Bytes { n in
                guard let first = n.first, h.count >= n.count else { return n.isEmpty }
                // memchr finds candidate first bytes (vectorised in libc), memcmp checks the rest.
                let base = h.baseAddress!, end = base + (h.count - n.count + 1)
                var p = base
                while p < end, let hit = memchr(p, Int32(first), end - p) {
                    let q = hit.assumingMemoryBound(to: UInt8.self)
                    if n.count == 1 || memcmp(q + 1, n.baseAddress! + 1, n.count - 1) == 0 { return true }
                    p = UnsafePointer(q) + 1
                }
                return false
            }
        }
    }

    /// Calls `body` with the string's UTF-8 bytes where they are (native strings are
    /// contiguous), without the copy of the string `withUTF8` needs (it is mutating): no
    /// reference counting on the hot paths that read bytes.
    @inlinable @inline(__always)
    public func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let r = try utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = self
        return try copy.withUTF8(body)
    }

    /// Scalar offset just past the first occurrence of `needle`, if any.
    public func scalarEnd(of needle: String) -> Int? {
        scalarOffset(of: needle).map { $0 + needle.unicodeScalars.count }
    }

    /// Scalar offset of the first occurrence of `needle`, if any.
    public func scalarOffset(of needle: String) -> Int? {
        let h = Array(unicodeScalars), n = Array(needle.unicodeScalars)
        guard let first = n.first, h.count >= n.count else { return nil }
        outer: for i in 0...(h.count - n.count) where h[i] == first {
            for k in 1..<n.count where h[i + k] != n[k] { continue outer }
            return i
        }
        return nil
    }

    /// How many of `needles` occur in the string (one conversion of the string for all of them).
    public func countIncluded(_ needles: [String]) -> Int {
        needles.reduce(0) { $0 + (includes($1) ? 1 : 0) }
    }
}
