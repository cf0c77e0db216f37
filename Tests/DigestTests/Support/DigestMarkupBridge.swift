import DigestMarkup

/// Plain text of an HTML page for tests.
enum DigestMarkupBridge {
    static func text(_ html: String) -> String { HTMLText.plainText(html) }
}
