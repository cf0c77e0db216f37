import DigestCore

/// Layouts without pipes (METRICS-GUIDE §9):
/// - price blocks, a line stating the unit over lines of bare amounts, cells glued or spaced
///   ("Price per 1M tokens" over "Input$0.30"; "Pricing (per 1M tokens):" over a header of sides
///   and "kimi-k2-thinking$0.15$0.60$2.50");
/// - label lines, a label with a token noun before a colon and a count ("Input tokens:  45,230").
enum PriceBlocks {
    static func read(_ t: ScalarText, text: TextLines, skipping: Set<Int>, scanner: NumberScanner, lexicon: Lexicon,
                     into result: inout TableReader.Result) {
        var unitLine: (meaning: ColumnMeaning, line: Int)?
        var sideHeader: [PriceSide] = []
        var blockHasMoney = false
        let lineMoney = moneyLines(t, text)
        for k in text.lines.indices where !skipping.contains(k) {
            if k == 0 || text.isBlank(t, k - 1) { blockHasMoney = (k..<text.lines.count).prefix { !text.isBlank(t, $0) }.contains { lineMoney[$0] } }
            let r = text.lines[k]
            if text.isBlank(t, k) {
                (unitLine, sideHeader) = (nil, [])
                continue
            }
            labelVolume(t, r, scanner: scanner, lexicon: lexicon, into: &result)
            // Headers, captions and rows of amounts are short lines in a block with money; prose
            // paragraphs are not read here.
            guard blockHasMoney, r.count <= 120 else {
                (unitLine, sideHeader) = (nil, [])
                continue
            }
            // A header or caption names a unit or sides; a row has money: other lines say nothing here.
            let hasCurrency = lineMoney[k]
            let mentions = hasCurrency ? scanner.scan(r) : []
            let amounts = mentions.compactMap { m -> (NumberMention, Money)? in
                guard !m.isPercent, !m.hasMagnitude else { return nil }
                return CurrencyRule.detect(MentionContext(text: t, mention: m, lexicon: lexicon)).map { (m, $0) }
            }
            let meaning = ColumnMeaning(t, r, lexicon: lexicon)
            if amounts.isEmpty {
                if meaning.isPrice { unitLine = (meaning, k) }
                if meaning.sides.count >= 2 { sideHeader = meaning.sides }
                continue
            }
            // A line of bare amounts under a unit line: no unit of its own, short, no sentence.
            guard let unit = unitLine?.meaning.unit, r.count <= 100,
                  amounts.allSatisfy({ PriceUnitGrammar.unit(in: t, at: $0.1.end, lexicon: lexicon) == nil && $0.1.factor > 0 }),
                  !meaning.isPrice else {
                if meaning.isPrice, amounts.isEmpty { unitLine = (meaning, k) }
                continue
            }
            let label = Cell.label(t, r.lowerBound..<amounts[0].1.start)
            let labelSide = ColumnMeaning.labelSide(t, r.lowerBound..<amounts[0].1.start, lexicon: lexicon)
            for (i, (m, money)) in amounts.enumerated() {
                let side = amounts.count == sideHeader.count ? sideHeader[i] : (labelSide ?? unit.side)
                result.metrics.append(TokenMetric(
                    text: t.slice(money.start, max(money.end, m.end)), quantity: .tokenPrice,
                    value: m.value * money.factor * unit.toPerMillion, unit: money.unit,
                    subject: amounts.count == 1 && labelSide != nil ? nil : label, side: side, offset: money.start,
                    rule: "price.block"))
                result.claimed.append(money.start..<max(money.end, m.end))
            }
        }
    }

    /// Which lines hold a currency sign or word, in one pass over the text.
    static func moneyLines(_ t: ScalarText, _ text: TextLines) -> [Bool] {
        var out = [Bool](repeating: false, count: text.lines.count)
        var line = 0
        t.folded.withUnsafeBufferPointer { f in
            for i in f.indices {
                switch f[i] {
                case "\n": line += 1
                case "$", "¥", "￥", "元", "块": out[line] = true
                case "u", "r", "c": if !out[line], ColumnMeaning.currency(t, i..<min(i + 3, f.count)) != nil { out[line] = true }
                default: break
                }
            }
        }
        return out
    }

    /// "Input tokens:  45,230", "输出 Token: 8,920": a count after a label that names tokens (not a
    /// capacity: context, limit, max).
    static func labelVolume(_ t: ScalarText, _ r: Range<Int>, scanner: NumberScanner, lexicon: Lexicon,
                            into result: inout TableReader.Result) {
        guard let colon = r.prefix(31).first(where: { t.folded[$0] == ":" }) else { return }
        let label = t.window(r.lowerBound, colon)
        guard Words.containsAny(label, lexicon.tokenNouns) || label.includes("token"),
              !Cell.capacityWords.contains(where: { label.includes($0) }) else { return }
        var k = colon + 1
        while k < r.upperBound, t.folded[k] == " " || t.folded[k] == "\t" { k += 1 }
        guard k < r.upperBound, t.isDigit(k), let m = scanner.scan(k..<r.upperBound).first, m.start == k, !m.isPercent
        else { return }
        let ctx = MentionContext(text: t, mention: m, lexicon: lexicon)
        guard CurrencyRule.detect(ctx) == nil else { return }
        result.metrics.append(TokenMetric(text: t.slice(r.lowerBound, m.end).trimmingCharacters(in: .whitespaces),
                                          quantity: .tokenVolume, value: m.value, unit: .tokens, offset: m.start,
                                          rule: "volume.label"))
        result.claimed.append(m.start..<m.end)
    }
}
