import DigestCore
import Foundation
import Mustache
import Yams

/// The templates, labels, taxonomy and stylesheet of a `Templates/` folder (the module's only I/O).
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// Section labels by language, e.g. `labels["zh"]["what_changed"]`.
    public let labels: [String: [String: String]]
    /// The text of `topics.yaml` (the taxonomy; parsed by the summarize stage).
    public let topicsYAML: String
    /// Path of `topics.yaml`, for messages.
    public let topicsPath: String
    /// The text of `headlines.yaml` (headlines and hooks from numbers; optional, "" when absent).
    public let headlinesYAML: String
    /// Path of `headlines.yaml`, for messages.
    public let headlinesPath: String
    /// The site's one stylesheet.
    public let css: String
    /// The folder that overrides the defaults, nil when only the built-in files are used.
    public let directory: String?

    static let required = ["card.md", "card.html", "page.html", "recap.md", "recap.html", "archive.html", "feed.xml",
                           "email.html", "sitemap.xml", "topic.html"]

    /// The built-in templates alone.
    public static func builtIn() throws -> TemplateSet { try load(directory: nil) }

    /// Loads and checks every template: a file of `directory` when it has one, the built-in one
    /// otherwise (a folder may hold only the files it changes). A missing folder or a broken file
    /// is a `RenderError` naming it.
    public static func load(directory: String?) throws -> TemplateSet {
        if let directory {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
                throw RenderError(file: directory, problem: "templates folder not found (leave 'templates:' out to use the built-in ones)")
            }
        }
        /// A file's text and the name to report it by: the folder's copy, else the built-in one.
        func read(_ name: String) -> (text: String, path: String)? {
            if let directory, let data = FileManager.default.contents(atPath: directory + "/" + name) {
                return (String(decoding: data, as: UTF8.self), directory + "/" + name)
            }
            return DefaultTemplates.text(name).map { ($0, "built-in " + name) }
        }
        var lib = MustacheLibrary()
        for name in required {
            guard let (text, path) = read(name + ".mustache") else {
                throw RenderError(file: name + ".mustache", problem: "missing template")
            }
            do { try lib.register(text, named: name) } catch {
                throw RenderError(file: path, problem: "template syntax: \(error)")
            }
        }
        let labelsFile = read("labels.yaml")
        guard let labelsText = labelsFile?.text,
              let labels = (try? Yams.load(yaml: labelsText)) as? [String: [String: String]] else {
            throw RenderError(file: labelsFile?.path ?? "labels.yaml", problem: "not a mapping of language → label → text")
        }
        guard let (topicsText, topicsPath) = read("topics.yaml") else {
            throw RenderError(file: "topics.yaml", problem: "missing taxonomy")
        }
        let headlines = read("headlines.yaml") ?? ("", "headlines.yaml")
        return TemplateSet(library: lib, labels: labels, topicsYAML: topicsText, topicsPath: topicsPath,
                           headlinesYAML: headlines.text, headlinesPath: headlines.path,
                           css: read("style.css")?.text ?? "", directory: directory)
    }

    /// Renders a registered template with a view model.
    public func render(_ name: String, _ model: [String: Any]) -> String {
        library.render(model, withTemplate: name) ?? ""
    }

    /// Labels for a language, falling back to English per key.
    public func labels(for language: String) -> [String: String] {
        var l = labels["en"] ?? [:]
        for (k, v) in labels[language] ?? [:] { l[k] = v }
        return l
    }
}

/// A template problem: `render: FILE: what`.
public struct RenderError: DigestError {
    /// The file.
    public var file: String
    /// What is wrong.
    public var problem: String

    /// Creates an error.
    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }

    /// One line.
    public var message: String { "render: \(file): \(problem)" }
    /// Bad input.
    public var exitStatus: ExitStatus { .badInput }
}
