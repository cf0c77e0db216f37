import CSystem
import Foundation

/// Substring search on raw bytes (glibc's memmem), for scanning documents before (or instead
/// of) decoding them.
public enum ByteSearch {
    /// Offset of the first occurrence of `needle` in `hay`, if any.
    public static func find(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !needle.isEmpty, let base = hay.baseAddress, hay.count >= needle.count else { return nil }
        let hit = needle.withUnsafeBufferPointer { n in csystem_memmem(base, hay.count, n.baseAddress!, n.count) }
        return hit.map { $0.assumingMemoryBound(to: UInt8.self) - base }
    }

    /// Whether any of `needles` occurs in `data`.
    public static func containsAny(_ needles: [[UInt8]], in data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            let hay = raw.bindMemory(to: UInt8.self)
            return needles.contains { find($0, in: hay) != nil }
        }
    }
}
