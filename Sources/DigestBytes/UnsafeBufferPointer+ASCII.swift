extension UnsafeBufferPointer where Element == UInt8 {
    /// Offset of the first byte at or above 0x80 from `start` on (eight ASCII bytes skipped at a
    /// time), or nil when the rest is ASCII.
    public func firstNonASCII(from start: Int = 0) -> Int? {
        var i = start
        while i + 8 <= count, UnsafeRawPointer(baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            i += 8
        }
        while i < count, self[i] < 0x80 { i += 1 }
        return i < count ? i : nil
    }

    /// Calls `body` with a copy of these bytes whose ASCII letters are lower-cased, in a buffer
    /// on the stack when short: word lists of ASCII (or uncased Chinese) words are matched
    /// against it without making a String.
    public func withASCIILowercased<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buf in
            for i in 0..<count {
                let b = self[i]
                buf[i] = b >= 65 && b <= 90 ? b + 32 : b
            }
            return body(UnsafeBufferPointer(buf))
        }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Offset of the first of any of four bytes (repeat one to look for fewer) from `start` on,
    /// eight bytes tested at a time; nil when none occurs.
    @inlinable
    public func firstIndex(ofAny b: (UInt8, UInt8, UInt8, UInt8), from start: Int = 0) -> Int? {
        var i = start
        while i + 8 <= count {
            let w = UnsafeRawPointer(baseAddress! + i).loadUnaligned(as: UInt64.self)
            if SWAR.hasByte(w, b.0) || SWAR.hasByte(w, b.1) || SWAR.hasByte(w, b.2) || SWAR.hasByte(w, b.3) { break }
            i += 8
        }
        while i < count {
            let c = self[i]
            if c == b.0 || c == b.1 || c == b.2 || c == b.3 { return i }
            i += 1
        }
        return nil
    }
}

/// Tests on eight bytes at once.
public enum SWAR {
    /// Whether any of the eight bytes of `w` is `b` (exact: the "has a zero byte" arithmetic).
    @inlinable @inline(__always)
    public static func hasByte(_ w: UInt64, _ b: UInt8) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let x = w ^ (ones &* UInt64(b))
        return (x &- ones) & ~x & highs != 0
    }
}
