import DigestCore

/// Markdown pipe tables made to read as plain text (the email's text part is the Markdown digest):
/// every cell padded to its column's display width (a CJK character takes two columns) so the `|`
/// separators line up in a monospaced mail client; a table wider than `maxWidth` columns becomes
/// a list, one row a line, instead of rows the client would wrap.
public enum PipeTables {
    /// Columns a table may take before it is written as a list.
    public static let maxWidth = 100

    /// `markdown` with each pipe table aligned (or listed); other lines unchanged.
    public static func aligned(_ markdown: String) -> String {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        var i = 0
        while i < lines.count {
            var j = i
            while j < lines.count, lines[j].trimmingCharacters(in: .whitespaces).hasPrefix("|") { j += 1 }
            if j - i >= 2, isSeparator(lines[i + 1]) {
                out += table(Array(lines[i..<j]))
                i = j
            } else {
                out.append(lines[i])
                i += 1
            }
        }
        return out.joined(separator: "\n")
    }

    /// The cells of one row (outer pipes dropped, `\|` kept inside a cell).
    static func cells(_ line: String) -> [String] {
        var s = Substring(line.trimmingCharacters(in: .whitespaces))
        if s.hasPrefix("|") { s = s.dropFirst() }
        if s.hasSuffix("|") && !s.hasSuffix("\\|") { s = s.dropLast() }
        var cells: [String] = []
        var cell = ""
        var escaped = false
        for ch in s {
            if ch == "|" && !escaped {
                cells.append(cell.trimmingCharacters(in: .whitespaces))
                cell = ""
            } else {
                cell.append(ch)
            }
            escaped = ch == "\\"
        }
        cells.append(cell.trimmingCharacters(in: .whitespaces))
        return cells
    }

    static func isSeparator(_ line: String) -> Bool {
        let c = cells(line)
        return !c.isEmpty && c.allSatisfy { !$0.isEmpty && $0.allSatisfy { "-:".contains($0) } }
    }

    static func table(_ lines: [String]) -> [String] {
        let header = cells(lines[0])
        let rows = lines.dropFirst(2).map(cells)
        let n = ([header] + rows).map(\.count).max() ?? 0
        func cell(_ r: [String], _ c: Int) -> String { c < r.count ? r[c] : "" }
        let widths = (0..<n).map { c in max(3, ([header] + rows).map { DisplayWidth.of(cell($0, c)) }.max() ?? 0) }
        let total = widths.reduce(0, +) + 3 * n + 1
        guard total <= maxWidth else {
            // One line a row: the first cell, then "header: value" for the others that say something.
            return rows.map { r in
                let rest = (1..<n).compactMap { c -> String? in
                    let v = cell(r, c)
                    guard !v.isEmpty, v != "-", v != "—" else { return nil }
                    let h = cell(header, c)
                    return h.isEmpty ? v : "\(h): \(v)"
                }
                return "- " + ([cell(r, 0)].filter { !$0.isEmpty } + rest).joined(separator: " · ")
            }
        }
        func line(_ r: [String]) -> String {
            "| " + (0..<n).map { DisplayWidth.padded(cell(r, $0), to: widths[$0]) }.joined(separator: " | ") + " |"
        }
        return [line(header), "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|"] + rows.map(line)
    }
}
