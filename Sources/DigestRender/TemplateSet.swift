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
    /// The folder it was read from.
    public let directory: String

    static let required = ["card.md", "card.html", "page.html", "recap.md", "recap.html", "archive.html", "feed.xml",
                           "email.html", "sitemap.xml", "topic.html"]

    /// Loads and checks every template; a missing or broken file is a `RenderError`.
    public static func load(directory: String) throws -> TemplateSet {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw RenderError(file: directory, problem: "templates folder not found")
        }
        var lib = MustacheLibrary()
        for name in required {
            let path = directory + "/" + name + ".mustache"
            guard let text = fm.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) }) else {
                throw RenderError(file: path, problem: "missing template")
            }
            do { try lib.register(text, named: name) } catch {
                throw RenderError(file: path, problem: "template syntax: \(error)")
            }
        }
        let labelsPath = directory + "/labels.yaml"
        guard let labelsText = fm.contents(atPath: labelsPath).map({ String(decoding: $0, as: UTF8.self) }),
              let labels = (try? Yams.load(yaml: labelsText)) as? [String: [String: String]] else {  // reported below with the file
            throw RenderError(file: labelsPath, problem: "missing or not a mapping of language → label → text")
        }
        let topicsPath = directory + "/topics.yaml"
        guard let topicsText = fm.contents(atPath: topicsPath).map({ String(decoding: $0, as: UTF8.self) }) else {
            throw RenderError(file: topicsPath, problem: "missing taxonomy")
        }
        let css = fm.contents(atPath: directory + "/style.css").map { String(decoding: $0, as: UTF8.self) } ?? ""
        let headlinesPath = directory + "/headlines.yaml"
        let headlines = fm.contents(atPath: headlinesPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return TemplateSet(library: lib, labels: labels, topicsYAML: topicsText, topicsPath: topicsPath,
                           headlinesYAML: headlines, headlinesPath: headlinesPath, css: css, directory: directory)
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
