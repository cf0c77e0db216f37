import DigestCore
import DigestFetch
import Foundation

/// Reads a SOURCE argument: a file path, `-` for stdin, or an http(s) URL (through libcurl).
struct InputReader {
    struct Input {
        let data: Data
        let url: String?
        let charset: String?
    }

    struct ReadError: DigestError {
        let stage: String
        let source: String
        let problem: String
        let exitStatus: ExitStatus
        var message: String { "\(stage): \(source): \(problem)" }
    }

    let stage: String

    func read(_ source: String, baseURL: String?) async throws -> Input {
        if source == "-" {
            return Input(data: FileHandle.standardInput.readDataToEndOfFile(), url: baseURL, charset: nil)
        }
        let lower = source.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            let r = try await CurlFetcher().fetch(FetchRequest(url: source))
            return Input(data: r.body, url: r.finalURL, charset: r.charset)
        }
        guard let data = FileManager.default.contents(atPath: source) else {
            let exists = FileManager.default.fileExists(atPath: source)
            throw ReadError(stage: stage, source: source, problem: exists ? "cannot read the file" : "no such file",
                            exitStatus: .io)
        }
        return Input(data: data, url: baseURL, charset: nil)
    }
}
