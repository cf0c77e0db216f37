import DigestCore

/// Tables read as rows × headers (METRICS-GUIDE §9): a number in a cell takes the unit, currency
/// and side its column header states ("Input $/M", "输入价格（元/M Tokens）"), or the table's
/// caption ("价格单位:$/百万 tokens"), and its row label is its subject. Markdown and ASCII pipe
/// tables here; glued and label layouts in `PriceBlocks`.
enum TableReader {
    /// Metrics found in layouts, and the number spans they took (the sentence rules skip those).
    struct Result {
        var metrics: [TokenMetric] = []
        var claimed: [Range<Int>] = []
    }

    static func read(_ t: ScalarText, scanner: NumberScanner, lexicon: Lexicon) -> Result {
        var result = Result()
        guard t.folded.contains("|") || t.folded.contains("$") || t.folded.contains("元") || t.folded.contains(":") else { return result }
        let text = TextLines(t)
        var inTable = Set<Int>()
        var k = 0
        while k < text.lines.count {
            var end = k
            while end < text.lines.count, pipes(t, text.lines[end]) >= 2 { end += 1 }
            if end - k >= 2 {
                readPipeTable(t, rows: Array(k..<end), text: text, scanner: scanner, lexicon: lexicon, into: &result)
                inTable.formUnion(k..<end)
                k = end
            } else {
                k += 1
            }
        }
        PriceBlocks.read(t, text: text, skipping: inTable, scanner: scanner, lexicon: lexicon, into: &result)
        return result
    }

    static func pipes(_ t: ScalarText, _ r: Range<Int>) -> Int { r.reduce(0) { $0 + (t.folded[$1] == "|" ? 1 : 0) } }

    /// The cells of a row: ranges between pipes, without the empty ones a leading or trailing pipe makes.
    static func cells(_ t: ScalarText, _ r: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = r.lowerBound
        for i in r where t.folded[i] == "|" {
            out.append(start..<i)
            start = i + 1
        }
        out.append(start..<r.upperBound)
        if let f = out.first, isEmpty(t, f) { out.removeFirst() }
        if let l = out.last, isEmpty(t, l) { out.removeLast() }
        return out
    }

    static func isEmpty(_ t: ScalarText, _ r: Range<Int>) -> Bool { r.allSatisfy { t.folded[$0] == " " || t.folded[$0] == "\t" } }

    /// "|---|:---:|": a row of dashes and colons.
    static func isSeparator(_ t: ScalarText, _ cells: [Range<Int>]) -> Bool {
        cells.allSatisfy { c in c.allSatisfy { t.folded[$0] == "-" || t.folded[$0] == ":" || t.folded[$0] == " " } }
    }

    static func readPipeTable(_ t: ScalarText, rows: [Int], text: TextLines, scanner: NumberScanner, lexicon: Lexicon,
                              into result: inout Result) {
        let header = cells(t, text.lines[rows[0]])
        let meanings = header.map { ColumnMeaning(t, $0, lexicon: lexicon) }
        let captionLines = text.linesAbove(t, rows[0], limit: 3)
        let caption = captionLines.reduce(ColumnMeaning()) { acc, k in acc.isPrice ? acc : ColumnMeaning(t, text.lines[k], lexicon: lexicon) }
        let tableUnit = meanings.first(where: \.isPrice)?.unit ?? caption.unit
        let tableCurrency = meanings.compactMap(\.currency).first ?? caption.currency
        let priceSides = meanings.filter(\.isPrice).map { $0.sides.first } + caption.sides.map { Optional($0) }
        for k in rows.dropFirst() {
            let row = cells(t, text.lines[k])
            guard !isSeparator(t, row), row.count >= 2 else { continue }
            let label = Cell.label(t, row[0])
            var moneyIndex = 0
            for (c, cell) in row.enumerated() where c > 0 {
                let column = c < meanings.count ? meanings[c] : ColumnMeaning()
                // A column of capacities or allowances ("免费额度", "Context", "Max Output"): no metric.
                if c < header.count, !column.isPrice, Cell.isCapacity(t, header[c]) {
                    result.claimed.append(cell)
                    continue
                }
                let mentions = scanner.scan(cell).filter { $0.end <= cell.upperBound }
                let pure = Cell.isPureNumber(t, cell)
                for m in mentions where !m.isPercent {
                    let ctx = MentionContext(text: t, mention: m, lexicon: lexicon)
                    let money = CurrencyRule.detect(ctx)
                    if money?.factor == 0 { continue }
                    let unit: PriceUnit?
                    var side: PriceSide?
                    if column.isPrice, let u = column.unit, money?.unit ?? column.currency ?? tableCurrency != nil {
                        unit = u
                        side = column.sides.first ?? u.side
                    } else if money != nil, let u = tableUnit, !m.hasMagnitude {
                        unit = u
                        side = moneyIndex < priceSides.count ? priceSides[moneyIndex] : nil
                    } else {
                        continue
                    }
                    if money != nil { moneyIndex += 1 }
                    guard let unit, let currency = money?.unit ?? column.currency ?? tableCurrency else { continue }
                    let start = money?.start ?? m.start, end = max(money?.end ?? m.end, m.end)
                    result.metrics.append(TokenMetric(
                        text: t.slice(start, end), quantity: .tokenPrice, value: m.value * (money?.factor ?? 1) * unit.toPerMillion,
                        unit: currency, subject: label, side: ColumnMeaning.labelSide(t, row[0], lexicon: lexicon) ?? side,
                        offset: start, rule: "price.table"))
                    result.claimed.append(start..<end)
                }
                if pure { result.claimed.append(cell) }
            }
        }
    }
}

/// Cells of a table.
enum Cell {
    /// A row label as a subject: its text without Markdown emphasis, nil when it has no letter.
    static func label(_ t: ScalarText, _ r: Range<Int>) -> String? {
        let s = t.slice(r.lowerBound, r.upperBound).replacingOccurrences(of: "**", with: "")
            .trimmingCharacters(in: .whitespaces)
        return s.unicodeScalars.contains { $0.properties.isAlphabetic } ? s : nil
    }

    static let capacityWords = ["context", "上下文", "max", "limit", "上限", "window", "窗口", "免费", "额度", "quota", "free",
                                "tpm", "rpm", "per minute", "throughput", "tok/s"]

    /// Whether a header names a capacity or an allowance, not usage or price.
    static func isCapacity(_ t: ScalarText, _ r: Range<Int>) -> Bool {
        let h = t.window(r.lowerBound, r.upperBound)
        return capacityWords.contains { h.includes($0) }
    }

    /// Whether a cell holds a number and nothing else of note ("$0.28", "131K", "200-1000", "9").
    static func isPureNumber(_ t: ScalarText, _ r: Range<Int>) -> Bool {
        var digits = 0, other = 0
        for i in r {
            let c = t.folded[i]
            if t.isDigit(i) { digits += 1 } else if !(c == " " || c == "$" || c == "¥" || c == "," || c == "." || c == "-"
                || c == "~" || c == "%" || c == "k" || c == "m" || c == "b" || c == "t" || c == "x" || c == "元") { other += 1 }
        }
        return digits > 0 && other == 0
    }
}
