import ArgumentParser
import DigestConfig
import DigestPublish
import Foundation

/// `digest serve`: preview the published site on 127.0.0.1.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve",
                                                    abstract: "Preview output/site on http://127.0.0.1:PORT/ until stopped.")

    @Option(help: "The feeds.yaml to read.") var config = "feeds.yaml"
    @Option(help: "Output folder (default: feeds.yaml's 'output').") var output: String?
    @Option(help: "Port on 127.0.0.1 (0 picks a free one).") var port: UInt16 = 8080
    @Option(help: "Seconds a client has to send its request.") var headerTimeout = 10.0
    @Option(help: "Seconds any one read or write may wait.") var idleTimeout = 5.0
    @Option(help: "Connections served at once; more are answered 503.") var maxConnections = 256

    func validate() throws {
        guard headerTimeout > 0, idleTimeout > 0 else { throw ValidationError("timeouts must be positive") }
        guard (1...4096).contains(maxConnections) else { throw ValidationError("--max-connections must be in 1...4096") }
    }

    func run() async throws {
        let cfg = try ConfigLoader.load(path: config)
        let site = (output ?? cfg.outputDirectory) + "/site"
        guard FileManager.default.fileExists(atPath: site + "/index.html") else {
            throw InputReader.ReadError(stage: "serve", source: site, problem: "no site here yet; run 'digest run' first",
                                        exitStatus: .badInput)
        }
        do {
            var preview = SitePreview(root: site)
            (preview.headerSeconds, preview.idleSeconds, preview.maxConnections) = (headerTimeout, idleTimeout, maxConnections)
            try await preview.serve(port: port) { bound in
                Output.error("serve: \(site) at http://127.0.0.1:\(bound)/ (Ctrl-C to stop)")
            }
        } catch {
            throw InputReader.ReadError(stage: "serve", source: "127.0.0.1:\(port)", problem: "\(error)", exitStatus: .io)
        }
    }
}
