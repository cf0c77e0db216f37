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
    _ = try? FeedParser.parse(bytes, source: "fuzz", baseURL: "https://example.org/feed/")  // errors are fine
    _ = try? ArticleExtractor.extract(from: bytes, source: "fuzz", url: "https://example.org/a")  // errors are fine
    let text = String(decoding: bytes, as: UTF8.self)
    _ = HTMLSanitizer.sanitize(text, baseURL: "https://example.org/")
    _ = HTMLText.plainText(text)
    _ = FeedDate.parse(text)
    if size < 4096 { _ = MetricRecognizer().metrics(in: text) }
    return 0
}
