import DigestCore
import DigestMarkup
import DigestMetrics
import DigestParse
import DigestSummarize
import DigestTestSupport
import Foundation
import Testing

/// Every number a card's "What changed" prints is an extracted metric's value, or the line is
/// marked derived and its inputs are extracted values.
struct CardNumberTests {
    /// Numbers written in a line: "27T" → 2.7e13, "+18.9%" → 18.9, "$0.15" → 0.15, "#1" → 1.
    static func numbers(in line: String) -> [Double] {
        var out: [Double] = []
        let scalars = Array(line.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard CharacterSet.decimalDigits.contains(scalars[i]), scalars[i].isASCII else { i += 1; continue }
            var j = i
            while j < scalars.count, scalars[j].isASCII, CharacterSet.decimalDigits.contains(scalars[j]) || scalars[j] == "." { j += 1 }
            var v = Double(String(String.UnicodeScalarView(scalars[i..<j]))) ?? 0
            if j < scalars.count {
                switch scalars[j] {
                case "T": v *= 1e12
                case "B": v *= 1e9
                case "M" where j + 1 < scalars.count && scalars[j + 1] == " " && !(j + 2 < scalars.count && scalars[j + 2] == "t"): v *= 1e6
                case "K": v *= 1e3
                default: break
                }
            }
            out.append(v)
            i = j
        }
        return out
    }

    static func sampleTexts() throws -> [String] {
        var texts: [String] = []
        for name in ["36kr.xml", "36kr-newsflash.xml", "ai-weekly.atom", "ai-observer.json", "tech-wire.xml"] {
            let data = try Data(contentsOf: TestPaths.root.appendingPathComponent("Samples/feeds/\(name)"))
            texts += try FeedParser.parse(data, source: name).items.map(\.text)
        }
        for name in ["openrouter-week48.html", "gemini-flash-price.html", "cloud-token-prices.html"] {
            let html = try String(contentsOf: TestPaths.root.appendingPathComponent("Samples/articles/\(name)"), encoding: .utf8)
            texts.append(HTMLText.plainText(html))
        }
        return texts
    }

    @Test func everyPrintedNumberTracesToAMetric() throws {
        let recognizer = MetricRecognizer()
        var lines = 0
        for text in try Self.sampleTexts() {
            let metrics = recognizer.metrics(in: text)
            let values = metrics.map(\.value)
            let subjects = Set(metrics.compactMap(\.subject)).sorted { $0.count > $1.count }
            for line in MetricLines.compose(metrics, limit: 20) {
                lines += 1
                // A subject is a name read from the text ("GLM-4.6"): its digits are no figure.
                let figures = subjects.reduce(line.text) { $0.replacingOccurrences(of: $1 + ":", with: ":") }
                for n in Self.numbers(in: figures) {
                    let traced = values.contains { abs($0 - n) <= 1e-6 * max(1, abs(n)) }
                    if line.isDerived {
                        // The ratio itself is computed; its inputs, in parentheses, must be extracted.
                        let inputs = Self.numbers(in: String(line.text.drop { $0 != "(" }))
                        #expect(inputs.count == 2 && inputs.allSatisfy { i in values.contains { abs($0 - i) <= 1e-6 * i } })
                    } else {
                        #expect(traced, "'\(line.text)' prints \(n), which no metric of the text has")
                    }
                }
            }
        }
        #expect(lines >= 8)
    }

    @Test func aDerivedRatioNeedsBothInputs() {
        let china = TokenMetric(text: "12.96T", quantity: .tokenVolume, value: 12.96e12, unit: .tokens, period: .week, subject: "China")
        let us = TokenMetric(text: "3.03T", quantity: .tokenVolume, value: 3.03e12, unit: .tokens, period: .week, subject: "US")
        let lines = MetricLines.compose([china, us])
        #expect(lines.contains { $0.isDerived && $0.text == "China vs US: ≈4.3x (12.96T / 3.03T)" })
        #expect(!MetricLines.compose([china]).contains { $0.isDerived })
        let stated = TokenMetric(text: "4x", quantity: .multiple, value: 4, unit: .x, subject: "China")
        #expect(!MetricLines.compose([china, us, stated]).contains { $0.isDerived }, "a stated ratio is printed, not derived")
    }
}
