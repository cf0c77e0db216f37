import Foundation

/// Substring search on raw bytes (memchr for the first byte, then a compare), for scanning
/// documents before (or instead of) decoding them.
public enum ByteSearch {
    /// Offset of the first occurrence of `needle` in `hay`, if any.
    public static func find(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first, let base = hay.baseAddress, hay.count >= needle.count else { return nil }
        let last = hay.count - needle.count
        var i = 0
        while i <= last, let hit = memchr(base + i, Int32(first), last - i + 1) {
            let at = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
            if needle.withUnsafeBufferPointer({ memcmp(base + at, $0.baseAddress!, needle.count) == 0 }) { return at }
            i = at + 1
        }
        return nil
    }

    /// Whether any of `needles` occurs in `data`.
    public static func containsAny(_ needles: [[UInt8]], in data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            let hay = raw.bindMemory(to: UInt8.self)
            return needles.contains { find($0, in: hay) != nil }
        }
    }
}
