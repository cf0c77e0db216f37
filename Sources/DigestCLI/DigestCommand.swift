import ArgumentParser
import DigestCore
import DigestMarkup
import Foundation

/// The `digest` command line.
public struct DigestCommand: AsyncParsableCommand {
    /// The command tree.
    public static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "A weekly digest of the AI token market from feeds and pages.",
        version: DigestVersion.current,
        subcommands: [RunCommand.self, ParseCommand.self, ExtractCommand.self, MetricsCommand.self,
                      SummarizeCommand.self, RecapCommand.self, ServeCommand.self, FetchCommand.self, StatusCommand.self,
                      EmailCommand.self, RelevanceCommand.self, StoreCommand.self, InitCommand.self, SourcesCommand.self]
    )

    /// Creates the command.
    public init() {}

    /// Runs the command line with the exit statuses of CONTRACTS.md (usage errors exit 2, not 64).
    public static func start() async {
        // DIGEST_ARENA=off: libxml2 on plain malloc (to tell an arena problem from any other).
        if ProcessInfo.processInfo.environment["DIGEST_ARENA"] == "off" { MarkupArena.setEnabled(false) }
        do {
            var command = try parseAsRoot()
            if var async = command as? AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
        } catch let e as any DigestError {
            Output.error(e.message)
            Foundation.exit(e.exitStatus.rawValue)
        } catch let e as CommandFailure {
            Foundation.exit(e.status.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Output.out(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { Output.error(message) }
            Foundation.exit(code == .validationFailure ? ExitStatus.usage.rawValue : code.rawValue)
        }
    }
}

/// A failure already reported on stderr; only the exit status is left to set.
struct CommandFailure: Error {
    let status: ExitStatus
}
