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

    func run() async throws {
        let cfg = try ConfigLoader.load(path: config)
        let site = (output ?? cfg.outputDirectory) + "/site"
        guard FileManager.default.fileExists(atPath: site + "/index.html") else {
            throw InputReader.ReadError(stage: "serve", source: site, problem: "no site here yet; run 'digest run' first",
                                        exitStatus: .badInput)
        }
        do {
            try await SitePreview(root: site).serve(port: port) { bound in
                Output.error("serve: \(site) at http://127.0.0.1:\(bound)/ (Ctrl-C to stop)")
            }
        } catch {
            throw InputReader.ReadError(stage: "serve", source: "127.0.0.1:\(port)", problem: "\(error)", exitStatus: .io)
        }
    }
}
