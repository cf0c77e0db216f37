import DigestCore

/// Sentences that carry no news: bylines, captions, calls to action, credits.
enum Boilerplate {
    static let prefixes = [
        "by ", "published:", "updated:", "last updated", "scroll down", "click here", "read more", "follow us", "photo:",
        "image:", "credit:", "getty images", "copyright", "sign up", "subscribe", "share this", "watch:",
        "本文来自", "原标题", "编辑：", "编辑:", "责任编辑", "来源：", "来源:", "图片来源", "图源", "文｜", "文|", "作者：", "作者|",
        "作者｜", "记者", "题图", "封面来源", "声明：", "点击", "关注", "扫码",
    ]
    static let contains = ["scroll down for video", "for confidential support", "click here to", "all rights reserved",
                           "第三方", "版权所有", "转载请", "免责声明",
                           // photo captions run into the text ("Tom Ryan (pictured) lost a leg …")
                           "(pictured", "(left)", "(right)", "(above)", "(below)", "(centre)", "(center)"]

    static let prefixBytes = prefixes.map { Array($0.utf8) }
    static let kr36 = Array("36氪获悉".utf8)

    static func isBoilerplate(_ s: String) -> Bool {
        // Every pattern is lower-case ASCII or Chinese: lower-casing ASCII letters is enough.
        let l = s.utf8.contains(where: { $0 >= 65 && $0 <= 90 })
            ? String(decoding: s.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self) : s
        if prefixBytes.contains(where: { l.utf8.starts(with: $0) }) { return true }
        if l.countIncluded(contains) > 0 { return true }
        // "36氪获悉" alone (no information after it)
        if l.utf8.starts(with: kr36), l.count < 12 { return true }
        // Captions and credits without a verb-like length
        if !l.utf8.contains(32), l.unicodeScalars.allSatisfy({ $0.value < 0x3000 }), l.count < 12 { return true }
        return false
    }
}
