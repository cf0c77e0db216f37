import DigestBytes
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
    static let containsBytes = contains.map { Array($0.utf8) }
    static let kr36 = Array("36氪获悉".utf8)

    static func isBoilerplate(_ s: String) -> Bool {
        var s = s
        // Every pattern is lower-case ASCII or Chinese: lower-casing ASCII letters is enough.
        return s.withUTF8 { $0.withASCIILowercased(isBoilerplate(lowercased:)) }
    }

    static func isBoilerplate(lowercased l: UnsafeBufferPointer<UInt8>) -> Bool {
        if prefixBytes.contains(where: { l.starts(with: $0) }) { return true }
        if containsBytes.contains(where: { ByteSearch.find($0, in: l) != nil }) { return true }
        let startsWithKr36 = l.starts(with: kr36), unspaced = !l.contains(32)
        guard startsWithKr36 || unspaced else { return false }
        let text = String(decoding: l, as: UTF8.self)
        if startsWithKr36, text.count < 12 { return true }  // "36氪获悉" with no information after it
        // Captions and credits without a verb-like length
        return unspaced && text.unicodeScalars.allSatisfy({ $0.value < 0x3000 }) && text.count < 12
    }
}
