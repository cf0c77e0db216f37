import DigestConfig
import DigestRender
import DigestSummarize

/// What a digest is written with: the templates (labels, stylesheet) and the topic taxonomy
/// parsed from them, loaded once by `load(_:)` for every command that renders.
public struct Presentation: Sendable {
    /// Mustache templates, labels and stylesheet.
    public let templates: TemplateSet
    /// Topics and default audiences (`topics.yaml`).
    public let taxonomy: Taxonomy
    /// Headlines and hooks from numbers (`headlines.yaml`; empty when the folder has none).
    public let headlines: HeadlineBook

    /// Loads `templates:` of feeds.yaml and parses its taxonomy.
    public static func load(_ config: DigestConfig) throws -> Presentation {
        try load(directory: config.templatesDirectory)
    }

    /// Loads the templates (a folder's files over the built-in ones; nil: built-in only) and parses its taxonomy.
    public static func load(directory: String?) throws -> Presentation {
        let templates = try TemplateSet.load(directory: directory)
        return Presentation(templates: templates,
                            taxonomy: try Taxonomy.parse(yaml: templates.topicsYAML, file: templates.topicsPath),
                            headlines: try HeadlineBook.parse(yaml: templates.headlinesYAML, file: templates.headlinesPath))
    }
}
