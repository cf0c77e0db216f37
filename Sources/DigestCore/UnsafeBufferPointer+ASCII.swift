extension UnsafeBufferPointer where Element == UInt8 {
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
