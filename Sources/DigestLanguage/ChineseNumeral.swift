/// Chinese numerals: 三 3, 十 10, 二十五 25, 两百 200, 三千万 3e7, 一亿 1e8.
public enum ChineseNumeral {
    /// Digits: 一 1 … 九 9, 两 2, 零 0.
    public static let digits: [Unicode.Scalar: Double] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    /// 十 10, 百 100, 千 1000.
    public static let units: [Unicode.Scalar: Double] = ["十": 10, "百": 100, "千": 1000]
    /// 万 10⁴, 亿 10⁸ (and their traditional forms).
    public static let bigUnits: [Unicode.Scalar: Double] = ["万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8]

    /// True for a numeral character (digit, 十百千 or 万亿).
    public static func isNumeral(_ s: Unicode.Scalar) -> Bool {
        digits[s] != nil || units[s] != nil || bigUnits[s] != nil
    }

    /// The value of a run of numerals, nil when it is not a well-formed number.
    public static func value(_ chars: [Unicode.Scalar]) -> Double? {
        guard chars.contains(where: { digits[$0] != nil || $0 == "十" }) else { return nil }
        var total = 0.0, section = 0.0, digit: Double?
        var lastWasBig = false
        for c in chars {
            defer { lastWasBig = bigUnits[c] != nil }
            if let d = digits[c] {
                if digit != nil { return nil }
                digit = d
            } else if let u = units[c] {
                section += (digit ?? 1) * u
                digit = nil
            } else if let b = bigUnits[c] {
                if lastWasBig {
                    total *= b  // 万亿 = 1e12
                    continue
                }
                section += digit ?? 0
                if section == 0 { section = 1 }
                total = (total + section) * b
                section = 0
                digit = nil
            }
        }
        return total + section + (digit ?? 0)
    }
}
