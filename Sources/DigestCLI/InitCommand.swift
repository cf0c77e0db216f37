import ArgumentParser
import DigestConfig
import DigestCore
import DigestFiles
import DigestOPML
import DigestRender
import Foundation

/// `digest init [DIR]`: a commented feeds.yaml to start from (and, with --templates, a copy of the
/// built-in templates to edit). It never overwrites a file.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented feeds.yaml to start a digest (never overwrites).",
        discussion: "The sources are the repository's real ones unless --opml names a feed reader's export.")

    @Argument(help: "Folder to write into (created if missing).") var directory = "."
    @Flag(help: "Also copy the built-in templates into DIR/templates to edit (feeds.yaml then names them).")
    var templates = false
    @Option(help: "Take the sources from an OPML subscription list (a feed reader's export).") var opml: String?

    func run() async throws {
        let dir = URL(fileURLWithPath: directory).standardized.path
        let feedsPath = dir + "/feeds.yaml"
        let templatesPath = dir + "/templates"
        for path in [feedsPath] + (templates ? [templatesPath] : []) where FileManager.default.fileExists(atPath: path) {
            throw InitError(path: path)
        }
        var feeds: [OPMLFeed]?
        if let opml {
            let list = try OPMLFile.read(opml)
            for line in list.skipped { Output.error("warning: " + line) }
            feeds = list.feeds
        }
        let text = try StarterFeeds.text(templates: templates, feeds: feeds)
        // Written only when it reads back as a valid feeds.yaml.
        let config = try ConfigLoader.parse(yaml: text, file: feedsPath, baseDirectory: dir)
        if templates {
            for (name, bytes) in DefaultTemplates.files.sorted(by: { $0.key < $1.key }) {
                try AtomicWriter.write(Data(bytes), to: templatesPath + "/" + name)
            }
        }
        try AtomicWriter.write(text, to: feedsPath)
        let what = Plural.count(config.sources.count, "source")
        Output.error("wrote \(feedsPath) (\(what))" + (templates ? " and \(templatesPath)/ (\(DefaultTemplates.files.count) files)" : ""))
        Output.error("next: digest run --config \(feedsPath)")
    }
}

/// `init` found a file where it would write.
struct InitError: DigestError {
    let path: String
    var message: String { "init: \(path) already exists; init never overwrites (move it away or pick another folder)" }
    var exitStatus: ExitStatus { .badInput }
}

/// The feeds.yaml `digest init` writes: the repository's own file (its real sources, focus and
/// fetch settings, compiled into the program) with the email block commented out.
enum StarterFeeds {
    /// The text; `templates` names a `templates` folder beside it, `feeds` replaces the sources.
    static func text(templates: Bool, feeds: [OPMLFeed]?) throws -> String {
        var lines = String(decoding: PackageResources.feeds_yaml, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.insert("# Written by `digest init` (\(DigestVersion.generator)). Run it: digest run --config feeds.yaml", at: 0)
        if let e = lines.firstIndex(of: "email:") {
            var end = e + 1
            while end < lines.count, lines[end].hasPrefix(" ") || lines[end].hasPrefix("#") || lines[end].isEmpty { end += 1 }
            for i in e..<end where !lines[i].isEmpty { lines[i] = "# " + lines[i] }
            lines.insert("# To send the digest by email (digest email send), uncomment and fill in:", at: e)
        }
        if templates {
            let line = "templates: templates      # your copy of the built-in templates: edit any file, delete those you keep as they are"
            if let t = lines.firstIndex(where: { $0.hasPrefix("# templates:") }) { lines[t] = line } else {
                lines.insert(line, at: lines.firstIndex(where: { $0.hasPrefix("sources:") }) ?? lines.count)
            }
        }
        var text = lines.joined(separator: "\n")
        if let feeds {
            guard let replaced = SourceEntries.insert(feeds, into: text, taken: [], replacing: true) else {
                throw ConfigError(file: "feeds.yaml", problem: "the built-in feeds.yaml has no 'sources:' list")
            }
            text = replaced
        }
        return text.hasSuffix("\n") ? text : text + "\n"
    }
}
