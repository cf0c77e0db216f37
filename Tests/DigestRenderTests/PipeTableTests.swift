import DigestCore
import DigestRender
import Testing

/// Pipe tables padded by display width, over generated cells of Latin, CJK and mixed text.
struct PipeTableTests {
    static let words = ["a", "DeepSeek", "中国模型", "豆包", "27T tokens", "¥0.5 per M", "+31.48%", "—", "美国模型 3.03T", ""]

    @Test func columnsLineUpByDisplayWidth() {
        var rng = SplitMix(seed: 48)
        for _ in 0..<300 {
            let cols = Int(rng.next() % 4) + 2
            let rows = Int(rng.next() % 5) + 1
            func cell() -> String { Self.words[Int(rng.next() % UInt64(Self.words.count))] }
            var md = "Before\n\n| " + (0..<cols).map { _ in cell() }.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: cols) + "\n"
            for _ in 0..<rows { md += "| " + (0..<cols).map { _ in cell() }.joined(separator: " | ") + " |\n" }
            md += "\nAfter"
            let out = PipeTables.aligned(md).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(out.first == "Before" && out.last == "After")
            let table = out.filter { $0.hasPrefix("|") }
            #expect(table.count == rows + 2)
            let bars = Set(table.map { line -> [Int] in
                var w = 0
                var at: [Int] = []
                for u in line.unicodeScalars {
                    if u == "|" { at.append(w) }
                    w += DisplayWidth.of(u)
                }
                return at
            })
            #expect(bars.count == 1, "\(table)")
        }
    }

    @Test func aTableTooWideBecomesAList() {
        let long = String(repeating: "x", count: 90)
        let md = "| Subject | Value | Source |\n|---|---|---|\n| 中国模型 | 27T | \(long) |\n| US | - | \(long) |"
        #expect(PipeTables.aligned(md) == "- 中国模型 · Value: 27T · Source: \(long)\n- US · Source: \(long)")
    }

    @Test func cjkTakesTwoColumns() {
        #expect(DisplayWidth.of("中国模型") == 8 && DisplayWidth.of("27T") == 3 && DisplayWidth.of("，") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1, "a combining accent takes no column")
    }
}
