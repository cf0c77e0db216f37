extension String {
    /// The string without leading and trailing white space (Unicode White_Space, newlines
    /// included): Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` without the
    /// round trip through UTF-16, and without copying when there is nothing to trim.
    public func trimmingSpace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}
