import DigestCore
import Foundation

/// An OpenAI-compatible chat-completions endpoint (hosted APIs, OpenRouter, a llama.cpp, Ollama or
/// vLLM server), called through libcurl.
public struct ChatCompletionClient: Sendable {
    /// How the reply is asked to be JSON.
    public enum Structured: String, Sendable, CaseIterable {
        /// `response_format: {"type": "json_schema", …}` with the card's schema (OpenAI, vLLM, llama.cpp).
        case jsonSchema = "json_schema"
        /// `response_format: {"type": "json_object"}` (most servers that have a JSON mode).
        case jsonObject = "json_object"
        /// No `response_format`: the prompt alone asks for JSON.
        case none
    }

    /// One message of the conversation.
    public struct Message: Sendable, Equatable {
        /// `system`, `user` or `assistant`.
        public var role: String
        /// The text.
        public var content: String

        /// Creates a message.
        public init(role: String, content: String) {
            self.role = role
            self.content = content
        }
    }

    /// A reply and what it cost.
    public struct Reply: Sendable, Equatable {
        /// The assistant's text.
        public var content: String
        /// Prompt tokens, as the server counted them (nil when it did not say).
        public var promptTokens: Int?
        /// Completion tokens, as the server counted them.
        public var completionTokens: Int?
    }

    /// Base URL, e.g. `https://api.example.com/v1` (the client POSTs to `/chat/completions`).
    public var baseURL: String
    /// Model name.
    public var model: String
    /// Bearer token, if any (read from the environment by the caller; never logged).
    public var apiKey: String?
    /// Seconds per request.
    public var timeoutSeconds: Int
    /// Most completion tokens per reply (`max_tokens`).
    public var maxTokens: Int
    /// How JSON is asked for.
    public var structured: Structured
    /// The JSON schema (as JSON text) sent with `.jsonSchema`.
    public var schema: String?
    let fetcher: any Fetcher

    /// Creates a client.
    public init(baseURL: String, model: String, apiKey: String?, timeoutSeconds: Int = 60, maxTokens: Int = 1200,
                structured: Structured = .jsonObject, schema: String? = nil,
                fetcher: any Fetcher = CurlFetcher()) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.timeoutSeconds = timeoutSeconds
        self.maxTokens = maxTokens
        self.structured = structured
        self.schema = schema
        self.fetcher = fetcher
    }

    /// The request body for `messages` (temperature 0), keys sorted.
    public func body(_ messages: [Message]) throws -> Data {
        var payload: [String: Any] = [
            "model": model, "temperature": 0, "max_tokens": maxTokens,
            "messages": messages.map { ["role": $0.role, "content": $0.content] },
        ]
        switch structured {
        case .jsonObject: payload["response_format"] = ["type": "json_object"]
        case .jsonSchema:
            let parsed = try schema.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) } ?? [String: Any]()
            payload["response_format"] = ["type": "json_schema",
                                          "json_schema": ["name": "digest_card", "schema": parsed] as [String: Any]]
        case .none: break
        }
        return try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])
    }

    /// The assistant's reply to `messages`. Timeouts, 429 and 5xx are retried once (after the
    /// server's Retry-After when it gives one); then the error is thrown.
    public func complete(_ messages: [Message]) async throws -> Reply {
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        var req = FetchRequest(url: url + "/chat/completions", timeoutSeconds: timeoutSeconds, accept: "application/json",
                               retries: 1)
        req.body = try body(messages)
        req.headers = ["Content-Type: application/json"] + (apiKey.map { ["Authorization: Bearer \($0)"] } ?? [])
        let r = try await fetcher.fetch(req)
        guard let obj = try? JSONSerialization.jsonObject(with: r.body) as? [String: Any],  // not JSON: the error below
              let choices = obj["choices"] as? [[String: Any]],
              let message = choices.first?["message"] as? [String: Any], let content = message["content"] as? String
        else { throw FetchError(url: req.url, reason: .transport(code: 0, text: "not a chat-completions answer")) }
        let usage = obj["usage"] as? [String: Any]
        return Reply(content: content, promptTokens: usage?["prompt_tokens"] as? Int,
                     completionTokens: usage?["completion_tokens"] as? Int)
    }
}
