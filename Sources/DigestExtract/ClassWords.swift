/// The words of class and id values that say what a block is, as bytes for `memmem`.
enum ClassWords {
    static let positive = ContentScorer.positive.map { Array($0.utf8) }
    static let negative = ContentScorer.negative.map { Array($0.utf8) }

    /// Calls `body` with the value's ASCII letters lower-cased (the words are ASCII, or Chinese
    /// with no case), in a stack buffer when short.
    static func lowercased<R>(_ v: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: v.count) { buf in
            for i in 0..<v.count {
                let b = v[i]
                buf[i] = b >= 65 && b <= 90 ? b + 32 : b
            }
            return body(UnsafeBufferPointer(buf))
        }
    }
}
