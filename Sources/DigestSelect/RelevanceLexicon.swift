import DigestCore
import Foundation

/// The word lists relevance is judged by (`Resources/relevance.json`, data users edit): token-
/// market cues, AI cues, subjects of other sections, and the "tokens" that are not LLM tokens.
public struct RelevanceLexicon: Decodable, Sendable {
    /// Cues of the token market.
    public struct Core: Decodable, Sendable {
        let tokenWords: [String]
        let tokenContext: [String]
        let priceWords: [String]
        let apiWords: [String]
        let inferenceWords: [String]
        let routers: [String]
        let routerContext: [String]
        let plans: [String]

        enum CodingKeys: String, CodingKey {
            case tokenWords = "token_words", tokenContext = "token_context", priceWords = "price_words", apiWords = "api_words"
            case inferenceWords = "inference_words", routers, routerContext = "router_context", plans
        }
    }

    /// Cues of AI: strong ones name models, labs and products; compute ones chips, GPUs and data
    /// centres (AI, but their prices are no token prices); weak ones only say "AI".
    public struct AI: Decodable, Sendable {
        let strong: [String]
        let compute: [String]
        let weak: [String]
    }

    let core: Core
    let ai: AI
    let off: [String]
    let market: [String]
    let crypto: [String]
    let auth: [String]
    let roundup: [String]
    let roundupLeads: [String]

    enum CodingKeys: String, CodingKey {
        case core, ai, off, market, crypto, auth, roundup, roundupLeads = "roundup_leads"
    }

    /// The lexicon compiled into the program; a broken file is a build defect, so this traps with its name.
    public static let bundled: RelevanceLexicon = {
        (try? load(Data(PackageResources.relevance_json))) ?? { fatalError("DigestSelect: relevance.json is invalid") }()
    }()

    /// A lexicon from JSON in the bundled file's shape (a user's own copy).
    public static func load(_ data: Data) throws -> RelevanceLexicon {
        try JSONDecoder().decode(RelevanceLexicon.self, from: data)
    }

    /// The lexicon in the file at `path` (feeds.yaml's `relevance:`); a missing or malformed file
    /// is a `LexiconError` naming it and, for bad JSON, the key that is wrong.
    public static func load(path: String) throws -> RelevanceLexicon {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconError(path: path, problem: "cannot read the relevance lexicon")
        }
        do { return try load(data) } catch let DecodingError.keyNotFound(key, ctx) {
            throw LexiconError(path: path, problem: "missing key '\(LexiconError.keyPath(ctx.codingPath + [key]))'")
        } catch let DecodingError.typeMismatch(_, ctx) {
            throw LexiconError(path: path, problem: "'\(LexiconError.keyPath(ctx.codingPath))' has the wrong type (lists of words expected)")
        } catch {
            throw LexiconError(path: path, problem: "not valid JSON")
        }
    }
}

/// A relevance lexicon that cannot be used: `config: PATH: what`.
public struct LexiconError: DigestError {
    /// The file.
    public var path: String
    /// What is wrong.
    public var problem: String

    /// One line.
    public var message: String { "config: \(path): \(problem)" }
    /// Bad input, as any feeds.yaml mistake.
    public var exitStatus: ExitStatus { .badInput }

    static func keyPath(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
