/// The default templates, labels, taxonomy and stylesheet, compiled into the program from the
/// repository's `Templates/` folder (Sources/DigestRender/Defaults links to its files). A
/// `templates:` folder in feeds.yaml overrides them file by file.
public enum DefaultTemplates {
    /// Every default file by name (`card.md.mustache`, `style.css`, …) with its bytes.
    public static let files: [String: [UInt8]] = [
        "archive.html.mustache": PackageResources.archive_html_mustache,
        "card.html.mustache": PackageResources.card_html_mustache,
        "card.md.mustache": PackageResources.card_md_mustache,
        "email.html.mustache": PackageResources.email_html_mustache,
        "feed.xml.mustache": PackageResources.feed_xml_mustache,
        "headlines.yaml": PackageResources.headlines_yaml,
        "labels.yaml": PackageResources.labels_yaml,
        "page.html.mustache": PackageResources.page_html_mustache,
        "recap.html.mustache": PackageResources.recap_html_mustache,
        "recap.md.mustache": PackageResources.recap_md_mustache,
        "sitemap.xml.mustache": PackageResources.sitemap_xml_mustache,
        "style.css": PackageResources.style_css,
        "topic.html.mustache": PackageResources.topic_html_mustache,
        "topics.yaml": PackageResources.topics_yaml,
    ]

    /// The text of a default file, or nil for a name that is not one.
    public static func text(_ name: String) -> String? {
        files[name].map { String(decoding: $0, as: UTF8.self) }
    }
}
