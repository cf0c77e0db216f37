extension String {
    /// The string without leading and trailing white space (Unicode White_Space, newlines
    /// included): Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` without the
    /// round trip through UTF-16, and without copying when there is nothing to trim.
    public func trimmingSpace() -> String {
        trimming(keptASCII: 33..<128, dropASCII: { $0 == 32 || ($0 >= 9 && $0 <= 13) }) { $0.properties.isWhitespace }
    }

    /// The string without leading and trailing white space, control characters (C0, DEL, C1) and
    /// format characters (Cf: zero-width space, BOM, direction marks).
    public func trimmingSpaceAndControls() -> String {
        trimming(keptASCII: 33..<127, dropASCII: { $0 < 33 || $0 == 127 }) { c in
            c.value < 33 || (c.value >= 0x7F && c.value < 0xA0) || c.properties.isWhitespace
                || c.properties.generalCategory == .format
        }
    }

    /// The string without the scalars `drop` names at either end; the string itself when both
    /// end bytes are ASCII in `keptASCII` (most strings: no scalar walk at all). `dropASCII` is
    /// `drop` on ASCII bytes, without a Unicode property look-up.
    private func trimming(keptASCII: Range<UInt8>, dropASCII: (UInt8) -> Bool, _ drop: (Unicode.Scalar) -> Bool) -> String {
        guard let head = utf8.first, let tail = utf8.last else { return self }
        if keptASCII.contains(head), keptASCII.contains(tail) { return self }
        // ASCII at both ends once the ASCII to drop is gone (indented feed text): bytes only.
        let ascii: Range<Int>? = withUTF8Bytes { u in
            var a = 0, b = u.count
            while a < b, u[a] < 0x80, dropASCII(u[a]) { a += 1 }
            while b > a, u[b - 1] < 0x80, dropASCII(u[b - 1]) { b -= 1 }
            return a == b || (u[a] < 0x80 && u[b - 1] < 0x80) ? a..<b : nil
        }
        if let r = ascii {
            if r.isEmpty { return "" }
            if r.count == utf8.count { return self }
            return String(self[utf8.index(startIndex, offsetBy: r.lowerBound)..<utf8.index(startIndex, offsetBy: r.upperBound)])
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !drop($0) })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}

extension String {
    /// The number of Unicode scalars, counted on the UTF-8 bytes: `unicodeScalars.count` without
    /// walking indices.
    public var scalarCount: Int {
        var s = self
        return s.withUTF8(String.scalarCount(of:))
    }

    /// Scalars in UTF-8 bytes: every byte that does not continue a sequence starts one.
    public static func scalarCount(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        for b in bytes { n &+= b & 0xC0 == 0x80 ? 0 : 1 }  // branch-free: the loop vectorises
        return n
    }
}
