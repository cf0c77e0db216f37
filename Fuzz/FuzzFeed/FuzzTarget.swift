import DigestCLI
import DigestCore
import DigestDates
import DigestExtract
import DigestMarkup
import DigestMetrics
import DigestParse
import Foundation

/// One fuzz input through every parser of untrusted bytes: feed parsing (XML and JSON), the
/// HTML sanitizer and text extraction, article extraction, and the metric recogniser. The page
/// parsed with its script and style text cut out (`CodeBodies`) must give the tree parsed whole,
/// less that text.
/// Errors are expected; crashes, hangs and sanitizer reports are what the fuzzer looks for.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    if compareArena {
        // The same input read twice in the arena, its memory scribbled over in between: any
        // reading of memory not written in the scope (stale, or of a scope that ended) differs.
        // (Not against plain malloc: libxml2 2.9.14's HTML name parser restarts a name when its
        // input buffer moves, which with malloc depends on the heap, so those readings vary.)
        MarkupArena.scribble(0x00)
        let first = readings(bytes)
        MarkupArena.scribble(0xA5)
        let second = readings(bytes)
        if first != second { fatalError("a reading changed with the arena's old contents: \(first) vs \(second)") }
    }
    checkCodeCut(bytes)
    _ = try? FeedParser.parse(bytes, source: "fuzz", baseURL: "https://example.org/feed/")  // errors are fine
    _ = try? ArticleExtractor.extract(from: bytes, source: "fuzz", url: "https://example.org/a")  // errors are fine
    let text = String(decoding: bytes, as: UTF8.self)
    _ = HTMLSanitizer.sanitize(text, baseURL: "https://example.org/")
    _ = HTMLText.plainText(text)
    _ = FeedDate.parse(text)
    if size < 4096 { _ = MetricRecognizer().metrics(in: text) }
    return 0
}

/// Set by `main` (`FUZZ_ARENA=compare`, in a build without AddressSanitizer, where the arena is
/// on): every input is also read twice in the arena, scribbled over in between, and compared.
nonisolated(unsafe) var compareArena = false

/// What the parsers make of the input, as text: the feed's and the article's JSON lines (or
/// their errors), sanitized HTML and its plain text.
func readings(_ bytes: Data) -> [String] {
    let feed = Result { try FeedParser.parse(bytes, source: "fuzz", baseURL: "https://example.org/feed/").jsonLine() }
    let article = Result { try ArticleExtractor.extract(from: bytes, source: "fuzz", url: "https://example.org/a").jsonLine() }
    let text = String(decoding: bytes, as: UTF8.self)
    return [(try? feed.get()) ?? "error", (try? article.get()) ?? "error",
            HTMLSanitizer.sanitize(text, baseURL: "https://example.org/"), HTMLText.plainText(text)]
}

/// Stops the run when cutting script, style and comment text changes the tree (beyond that text).
func checkCodeCut(_ bytes: Data) {
    guard String(validating: bytes, as: UTF8.self) != nil,
          let plain = MarkupDocument.html(utf8: bytes), let cut = MarkupDocument.html(utf8: bytes, withoutCode: true) else { return }
    let (a, b) = (treeText(plain), treeText(cut))
    if a != b { fatalError("cutting the code changed the tree:\n\(a)\n\(b)") }
}

/// The tree as text: kinds, names, attributes and text; a script's or style's text only when an
/// attribute mentions JSON (what the cut keeps); no comment's text.
func treeText(_ doc: MarkupDocument) -> String {
    var out = ""
    func visit(_ c: MarkupNode) {
        if c.isElement {
            let attrs = c.attributes { _ in true }
            out += "<\(c.name)" + attrs.map { " \($0.name)=\($0.value)" }.joined() + ">"
            if !c.isCode || attrs.contains(where: { ($0.name + $0.value).lowercased().contains("json") }) { c.forEachChildNode(visit) }
            out += "</\(c.name)>"
        } else {
            out += c.isComment ? "C" : (c.isText ? "T(" : "N(") + c.rawText + ")"
        }
    }
    if let root = doc.root { visit(root) }
    return out
}
