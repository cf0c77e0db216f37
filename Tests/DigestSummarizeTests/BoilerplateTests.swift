import DigestCore
@testable import DigestSummarize
import Testing

/// Boilerplate read from the bytes is the plain rule's boilerplate.
struct BoilerplateTests {
    @Test func byteMatchingEqualsThePlainRule() {
        var rng = SplitMix(seed: 21)
        let parts = ["By ", "by ", "Photo:", "Getty Images", "Subscribe", "READ MORE", "Click here to", "all rights reserved",
                     "本文来自", "编辑：", "36氪获悉", "36氪获悉，", "转载请", "(pictured", "(Left)", "Tokens", "tokens ", "price",
                     "中国模型", "周调用量", " ", "  ", "É", "é", "Ä", "x", "2026", "，", "。", "Reuters", "\u{3000}", "ü"]
        for _ in 0..<20_000 {
            var s = ""
            for _ in 0..<Int(rng.next() % 6) { s += parts[Int(rng.next() % UInt64(parts.count))] }
            #expect(Boilerplate.isBoilerplate(s) == Boilerplate.plainIsBoilerplate(s), "\(s.debugDescription)")
        }
    }
}
