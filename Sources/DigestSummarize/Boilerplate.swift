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
        return s.withUTF8 { raw in
            // Every pattern is lower-case ASCII or Chinese: lower-casing ASCII letters is enough,
            // done into a buffer on the stack (no String per sentence).
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: raw.count) { buf in
                for i in 0..<raw.count { buf[i] = raw[i] >= 65 && raw[i] <= 90 ? raw[i] + 32 : raw[i] }
                let l = UnsafeBufferPointer(buf)
                if prefixBytes.contains(where: { l.starts(with: $0) }) { return true }
                if containsBytes.contains(where: { ByteSearch.find($0, in: l) != nil }) { return true }
                // "36氪获悉" alone (no information after it)
                if l.starts(with: kr36), String(decoding: l, as: UTF8.self).count < 12 { return true }
                // Captions and credits without a verb-like length
                if !l.contains(32), String(decoding: l, as: UTF8.self).unicodeScalars.allSatisfy({ $0.value < 0x3000 }),
                   String(decoding: l, as: UTF8.self).count < 12 { return true }
                return false
            }
        }
    }
}
