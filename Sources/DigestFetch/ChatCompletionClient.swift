import DigestCore
import Foundation

/// An OpenAI-compatible chat-completions endpoint, called through libcurl.
public struct ChatCompletionClient: Sendable {
    /// Base URL, e.g. `https://api.example.com/v1` (the client POSTs to `/chat/completions`).
    public var baseURL: String
    /// Model name.
    public var model: String
    /// Bearer token, if any.
    public var apiKey: String?
    /// Seconds per request.
    public var timeoutSeconds: Int
    let fetcher: any Fetcher

    /// Creates a client.
    public init(baseURL: String, model: String, apiKey: String?, timeoutSeconds: Int = 60,
                fetcher: any Fetcher = CurlFetcher()) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.timeoutSeconds = timeoutSeconds
        self.fetcher = fetcher
    }

    /// The assistant's reply to a system and a user message (temperature 0).
    public func complete(system: String, user: String) async throws -> String {
        let payload: [String: Any] = [
            "model": model, "temperature": 0,
            "messages": [["role": "system", "content": system], ["role": "user", "content": user]],
        ]
        let body = try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        var req = FetchRequest(url: url + "/chat/completions", timeoutSeconds: timeoutSeconds, accept: "application/json",
                               retries: 1)
        req.body = body
        req.headers = ["Content-Type: application/json"] + (apiKey.map { ["Authorization: Bearer \($0)"] } ?? [])
        let r = try await fetcher.fetch(req)
        guard let obj = try? JSONSerialization.jsonObject(with: r.body) as? [String: Any],  // not JSON: the error below
              let choices = obj["choices"] as? [[String: Any]],
              let message = choices.first?["message"] as? [String: Any], let content = message["content"] as? String
        else { throw FetchError(url: req.url, reason: .transport(code: 0, text: "not a chat-completions answer")) }
        return content
    }
}
