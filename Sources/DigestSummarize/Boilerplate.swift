import DigestCore

/// Sentences that carry no news: bylines, captions, calls to action, credits.
enum Boilerplate {
    static let prefixes = [
        "by ", "published:", "updated:", "last updated", "scroll down", "click here", "read more", "follow us", "photo:",
        "image:", "credit:", "getty images", "(cnn)", "copyright", "sign up", "subscribe", "share this", "watch:",
        "本文来自", "原标题", "编辑：", "编辑:", "责任编辑", "来源：", "来源:", "图片来源", "图源", "文｜", "文|", "作者：", "作者|",
        "作者｜", "记者", "题图", "封面来源", "声明：", "点击", "关注", "扫码",
    ]
    static let contains = ["scroll down for video", "for confidential support", "click here to", "all rights reserved",
                           "第三方", "版权所有", "转载请", "免责声明"]

    static func isBoilerplate(_ s: String) -> Bool {
        let l = s.lowercased()  // sentences arrive trimmed
        if prefixes.contains(where: { l.hasPrefix($0) }) { return true }
        if l.countIncluded(contains) > 0 { return true }
        // "36氪获悉" alone (no information after it)
        if l.hasPrefix("36氪获悉"), l.count < 12 { return true }
        // Captions and credits without a verb-like length
        if l.count < 12, !l.unicodeScalars.contains(" ") && l.unicodeScalars.allSatisfy({ $0.value < 0x3000 }) { return true }
        return false
    }
}
