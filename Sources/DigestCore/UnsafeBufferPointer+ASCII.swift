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
