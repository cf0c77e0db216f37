/// The legacy encoding of bytes that declare none and are not UTF-8, as browsers and feedparser
/// guess it: GB18030 when the high bytes pair up as GB2312 double bytes (both ≥ 0xA1, Chinese
/// text), else windows-1252 (Western text: high bytes alone between ASCII letters).
public enum LegacyGuess {
    /// "GB18030" or "windows-1252".
    public static func encoding(of bytes: [UInt8]) -> String {
        var pairs = 0, lone = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            if b >= 0xA1, b <= 0xFE, i + 1 < bytes.count, bytes[i + 1] >= 0xA1, bytes[i + 1] <= 0xFE {
                pairs += 1
                i += 2
            } else {
                lone += 1
                i += 1
            }
        }
        return pairs >= 2 && lone * 4 <= pairs ? "GB18030" : "windows-1252"
    }
}
