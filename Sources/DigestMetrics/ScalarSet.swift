/// A set of Unicode scalars with an O(1) test for the Basic Multilingual Plane, for scans
/// that look at every scalar of a text.
struct ScalarSet: Sendable {
    private var bmp = [Bool](repeating: false, count: 0x10000)
    private var others = Set<UInt32>()

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for s in scalars {
            if s.value < 0x10000 { bmp[Int(s.value)] = true } else { others.insert(s.value) }
        }
    }

    func contains(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x10000 ? bmp[Int(s.value)] : others.contains(s.value)
    }
}

/// Lists of values by first scalar, with an O(1), allocation-free lookup for the Basic
/// Multilingual Plane: `range(for:)` gives indices into `values`.
struct ScalarIndex<Value>: @unchecked Sendable {
    // @unchecked Sendable: built once in init and never mutated; Value is a value type here.
    /// Every value, grouped by first scalar.
    let values: [Value]
    private let bmpStart: [UInt32]
    private let bmpCount: [UInt16]
    private let others: [UInt32: Range<Int>]

    init(_ input: [Value], key: (Value) -> Unicode.Scalar) {
        let grouped = Dictionary(grouping: input.indices) { key(input[$0]).value }
        var values: [Value] = []
        var start = [UInt32](repeating: 0, count: 0x10000), count = [UInt16](repeating: 0, count: 0x10000)
        var others: [UInt32: Range<Int>] = [:]
        for k in grouped.keys.sorted() {
            let idx = grouped[k]!.sorted()
            let range = values.count..<(values.count + idx.count)
            values += idx.map { input[$0] }
            if k < 0x10000 {
                start[Int(k)] = UInt32(range.lowerBound)
                count[Int(k)] = UInt16(range.count)
            } else {
                others[k] = range
            }
        }
        self.values = values
        bmpStart = start
        bmpCount = count
        self.others = others
    }

    /// Indices into `values` of the entries starting with `s` (empty when none).
    @inline(__always)
    func range(for s: Unicode.Scalar) -> Range<Int> {
        if s.value < 0x10000 {
            let i = Int(s.value)
            let a = Int(bmpStart[i])
            return a..<(a + Int(bmpCount[i]))
        }
        return others[s.value] ?? 0..<0
    }
}
