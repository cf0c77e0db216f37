extension String {
    /// The string without leading and trailing white space (Unicode White_Space, newlines
    /// included): Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` without the
    /// round trip through UTF-16, and without copying when there is nothing to trim.
    public func trimmingSpace() -> String {
        let bytes = utf8
        guard let head = bytes.first, let tail = bytes.last else { return self }
        // Most strings start and end with a printable ASCII byte: nothing to trim, no scalar walk.
        if head > 32, head < 128, tail > 32, tail < 128 { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}

extension String {
    /// The string without leading and trailing white space, control characters (C0, DEL, C1) and
    /// format characters (Cf: zero-width space, BOM, direction marks).
    public func trimmingSpaceAndControls() -> String {
        func drop(_ c: Unicode.Scalar) -> Bool { c.value < 33 || (c.value >= 0x7F && c.value < 0xA0) || c.properties.isWhitespace
            || c.properties.generalCategory == .format }
        let bytes = utf8
        guard let head = bytes.first, let tail = bytes.last else { return self }
        if head > 32, head < 127, tail > 32, tail < 127 { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !drop($0) })!
        return String(scalars[first...last])
    }
}

extension String {
    /// The number of Unicode scalars, counted on the UTF-8 bytes (every byte that does not
    /// continue a sequence starts a scalar): `unicodeScalars.count` without walking indices.
    public var scalarCount: Int {
        var s = self
        return s.withUTF8 { bytes in
            var n = 0
            for b in bytes { n &+= b & 0xC0 == 0x80 ? 0 : 1 }  // branch-free: the loop vectorises
            return n
        }
    }
}
