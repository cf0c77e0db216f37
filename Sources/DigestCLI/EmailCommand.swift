import ArgumentParser
import DigestConfig
import DigestCore
import DigestFetch
import Foundation

/// `digest email send [--config F] [--week W] [--to ADDR] [--output DIR]`
struct EmailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "email", abstract: "Send the weekly email.",
                                                    subcommands: [SendCommand.self])

    struct SendCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "send",
            abstract: "Send output/email/<week>.eml over SMTP (STARTTLS except on loopback); exit 3 on failure.")

        @Option(help: "The feeds.yaml to read.") var config = "feeds.yaml"
        @Option(help: "Output folder (default: feeds.yaml's 'output').") var output: String?
        @Option(help: "ISO week (default: the last complete week).") var week: String?
        @Option(help: "Send to this address instead of feeds.yaml's 'to'.") var to: [String] = []
        @Option(help: "Fixed clock, RFC 3339, for the default week.") var now: String?
        @Flag(help: "When another digest is using the output folder, wait for it (default: exit 5).") var wait = false

        func validate() throws {
            if let w = week, ISOWeek(w) == nil { throw ValidationError("--week must look like 2026-W48") }
            if let n = now, RFC3339.date(from: n) == nil { throw ValidationError("--now must be RFC 3339") }
            for a in to where !a.contains("@") { throw ValidationError("--to '\(a)' is not an email address") }
        }

        func run() async throws {
            let cfg = try ConfigLoader.load(path: config)
            let clock = now.flatMap(RFC3339.date(from:)) ?? Date()
            let w = week.flatMap(ISOWeek.init) ?? ISOWeek.lastComplete(before: clock, in: cfg.timeZone)
            let lock = try OutputAccess.hold(output ?? cfg.outputDirectory, wait: wait)
            defer { withExtendedLifetime(lock) {} }
            let path = (output ?? cfg.outputDirectory) + "/email/\(w).eml"
            guard let data = FileManager.default.contents(atPath: path) else {
                throw InputReader.ReadError(stage: "email", source: path, problem: "no such file; run 'digest run --week \(w)' first",
                                            exitStatus: .badInput)
            }
            guard let smtp = cfg.email.smtpURL else {
                throw InputReader.ReadError(stage: "email", source: cfg.path, problem: "no 'email.smtp_url' configured",
                                            exitStatus: .badInput)
            }
            let recipients = to.isEmpty ? cfg.email.to : to
            guard !recipients.isEmpty else {
                throw InputReader.ReadError(stage: "email", source: cfg.path, problem: "no recipients ('email.to' or --to)",
                                            exitStatus: .badInput)
            }
            let password = cfg.email.passwordEnv.flatMap { ProcessInfo.processInfo.environment[$0] }
            let sender = SMTPSender(url: smtp, username: cfg.email.username, password: password)
            try await sender.send(String(decoding: data, as: UTF8.self), from: cfg.email.from, to: recipients)
            Output.error("email: sent \(path) to \(recipients.joined(separator: ", "))")
        }
    }
}
