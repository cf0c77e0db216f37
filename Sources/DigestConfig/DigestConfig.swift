import DigestCore
import Foundation

/// Site settings (`site:`).
public struct SiteSettings: Sendable, Equatable {
    /// Site title.
    public var title: String
    /// Absolute base URL used in the Atom feed and sitemap.
    public var baseURL: String
    /// One-line description.
    public var description: String

    /// Creates site settings.
    public init(title: String = "AI Token Digest", baseURL: String = "https://example.org/digest/",
                description: String = "A weekly digest of the AI token market") {
        self.title = title
        self.baseURL = baseURL
        self.description = description
    }
}

/// Email settings (`email:`); the SMTP password is read only from `password_env`.
public struct EmailSettings: Sendable, Equatable {
    /// Sender address.
    public var from: String
    /// Recipients.
    public var to: [String]
    /// `smtp://host:port` or `smtps://…`.
    public var smtpURL: String?
    /// SMTP user name.
    public var username: String?
    /// Name of the environment variable holding the SMTP password.
    public var passwordEnv: String?
    /// `List-Unsubscribe` header value.
    public var listUnsubscribe: String?
    /// Seconds the whole SMTP conversation may take (`email.timeout`, default 60).
    public var timeoutSeconds = 60

    /// Creates email settings.
    public init(from: String = "digest@example.org", to: [String] = [], smtpURL: String? = nil,
                username: String? = nil, passwordEnv: String? = nil, listUnsubscribe: String? = nil) {
        self.from = from
        self.to = to
        self.smtpURL = smtpURL
        self.username = username
        self.passwordEnv = passwordEnv
        self.listUnsubscribe = listUnsubscribe
    }
}

/// Fetch settings (`fetch:`).
public struct FetchSettings: Sendable, Equatable {
    /// Transfers at once.
    public var concurrency: Int
    /// Total timeout per transfer, seconds.
    public var timeoutSeconds: Int
    /// User-Agent header.
    public var userAgent: String
    /// Transfers at once to one host.
    public var perHost: Int
    /// Largest body accepted, bytes (a bigger one is aborted while downloading).
    public var maxBytes: Int
    /// PEM file of certificate authorities to trust instead of the system's.
    public var caFile: String?

    /// Creates fetch settings.
    public init(concurrency: Int = 16, timeoutSeconds: Int = 30,
                userAgent: String = DigestVersion.userAgent, perHost: Int = 2,
                maxBytes: Int = 20 << 20) {
        self.concurrency = concurrency
        self.timeoutSeconds = timeoutSeconds
        self.userAgent = userAgent
        self.perHost = perHost
        self.maxBytes = maxBytes
    }
}

/// An optional OpenAI-compatible model (`summarizer:`) that writes a card's headline, hook and TL;DR
/// in the digest's language and its Deep Insight and Future Implications; each field is checked
/// against the source (numbers, names, citations) and dropped when it fails.
public struct SummarizerSettings: Sendable, Equatable {
    /// Base URL of the API (`…/v1`); requests go to `/chat/completions`.
    public var baseURL: String
    /// Model name.
    public var model: String
    /// Environment variable that holds the API key (never the key itself).
    public var apiKeyEnv: String?
    /// Seconds per request.
    public var timeoutSeconds: Int
    /// Requests in flight at once (`concurrency`, default 2).
    public var concurrency = 2
    /// Tokens a run may spend, prompt and completion (`budget_tokens`); nil: no limit.
    public var budgetTokens: Int?
    /// Most completion tokens per answer (`max_tokens`, default 1200).
    public var maxTokens = 1200
    /// How JSON is asked for (`structured`: `json_object` (default), `json_schema` or `none`).
    public var structured = "json_object"

    /// Creates settings.
    public init(baseURL: String, model: String, apiKeyEnv: String? = nil, timeoutSeconds: Int = 60) {
        self.baseURL = baseURL
        self.model = model
        self.apiKeyEnv = apiKeyEnv
        self.timeoutSeconds = timeoutSeconds
    }
}

/// An audience rule: who should care about a card.
public struct AudienceRule: Sendable, Equatable {
    /// Display name, e.g. "Founders & Product Leaders".
    public var name: String
    /// Topic ids that make it relevant.
    public var topics: [String]
    /// Metric quantities that make it relevant.
    public var quantities: [String]
    /// Keywords (case-insensitive) that make it relevant.
    public var keywords: [String]

    /// Creates a rule.
    public init(name: String, topics: [String] = [], quantities: [String] = [], keywords: [String] = []) {
        self.name = name
        self.topics = topics
        self.quantities = quantities
        self.keywords = keywords
    }
}

/// Everything feeds.yaml says, with relative paths resolved against the file's folder.
public struct DigestConfig: Sendable, Equatable {
    /// The file it was read from.
    public var path: String
    /// Sources in file order.
    public var sources: [FeedSource]
    /// Site settings.
    public var site: SiteSettings
    /// Time zone for week boundaries.
    public var timeZone: TimeZone
    /// Output folder.
    public var outputDirectory: String
    /// A folder whose files override the built-in templates (`templates:`); nil for the built-in ones.
    public var templatesDirectory: String?
    /// Language of card labels (`en` or `zh`).
    public var labelLanguage: String
    /// Audience rules; empty means the taxonomy file's defaults.
    public var audiences: [AudienceRule]
    /// Email settings.
    public var email: EmailSettings
    /// Fetch settings.
    public var fetch: FetchSettings
    /// The optional language model; nil keeps the deterministic cards.
    public var summarizer: SummarizerSettings?
    /// The SQLite history (`store:`); nil means `digest.sqlite` in the output folder.
    public var storePath: String?
    /// Cards shown as Top stories in a week (`top:`, default 7); the other kept stories are
    /// listed under "Also this week".
    public var top: Int = 7
    /// What the digest wants first (`focus:`): `token-market` (default: core stories before other
    /// AI news) and/or `ai` (every AI story competes for the top on its score alone).
    public var focus: [String] = ["token-market"]
    /// A relevance lexicon of the user's own (`relevance:`, JSON in the bundled file's shape).
    public var relevanceLexicon: String?

    /// The store's file when the output folder is `output`.
    public func storePath(output: String) -> String { storePath ?? output + "/digest.sqlite" }

    /// Creates a configuration.
    public init(path: String, sources: [FeedSource], site: SiteSettings = SiteSettings(),
                timeZone: TimeZone = TimeZone(identifier: "UTC")!, outputDirectory: String = "output",
                templatesDirectory: String? = nil, labelLanguage: String = "en",
                audiences: [AudienceRule] = [], email: EmailSettings = EmailSettings(),
                fetch: FetchSettings = FetchSettings()) {
        self.path = path
        self.sources = sources
        self.site = site
        self.timeZone = timeZone
        self.outputDirectory = outputDirectory
        self.templatesDirectory = templatesDirectory
        self.labelLanguage = labelLanguage
        self.audiences = audiences
        self.email = email
        self.fetch = fetch
    }
}
