import ArgumentParser
import DigestConfig
import DigestCore
import DigestFetch
import DigestStore
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
        @Flag(help: "Send the week again although it was sent before.") var again = false

        func validate() throws {
            if let w = week, ISOWeek(w) == nil { throw ValidationError("--week must look like 2026-W48") }
            if let n = now, RFC3339.date(from: n) == nil { throw ValidationError("--now must be RFC 3339") }
            for a in to where !a.contains("@") { throw ValidationError("--to '\(a)' is not an email address") }
        }

        /// The Message-ID header of a rendered message.
        static func messageID(_ text: String) -> String? {
            for line in text.split(separator: "\r\n").prefix(40) where line.lowercased().hasPrefix("message-id:") {
                return line.dropFirst("message-id:".count).trimmingCharacters(in: .whitespaces)
            }
            return nil
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
            // What was sent is in the store: a week is mailed twice only on purpose.
            let store = try DigestStore(path: cfg.storePath(output: output ?? cfg.outputDirectory), mustExist: true)
            if let before = try store.sendings(of: w).last, !again {
                throw InputReader.ReadError(stage: "email", source: path,
                                            problem: "already sent on \(RFC3339.string(from: before.at)) to \(before.recipients.joined(separator: ", "))"
                                                + " (\(before.messageID)); pass --again to send it again", exitStatus: .badInput)
            }
            let text = String(decoding: data, as: UTF8.self)
            let password = cfg.email.passwordEnv.flatMap { ProcessInfo.processInfo.environment[$0] }
            let sender = SMTPSender(url: smtp, username: cfg.email.username, password: password, timeoutSeconds: cfg.email.timeoutSeconds)
            try await sender.send(text, from: cfg.email.from, to: recipients)
            try store.recordSending(of: w, .init(messageID: Self.messageID(text) ?? "", recipients: recipients, at: Date()))
            Output.error("email: sent \(path) to \(recipients.joined(separator: ", "))")
        }
    }
}
