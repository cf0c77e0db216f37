import ArgumentParser
import DigestConfig
import DigestCore
import DigestStore
import Foundation

/// `digest status`: each source's last success, last error and next due time, from the store.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status",
                                                    abstract: "Show each source's fetch state: last success, last error, next due.")

    @Option(help: "The feeds.yaml to read.") var config = "feeds.yaml"
    @Option(help: "Output folder (default: feeds.yaml's 'output').") var output: String?
    @Option(help: "Clock for 'due now', RFC 3339 (default: now).") var now: String?
    @Flag(help: "Print JSON on stdout.") var json = false

    struct Row: Encodable {
        let id: String, url: String, lastSuccess: String?, lastAttempt: String?, lastError: String?
        let failures: Int, nextDue: String?, hasCopy: Bool, warnings: [String]
        let articlePages: Int, articleFailures: Int, articleError: String?

        enum CodingKeys: String, CodingKey {
            case id, url, failures, warnings
            case articlePages = "article_pages", articleFailures = "article_failures", articleError = "article_error"
            case lastSuccess = "last_success", lastAttempt = "last_attempt", lastError = "last_error", nextDue = "next_due"
            case hasCopy = "has_copy"
        }
    }

    func run() async throws {
        let cfg = try ConfigLoader.load(path: config)
        let clock = now.flatMap(RFC3339.date(from:)) ?? Date()
        let states = try DigestStore(path: cfg.storePath(output: output ?? cfg.outputDirectory), mustExist: true).sourceStates()
        let rows = cfg.sources.map { s -> Row in
            let st = states[s.id]
            return Row(id: s.id, url: s.url, lastSuccess: st?.lastSuccess.map(RFC3339.string(from:)),
                       lastAttempt: st?.lastAttempt.map(RFC3339.string(from:)), lastError: st?.lastError,
                       failures: st?.failures ?? 0, nextDue: st?.nextDue.map(RFC3339.string(from:)), hasCopy: st?.body != nil,
                       warnings: st?.warnings ?? [], articlePages: st?.articlePages ?? 0,
                       articleFailures: st?.articleFailures ?? 0, articleError: st?.articleError)
        }
        if json {
            Output.out(try JSONOutput.encode(rows))
            return
        }
        Output.out("SOURCE\tLAST SUCCESS\tFAILURES\tNEXT DUE\tARTICLES FAILED\tLAST ERROR")
        for r in rows {
            let due: String
            if let d = r.nextDue, let date = RFC3339.date(from: d), date > clock { due = d } else { due = "now" }
            let articles = r.articlePages == 0 ? "—" : "\(r.articleFailures)/\(r.articlePages)"
            Output.out("\(r.id)\t\(r.lastSuccess ?? "never")\t\(r.failures)\t\(due)\t\(articles)\t\(r.lastError ?? "—")")
            if r.articleFailures > 0, let e = r.articleError { Output.out("  article: \(e)") }
            for w in r.warnings { Output.out("  warning: \(w)") }
        }
    }
}
