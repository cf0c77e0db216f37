import DigestBytes
import DigestCore

/// Sentences that carry no news: bylines, captions, calls to action, credits.
enum Boilerplate {
    static let prefixes = [
        "by ", "published:", "updated:", "last updated", "scroll down", "click here", "read more", "follow us", "photo:",
        "image:", "credit:", "getty images", "copyright", "sign up", "subscribe", "share this", "watch:",
        "本文来自", "原标题", "编辑：", "编辑:", "责任编辑", "来源：", "来源:", "图片来源", "图源", "文｜", "文|", "作者：", "作者|",
        "作者｜", "记者", "题图", "封面来源", "声明：", "点击", "关注", "扫码", "submitted by", "share on", "shared by",
        "posted by", "分享到", "图片由", "视频来源",
    ]
    static let contains = ["scroll down for video", "submitted by /u/", " submitted by ", "[link] [comments]", "for confidential support", "click here to", "all rights reserved",
                           "第三方", "版权所有", "转载请", "免责声明",
                           // photo captions run into the text ("Tom Ryan (pictured) lost a leg …")
                           "(pictured", "(left)", "(right)", "(above)", "(below)", "(centre)", "(center)"]

    /// Whether a sentence is a byline, caption, call to action or credit: the rule, plainly.
    /// `isBoilerplate(_:)` (Boilerplate+FastPath.swift) gives the same from the bytes.
    static func plainIsBoilerplate(_ s: String) -> Bool {
        let l = s.lowercased()
        if prefixes.contains(where: { l.hasPrefix($0) }) { return true }
        if contains.contains(where: { l.includes($0) }) { return true }
        let startsWithKr36 = l.hasPrefix("36氪获悉"), unspaced = !l.contains(" ")
        guard startsWithKr36 || unspaced else { return false }
        if startsWithKr36, l.count < 12 { return true }  // "36氪获悉" with no information after it
        // Captions and credits without a verb-like length
        return unspaced && l.unicodeScalars.allSatisfy({ $0.value < 0x3000 }) && l.count < 12
    }
}
