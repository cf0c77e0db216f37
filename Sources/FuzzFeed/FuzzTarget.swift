import DigestCore
import DigestExtract
import DigestMarkup
import DigestMetrics
import DigestParse
import Foundation

/// One fuzz input through every parser of untrusted bytes: feed parsing (XML and JSON), the
/// HTML sanitizer and text extraction, article extraction, and the metric recogniser.
/// Errors are expected; crashes, hangs and sanitizer reports are what the fuzzer looks for.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    if compareArena {
        // The arena must change nothing: each input read with plain malloc, then in the arena.
        MarkupArena.setEnabled(false)
        let plain = readings(bytes)
        MarkupArena.setEnabled(true)
        let arena = readings(bytes)
        if plain != arena { fatalError("the arena changed a reading: \(plain) vs \(arena)") }
    }
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
/// on): every input is also read twice, without and with the arena, and the readings compared.
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
