/// Traditional Chinese read as Simplified, character by character, for matching words: every
/// word list of the project is written once, in Simplified characters. The table covers the
/// characters of the words the lexicons use (price, token, usage, growth, share, company and
/// common function words), not all of Traditional Chinese.
public enum Simplified {
    /// Pairs of a Traditional character and its Simplified form.
    public static let pairs = "價价調调輸输費费萬万億亿詞词據据數数場场額额佔占達达錢钱幣币週周與与為为較较長长漲涨減减飆飙躍跃個个於于從从這这區区國国雲云廠厂應应營营戶户開开發发處处單单僅仅計计總总積积務务實实現现當当時时間间後后們们產产業业線线標标題题說说報报導导紀纪錄录寫写讀读緩缓優优訂订閱阅贈赠兌兑換换幾几連连續续獨独歲岁張张對对話话請请義义問问騰腾訊讯節节動动軟软爾尔內内頭头陸陆譜谱衝冲擊击覺觉歷历氣气點点雙双綜综臺台灣湾圓圆鏈链顯显觀观權权車车電电腦脑網网絡络誌志體体驗验測测試试準准確确紅红熱热門门專专團团隊队項项選选擇择錯错約约規规範范圍围類类別别種种預预兩两階阶層层級级隨随著着過过還还進进邊边運运覽览號号碼码傳传遞递擴扩縮缩彈弹態态樣样離离難难頻频龍龙蝦虾擬拟憑凭證证結结構构織织聲声稱称強强屆届將将會会員员輪轮勢势競竞爭争鬥斗簡简潔洁倉仓儲储庫库嗎吗麼么腳脚寬宽廣广島岛歐欧亞亚資资評评論论壓压鍵键銷销購购貨货舊旧鬆松緊紧聯联齊齐佈布貳贰參参趨趋"

    /// Simplified form by Traditional character over the CJK block (0: unchanged).
    public static let table: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 0xA000 - 0x4E00)
        let s = Array(pairs.unicodeScalars)
        for i in stride(from: 0, to: s.count - 1, by: 2) where (0x4E00..<0xA000).contains(s[i].value) {
            table[Int(s[i].value - 0x4E00)] = s[i + 1].value
        }
        return table
    }()

    /// The Simplified form of a character (itself when the table has none).
    @inline(__always)
    public static func character(_ s: Unicode.Scalar, table: [UInt32] = Simplified.table) -> Unicode.Scalar {
        let v = s.value
        guard v >= 0x4E00, v < 0xA000 else { return s }
        let simple = table[Int(v - 0x4E00)]
        return simple == 0 ? s : Unicode.Scalar(simple)!
    }

    /// The text with Traditional characters in their Simplified forms.
    public static func fold(_ text: String) -> String {
        let t = table
        return String(String.UnicodeScalarView(text.unicodeScalars.map { character($0, table: t) }))
    }
}

extension Simplified {
    /// Whether a scalar is a CJK ideograph (the unified block and extension A).
    public static func isCJK(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
    }
}
