import DigestCore
import Foundation
import Yams

/// Readers for the settings blocks of feeds.yaml.
enum SettingsReader {
    static func site(_ node: Node, _ r: YAMLReader) throws -> SiteSettings {
        let m = try r.mapping(node, what: "'site'", allowed: ["title", "base_url", "description"])
        var s = SiteSettings()
        if let n = m["title"]?.value { s.title = try r.nonEmptyString(n, "title") }
        if let n = m["description"]?.value { s.description = try r.string(n, "description") }
        if let n = m["base_url"]?.value {
            var url = try r.nonEmptyString(n, "base_url")
            guard let c = URLComponents(string: url), ["http", "https"].contains(c.scheme ?? ""), c.host != nil else {
                throw r.fail(n, "'base_url' must be an absolute http(s) URL")
            }
            if !url.hasSuffix("/") { url += "/" }
            s.baseURL = url
        }
        return s
    }

    static func email(_ node: Node, _ r: YAMLReader) throws -> EmailSettings {
        let m = try r.mapping(node, what: "'email'", allowed: ["from", "to", "smtp_url", "username",
                                                              "password_env", "list_unsubscribe", "password", "timeout"])
        if let n = m["password"]?.key {
            throw r.fail(n, "do not put the password in the file; name an environment variable with 'password_env'")
        }
        var e = EmailSettings()
        if let n = m["from"]?.value { e.from = try address(n, "from", r) }
        if let n = m["to"]?.value {
            e.to = try r.strings(n, "to")
            for a in e.to where !a.contains("@") { throw r.fail(n, "'\(a)' is not an email address") }
        }
        if let n = m["smtp_url"]?.value {
            let u = try r.nonEmptyString(n, "smtp_url")
            guard let c = URLComponents(string: u), ["smtp", "smtps"].contains(c.scheme ?? ""), c.host != nil else {
                throw r.fail(n, "'smtp_url' must look like smtp://host:587 or smtps://host:465")
            }
            e.smtpURL = u
        }
        if let n = m["username"]?.value { e.username = try r.string(n, "username") }
        if let n = m["password_env"]?.value { e.passwordEnv = try r.nonEmptyString(n, "password_env") }
        if let n = m["list_unsubscribe"]?.value { e.listUnsubscribe = try r.nonEmptyString(n, "list_unsubscribe") }
        if let n = m["timeout"]?.value { e.timeoutSeconds = try r.int(n, "timeout", range: 1...600) }
        return e
    }

    static func address(_ node: Node, _ key: String, _ r: YAMLReader) throws -> String {
        let a = try r.nonEmptyString(node, key)
        guard a.contains("@") else { throw r.fail(node, "'\(a)' is not an email address") }
        return a
    }

    static func fetch(_ node: Node, _ r: YAMLReader) throws -> FetchSettings {
        let m = try r.mapping(node, what: "'fetch'", allowed: ["concurrency", "timeout", "user_agent", "per_host", "max_mb", "ca_file"])
        var f = FetchSettings()
        if let n = m["concurrency"]?.value { f.concurrency = try r.int(n, "concurrency", range: 1...256) }
        if let n = m["timeout"]?.value { f.timeoutSeconds = try r.int(n, "timeout", range: 1...600) }
        if let n = m["user_agent"]?.value { f.userAgent = try r.nonEmptyString(n, "user_agent") }
        if let n = m["per_host"]?.value { f.perHost = try r.int(n, "per_host", range: 1...64) }
        if let n = m["max_mb"]?.value { f.maxBytes = try r.int(n, "max_mb", range: 1...1024) << 20 }
        if let n = m["ca_file"]?.value { f.caFile = try r.nonEmptyString(n, "ca_file") }
        return f
    }

    static func summarizer(_ node: Node, _ r: YAMLReader) throws -> SummarizerSettings {
        let m = try r.mapping(node, what: "'summarizer'", allowed: ["base_url", "model", "api_key_env", "timeout", "api_key", "concurrency", "budget_tokens", "max_tokens", "structured"])
        if let k = m["api_key"]?.key {
            throw r.fail(k, "do not put the API key in the file; name an environment variable with 'api_key_env'")
        }
        guard let b = m["base_url"]?.value else { throw r.fail(node, "'summarizer' needs 'base_url'") }
        let base = try r.nonEmptyString(b, "base_url")
        guard let c = URLComponents(string: base), ["http", "https"].contains(c.scheme ?? ""), c.host != nil else {
            throw r.fail(b, "'base_url' must be an absolute http(s) URL")
        }
        guard let mn = m["model"]?.value else { throw r.fail(node, "'summarizer' needs 'model'") }
        var s = SummarizerSettings(baseURL: base, model: try r.nonEmptyString(mn, "model"))
        if let n = m["api_key_env"]?.value { s.apiKeyEnv = try r.nonEmptyString(n, "api_key_env") }
        if let n = m["timeout"]?.value { s.timeoutSeconds = try r.int(n, "timeout", range: 1...600) }
        if let n = m["concurrency"]?.value { s.concurrency = try r.int(n, "concurrency", range: 1...32) }
        if let n = m["budget_tokens"]?.value { s.budgetTokens = try r.int(n, "budget_tokens", range: 1...1_000_000_000) }
        if let n = m["max_tokens"]?.value { s.maxTokens = try r.int(n, "max_tokens", range: 16...100_000) }
        if let n = m["structured"]?.value {
            let v = try r.nonEmptyString(n, "structured")
            guard ["json_object", "json_schema", "none"].contains(v) else {
                throw r.fail(n, "'structured' must be json_object, json_schema or none")
            }
            s.structured = v
        }
        return s
    }

    static func audiences(_ node: Node, _ r: YAMLReader) throws -> [AudienceRule] {
        guard let seq = node.sequence else { throw r.fail(node, "'audiences' must be a list") }
        return try seq.map { entry in
            let m = try r.mapping(entry, what: "an audience", allowed: ["name", "topics", "quantities", "keywords"])
            guard let n = m["name"]?.value else { throw r.fail(entry, "audience without 'name'") }
            var a = AudienceRule(name: try r.nonEmptyString(n, "name"))
            if let t = m["topics"]?.value { a.topics = try r.strings(t, "topics") }
            if let q = m["quantities"]?.value {
                a.quantities = try r.strings(q, "quantities")
                for x in a.quantities where MetricQuantity(rawValue: x) == nil {
                    throw r.fail(q, "unknown quantity '\(x)'")
                }
            }
            if let k = m["keywords"]?.value { a.keywords = try r.strings(k, "keywords") }
            return a
        }
    }

    static func htmlRules(_ node: Node, _ r: YAMLReader) throws -> HTMLListRules {
        let m = try r.mapping(node, what: "'html'", allowed: ["item", "title", "link", "date", "summary", "json_path"])
        var h = HTMLListRules()
        if let n = m["item"]?.value { h.item = try r.nonEmptyString(n, "item") }
        if let n = m["title"]?.value { h.title = try r.nonEmptyString(n, "title") }
        if let n = m["link"]?.value { h.link = try r.nonEmptyString(n, "link") }
        if let n = m["date"]?.value { h.date = try r.nonEmptyString(n, "date") }
        if let n = m["summary"]?.value { h.summary = try r.nonEmptyString(n, "summary") }
        if let n = m["json_path"]?.value { h.jsonPath = try r.nonEmptyString(n, "json_path") }
        if h.item == nil, h.jsonPath == nil { throw r.fail(node, "'html' needs 'item' (XPath) or 'json_path'") }
        return h
    }
}
