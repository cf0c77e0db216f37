/// FNV-1a 64-bit over UTF-8: the same text gives the same id on every machine and run.
public enum StableHash {
    /// The 64-bit hash.
    public static func value(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    /// 16 lower-case hex digits.
    public static func hex(_ s: String) -> String {
        let hex = String(value(s), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
