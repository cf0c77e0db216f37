import DigestCore
import Foundation
import Yams

/// Reads feeds.yaml into a `DigestConfig`, reporting every mistake as `config: FILE:LINE:COL: …`.
public enum ConfigLoader {
    static let topKeys: Set<String> = ["sources", "site", "timezone", "output", "templates", "language",
                                       "audiences", "email", "fetch", "summarizer", "store", "top", "focus", "relevance"]
    static let sourceKeys: Set<String> = ["id", "name", "url", "kind", "language", "tags", "weight",
                                          "full_content", "html", "include", "exclude"]
    /// The values `focus:` takes.
    public static let focusTopics = ["token-market", "ai"]

    /// Loads and validates the file at `path`.
    public static func load(path: String) throws -> DigestConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDir: ObjCBool = false
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
                throw ConfigError(file: path, problem: "not found (write one with 'digest init', or name one with --config, "
                                  + "e.g. --config Samples/feeds.yaml)")
            }
            throw ConfigError(file: path, problem: isDir.boolValue ? "is a folder, not a feeds.yaml" : "cannot read the file (permissions?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, problem: "the file is not UTF-8")
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(yaml: text, file: path, baseDirectory: base)
    }

    /// Parses feeds.yaml text; relative paths resolve against `baseDirectory`.
    public static func parse(yaml text: String, file: String, baseDirectory: String) throws -> DigestConfig {
        let r = YAMLReader(file: file)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw r.fail(nil, "the file is empty") }
            root = node
        } catch let e as YamlError {
            throw yamlSyntaxError(e, file: file)
        }
        let top = try r.mapping(root, what: "the top level", allowed: topKeys)
        guard let sourcesNode = top["sources"]?.value else { throw r.fail(root, "missing 'sources:' list") }
        var config = DigestConfig(path: file, sources: try sources(sourcesNode, r, baseDirectory: baseDirectory))
        func resolve(_ p: String) -> String {
            p.hasPrefix("/") ? p : URL(fileURLWithPath: baseDirectory).appendingPathComponent(p).standardized.path
        }
        config.outputDirectory = resolve("output")
        if let n = top["site"]?.value { config.site = try SettingsReader.site(n, r) }
        if let n = top["timezone"]?.value {
            let name = try r.nonEmptyString(n, "timezone")
            guard let tz = TimeZone(identifier: name) else { throw r.fail(n, "unknown time zone '\(name)'") }
            config.timeZone = tz
        }
        if let n = top["output"]?.value { config.outputDirectory = resolve(try r.nonEmptyString(n, "output")) }
        if let n = top["store"]?.value { config.storePath = resolve(try r.nonEmptyString(n, "store")) }
        if let n = top["templates"]?.value { config.templatesDirectory = resolve(try r.nonEmptyString(n, "templates")) }
        if let n = top["language"]?.value {
            let l = try r.nonEmptyString(n, "language")
            guard ["en", "zh"].contains(l) else { throw r.fail(n, "'language' must be en or zh") }
            config.labelLanguage = l
        }
        if let n = top["audiences"]?.value { config.audiences = try SettingsReader.audiences(n, r) }
        if let n = top["email"]?.value { config.email = try SettingsReader.email(n, r) }
        if let n = top["fetch"]?.value { config.fetch = try SettingsReader.fetch(n, r) }
        if let n = top["summarizer"]?.value { config.summarizer = try SettingsReader.summarizer(n, r) }
        if let n = top["top"]?.value {
            config.top = try r.int(n, "top", range: 1...100)
        }
        if let n = top["focus"]?.value {
            config.focus = try r.strings(n, "focus")
            for f in config.focus where !focusTopics.contains(f) {
                throw r.fail(n, "unknown focus '\(f)' (known: \(focusTopics.joined(separator: ", ")))")
            }
        }
        if let n = top["relevance"]?.value { config.relevanceLexicon = resolve(try r.nonEmptyString(n, "relevance")) }
        return config
    }

    static func sources(_ node: Node, _ r: YAMLReader, baseDirectory: String) throws -> [FeedSource] {
        guard let seq = node.sequence else { throw r.fail(node, "'sources' must be a list") }
        if seq.isEmpty { throw r.fail(node, "'sources' is empty") }
        var seen: [String: Int] = [:]
        var out: [FeedSource] = []
        for entry in seq {
            let m = try r.mapping(entry, what: "a source", allowed: sourceKeys)
            guard let idNode = m["id"]?.value else { throw r.fail(entry, "source without 'id'") }
            let id = try r.nonEmptyString(idNode, "id")
            guard id.range(of: "^[A-Za-z0-9][A-Za-z0-9._-]*$", options: .regularExpression) != nil else {
                throw r.fail(idNode, "source id '\(id)' may use only letters, digits, '.', '_' and '-'")
            }
            if let line = seen[id] { throw r.fail(idNode, "duplicate source id '\(id)' (first at line \(line))") }
            seen[id] = idNode.mark?.line ?? 0
            guard let urlNode = m["url"]?.value else { throw r.fail(entry, "source '\(id)' has no 'url'") }
            var url = try r.nonEmptyString(urlNode, "url")
            if URLComponents(string: url)?.scheme == nil, !url.contains("://") {
                // A relative or absolute path names a local file, read through libcurl's file:// support.
                let path = url.hasPrefix("/") ? url : URL(fileURLWithPath: baseDirectory).appendingPathComponent(url).standardized.path
                url = URL(fileURLWithPath: path).absoluteString
            }
            try checkURL(url, node: urlNode, r)
            var s = FeedSource(id: id, name: id, url: url)
            if let n = m["name"]?.value { s.name = try r.nonEmptyString(n, "name") }
            if let n = m["kind"]?.value {
                let k = try r.nonEmptyString(n, "kind")
                guard let kind = SourceKind(rawValue: k) else {
                    throw r.fail(n, "unknown kind '\(k)' (auto, rss, atom, json or html)")
                }
                s.kind = kind
            }
            if let n = m["language"]?.value { s.language = try r.nonEmptyString(n, "language") }
            if let n = m["tags"]?.value { s.tags = try r.strings(n, "tags") }
            if let n = m["weight"]?.value {
                s.weight = try r.double(n, "weight")
                guard s.weight >= 0, s.weight <= 100 else { throw r.fail(n, "'weight' must be between 0 and 100") }
            }
            if let n = m["full_content"]?.value {
                s.fullContent = try r.bool(n, "full_content")
                s.shortLeads = s.fullContent  // an explicit false: never fetch pages for this source
            }
            if let n = m["html"]?.value { s.html = try SettingsReader.htmlRules(n, r) }
            if let n = m["include"]?.value { s.include = try filters(n, "include", r) }
            if let n = m["exclude"]?.value { s.exclude = try filters(n, "exclude", r) }
            if s.kind == .html, s.html == nil {
                throw r.fail(entry, "source '\(id)' has kind html but no 'html:' rules")
            }
            out.append(s)
        }
        return out
    }

    /// Keyword filters of a source: words, or `/regex/` (checked here, so a bad one stops at its line).
    static func filters(_ node: Node, _ key: String, _ r: YAMLReader) throws -> [String] {
        let list = try r.strings(node, key)
        for f in list where f.count > 2 && f.hasPrefix("/") && f.hasSuffix("/") {
            do { _ = try NSRegularExpression(pattern: String(f.dropFirst().dropLast()), options: [.caseInsensitive]) } catch {
                throw r.fail(node, "'\(key)': '\(f)' is not a valid regular expression")
            }
        }
        return list
    }

    static func checkURL(_ url: String, node: Node, _ r: YAMLReader) throws {
        guard let u = URLComponents(string: url), let scheme = u.scheme?.lowercased() else {
            throw r.fail(node, "'\(url)' is not a URL")
        }
        switch scheme {
        case "http", "https":
            guard let host = u.host, !host.isEmpty else { throw r.fail(node, "'\(url)' has no host") }
        case "file":
            guard !u.path.isEmpty else { throw r.fail(node, "'\(url)' has no path") }
        default:
            throw r.fail(node, "'\(url)' must be an http, https or file URL")
        }
    }

    static func yamlSyntaxError(_ e: YamlError, file: String) -> ConfigError {
        switch e {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return ConfigError(file: file, line: mark.line, column: mark.column, problem: "YAML syntax: \(problem)")
        default:
            return ConfigError(file: file, problem: "YAML syntax: \(e)")
        }
    }
}
