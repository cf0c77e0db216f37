import ArgumentParser
import DigestConfig
import DigestCore
import DigestFiles
import DigestOPML
import Foundation

/// `digest sources import|export`: feeds.yaml's sources to and from OPML, the format feed readers
/// export and import.
struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources", abstract: "Import sources from OPML, or export them as OPML.",
        subcommands: [Import.self, Export.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add the feeds of an OPML file to feeds.yaml's sources (folders become tags; feeds already listed are left out).")

        @Argument(help: "The OPML file (a feed reader's export).") var file: String
        @Option(help: "The feeds.yaml to add to.") var config = "feeds.yaml"

        func run() async throws {
            let cfg = try ConfigLoader.load(path: config)
            let list = try OPMLFile.read(file)
            let known = Set(cfg.sources.map { OPMLReader.canonical($0.url) })
            var fresh: [OPMLFeed] = []
            var notes = list.skipped
            for f in list.feeds {
                if known.contains(OPMLReader.canonical(f.url)) {
                    notes.append("\(file):\(f.line): \(f.url) is already a source of \(config)")
                } else {
                    fresh.append(f)
                }
            }
            for n in notes { Output.error("warning: " + n) }
            guard !fresh.isEmpty else {
                Output.error("sources: nothing to add to \(config)")
                return
            }
            let text = String(decoding: FileManager.default.contents(atPath: config) ?? Data(), as: UTF8.self)
            guard let updated = SourceEntries.insert(fresh, into: text, taken: Set(cfg.sources.map(\.id)), replacing: false) else {
                throw ConfigError(file: config, problem: "no top-level 'sources:' list to add to")
            }
            // The new text must read back as a valid feeds.yaml before it replaces the old one.
            let base = URL(fileURLWithPath: config).deletingLastPathComponent().path
            let after = try ConfigLoader.parse(yaml: updated, file: config, baseDirectory: base)
            try AtomicWriter.write(updated, to: config)
            Output.error("sources: added \(Plural.count(fresh.count, "source")) to \(config) (now \(after.sources.count)); "
                         + "\(notes.count) left out")
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print feeds.yaml's sources as OPML 2.0.")

        @Option(help: "The feeds.yaml to read.") var config = "feeds.yaml"

        func run() async throws {
            let cfg = try ConfigLoader.load(path: config)
            Output.out(OPMLWriter.document(cfg.sources, title: cfg.site.title + " sources"))
        }
    }
}

/// Reading an OPML file named on the command line.
enum OPMLFile {
    static func read(_ path: String) throws -> OPMLList {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OPMLError(file: path, problem: FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "not found")
        }
        let list = try OPMLReader.read(data, file: path)
        guard !list.feeds.isEmpty else { throw OPMLError(file: path, problem: "no feeds in it (outlines with an xmlUrl)") }
        return list
    }
}
