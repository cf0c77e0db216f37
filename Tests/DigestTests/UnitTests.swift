@testable import DigestBytes
import DigestCore
@testable import DigestDates
@testable import DigestEncoding
import DigestMarkup
import DigestMetrics
import DigestSummarize
@testable import DigestCLI
import Foundation
import Testing

/// Date dialects, one per line of Fixtures/dates.tsv.
struct DateTests {
    @Test func utcDateArithmeticAgreesWithFoundationsCalendar() {
        var rng = SystemRandomNumberGenerator()
        var cases = [(2026, 4, 31, 0, 0, 0), (2026, 11, 30, 24, 0, 0), (2024, 2, 29, 23, 59, 60), (1600, 1, 1, 0, 0, 0),
                     (2000, 3, 1, 12, 30, 15)]
        for _ in 0..<500 {
            cases.append((Int.random(in: 1600...2400, using: &rng), Int.random(in: 1...12, using: &rng), Int.random(in: 1...31, using: &rng),
                          Int.random(in: 0...24, using: &rng), Int.random(in: 0...59, using: &rng), Int.random(in: 0...60, using: &rng)))
        }
        for (y, mo, d, h, mi, s) in cases {
            let dc = DateComponents(year: y, month: mo, day: d, hour: h, minute: mi, second: min(s, 59))
            let expected = Calendar.utc.date(from: dc)!.addingTimeInterval(-3600)
            #expect(Calendar.utcDate(year: y, month: mo, day: d, hour: h, minute: mi, second: s, offsetSeconds: 3600) == expected,
                    "\(y)-\(mo)-\(d) \(h):\(mi):\(s)")
        }
    }

    static let rows: [(String, String)] = {
        guard let text = try? String(contentsOf: TestPaths.fixture("dates.tsv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }
    }()

    @Test func tableIsLoaded() { #expect(Self.rows.count >= 20) }

    @Test func everyDialect() {
        for (input, expected) in Self.rows {
            let got = FeedDate.parse(input).map(RFC3339.string(from:)) ?? "null"
            #expect(got == expected, "\(input)")
        }
    }
}

/// Token metrics on sentences we wrote, one per line of Fixtures/metrics-{en,zh}.jsonl:
/// `expect` lists [quantity, value, unit, period, direction] in order.
struct MetricTableTests {
    struct Row: Decodable, Sendable, CustomTestStringConvertible {
        let text: String
        let expect: [[Value]]
        var testDescription: String { text }
    }

    enum Value: Decodable, Sendable {
        case string(String), number(Double), null
        init(from d: any Decoder) throws {
            let c = try d.singleValueContainer()
            if c.decodeNil() { self = .null } else if let n = try? c.decode(Double.self) { self = .number(n) } else {
                self = .string(try c.decode(String.self))
            }
        }
        var string: String? { if case .string(let s) = self { return s } else { return nil } }
        var number: Double? { if case .number(let n) = self { return n } else { return nil } }
    }

    static func load(_ name: String) -> [Row] {
        guard let text = try? String(contentsOf: TestPaths.fixture(name), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Row.self, from: Data($0.utf8)) }
    }

    static let rows = load("metrics-en.jsonl") + load("metrics-zh.jsonl")

    @Test func tablesAreLoaded() { #expect(Self.rows.count >= 20) }

    @Test(arguments: rows) func recognises(_ row: Row) {
        let got = MetricRecognizer().metrics(in: row.text)
        #expect(got.count == row.expect.count, "\(got.map { "\($0.quantity.rawValue) \($0.value) \($0.text)" })")
        for (m, e) in zip(got, row.expect) {
            #expect(m.quantity.rawValue == e[0].string)
            #expect(abs(m.value - (e[1].number ?? .nan)) <= 1e-6 * max(1, abs(m.value)))
            #expect(m.unit.rawValue == e[2].string)
            #expect(m.period?.rawValue == e[3].string)
            #expect(m.direction?.rawValue == e[4].string)
        }
    }
}

struct SanitizerTests {
    @Test func dropsScriptsHandlersAndBadURLs() {
        let html = "<p onclick=\"x()\">Hi <script>alert(1)</script><a href=\"javascript:alert(1)\">x</a>"
            + "<img src=\"data:image/png;base64,AAA\"><img src=\"data:text/html,x\"><iframe src=\"/e\"></iframe>"
            + "<a href=\"/rel\">r</a><span style=\"width:expression(alert(1))\">s</span></p>"
        let out = HTMLSanitizer.sanitize(html, baseURL: "https://example.org/a/")
        #expect(!out.contains("script"))
        #expect(!out.contains("onclick"))
        #expect(!out.contains("javascript"))
        #expect(!out.contains("iframe"))
        #expect(!out.contains("expression"))
        #expect(!out.contains("data:text"))
        #expect(out.contains("<img src=\"data:image/png;base64,AAA\">"))
        #expect(out.contains("<a href=\"https://example.org/rel\" rel=\"noopener nofollow\">r</a>"))
    }

    @Test func svgAndMathMLKeepOnlyTheirText() {
        let html = "<p>Sum: <math><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow></math></p>"
            + "<svg onload=\"x()\"><title>Token chart</title><script>alert(1)</script><circle r=\"5\"/></svg>"
        let out = HTMLSanitizer.sanitize(html)
        #expect(out == "<p>Sum: a+b</p>Token chart")
    }

    /// XHTML (Atom content) keeps its names' case in libxml2's tree: rules and attributes are
    /// found whatever the case, long names (blockquote, figcaption) and non-ASCII ones too.
    @Test func xhtmlNamesOfAnyCaseFindTheirRules() throws {
        let xml = "<div><A HREF=\"/r\" TiTle=\"t\" OnClick=\"x()\">a</A><IMG ALT=\"no source\"/><Img Src=\"i.png\" WIDTH=\"2\"/>"
            + "<BlockQuote CITE=\"javascript:x\" class=\"c\">q</BlockQuote><FIGCAPTION>f</FIGCAPTION><ScRiPt>bad()</ScRiPt>"
            + "<SVG><TITLE>chart</TITLE></SVG><Title>page</Title><\u{212A}BD>k</\u{212A}BD><unknownelement>u</unknownelement>"
            + "<TD COLSPAN=\"2\" ROWSPAN=\"x\" colspan=\"3\">cell</TD></div>"
        let doc = try MarkupDocument.xml(Data(xml.utf8))
        let out = HTMLSanitizer.sanitize(childrenOf: try #require(doc.root), baseURL: "https://example.org/")
        #expect(out == "<a href=\"https://example.org/r\" title=\"t\" rel=\"noopener nofollow\">a</a><img src=\"https://example.org/i.png\" width=\"2\">"
            + "<blockquote>q</blockquote><figcaption>f</figcaption>chart<kbd>k</kbd>u<td colspan=\"2\" rowspan=\"x\" colspan=\"3\">cell</td>")
    }

    @Test func obfuscatedSchemesAreStillCaught() {
        for url in ["java\tscript:alert(1)", " JaVaScRiPt:alert(1)", "\u{200B}javascript:alert(1)", "\u{1}vbscript:x",
                    "java\u{00A0}script:x", "data:image/svg+xml;base64,AAA"] {
            #expect(HTMLSanitizer.safeURL(url, base: nil, image: true) == nil, "\(url.debugDescription) must go")
        }
        #expect(HTMLSanitizer.safeURL("\u{FEFF} https://example.org/x \n", base: nil, image: false) == "https://example.org/x")
        #expect(HTMLSanitizer.escapeAttribute("a\"<b>&c") == "a&quot;&lt;b&gt;&amp;c")
        #expect(HTMLSanitizer.escapeText("a\"<b>&c") == "a\"&lt;b&gt;&amp;c")
        #expect(HTMLSanitizer.escapeText("plain 文本") == "plain 文本")
    }

    @Test func utf8CheckAgreesWithTheStandardLibrary() {
        var cases: [[UInt8]] = [[], Array("plain".utf8), Array("中文 café €".utf8), [0xC0, 0x80], [0xE0, 0x80, 0x80],
                                [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98, 0x80], [0xE2, 0x82],
                                [0x80], [0xFF], [0xC3, 0xA9, 0x41], [0xE6, 0x96]]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 { cases.append((0..<Int.random(in: 1...8, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }) }
        // Lead and continuation bytes at their bounds, so that valid and near-valid sequences are common.
        let edges: [UInt8] = [0x41, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5]
        for _ in 0..<20_000 { cases.append((0..<Int.random(in: 1...9, using: &rng)).map { _ in edges.randomElement(using: &rng)! }) }
        for c in cases {
            #expect(UTF8Check.isValid(Data(c)) == (String(validating: c, as: UTF8.self) != nil), "\(c)")
        }
    }

    @Test func trimmingMatchesFoundation() {
        for s in ["", " ", "abc", " abc", "abc\n", "\u{3000}中文\u{00A0}", "\t\r\n", "a b", "\u{2028}x\u{2029}", "é "] {
            #expect(s.trimmingSpace() == s.trimmingCharacters(in: .whitespacesAndNewlines), "\(s.debugDescription)")
        }
        // Generated ends: ASCII and Unicode spaces, controls, format characters, letters.
        var rng = SplitMix(seed: 5)
        let parts = [" ", "\t", "\n", "\r\n", "\u{0}", "\u{7F}", "\u{85}", "\u{A0}", "\u{200B}", "\u{FEFF}", "\u{3000}",
                     "\u{2028}", "a", "中", "é", "e\u{301}", "!", "\u{1F600}"]
        func scalarTrim(_ s: String, _ drop: (Unicode.Scalar) -> Bool) -> String {
            var u = Array(s.unicodeScalars)
            while let f = u.first, drop(f) { u.removeFirst() }
            while let l = u.last, drop(l) { u.removeLast() }
            return String(String.UnicodeScalarView(u))
        }
        for _ in 0..<3_000 {
            var s = ""
            for _ in 0..<Int(rng.next() % 7) { s += parts[Int(rng.next() % UInt64(parts.count))] }
            #expect(s.trimmingSpace() == scalarTrim(s) { $0.properties.isWhitespace }, "\(s.debugDescription)")
            #expect(s.trimmingSpaceAndControls() == scalarTrim(s) { c in
                c.value < 33 || (c.value >= 0x7F && c.value < 0xA0) || c.properties.isWhitespace || c.properties.generalCategory == .format
            }, "\(s.debugDescription)")
        }
    }
}

struct WeekAndSlugTests {
    @Test func isoWeeks() {
        let tz = TimeZone(identifier: "Asia/Shanghai")!
        let w = ISOWeek("2026-W48")!
        #expect(RFC3339.string(from: w.start(in: tz)) == "2026-11-22T16:00:00Z")
        #expect(ISOWeek.lastComplete(before: RFC3339.date(from: "2026-11-30T08:00:00Z")!, in: tz) == w)
        #expect(ISOWeek("2026-W54") == nil)
        #expect(ISOWeek(year: 2026, week: 1).previous == ISOWeek(year: 2025, week: 52))
    }

    @Test func slugsCannotEscapeAndKeepChinese() {
        let s = Slug.make(title: "../../etc/passwd 中国模型 /\\ .hidden", id: "abcdef0123")
        #expect(!s.contains("/") && !s.contains("\\") && !s.contains(".."))
        #expect(s.hasSuffix("-abcdef"))
        #expect(s.contains("中国模型"))
        #expect(Slug.make(title: "...", id: "abcdef0123") == "abcdef")
    }
}

/// The fast number and date printers agree with Foundation's slow ones.
struct FastFormatTests {
    @Test func rfc3339MatchesCalendarOverFourCenturies() {
        var rng = SystemRandomNumberGenerator()
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        for _ in 0..<2_000 {
            let d = Date(timeIntervalSince1970: Double(Int64.random(in: -6_000_000_000...10_000_000_000, using: &rng)))
            let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second], from: d)
            let expected = String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
            #expect(RFC3339.string(from: d) == expected)
        }
    }

    @Test func plainNumbersMatchPrintf() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let v = Double(Int.random(in: -9_999_999...99_999_999, using: &rng)) / [1, 10, 100, 1_000, 10_000].randomElement(using: &rng)!
            var s = String(format: "%.4f", v)
            while s.contains("."), s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
            if s == "-0" { s = "0" }
            #expect(NumberFormat.plain(v) == s, "\(v)")
        }
        #expect(NumberFormat.plain(12.96) == "12.96" && NumberFormat.plain(27) == "27" && NumberFormat.plain(0.15) == "0.15")
    }
}

/// The hand-written JSON string literal matches JSONEncoder's.
struct JSONQuoteTests {
    @Test func quoteMatchesTheEncoder() throws {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [Unicode.Scalar] = (0..<0x80).compactMap(Unicode.Scalar.init) + ["é", "中", "\u{2028}", "’", "😀"]
        for _ in 0..<500 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &rng) { s.append(alphabet.randomElement(using: &rng)!) }
            let text = String(s)
            let encoded = try JSONOutput.encode([text])
            #expect("[" + JSONOutput.quote(text) + "]" == encoded, "\(text.debugDescription)")
        }
    }
}
