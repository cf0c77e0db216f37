import ArgumentParser
import DigestConfig
import DigestCore
import DigestStore
import Foundation

/// `digest store check|snapshots|restore`: the history's health and the way back.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Check the stored history, list its snapshots, restore one.",
        subcommands: [Check.self, Snapshots.self, Restore.self])

    struct Location: ParsableArguments {
        @Option(help: "The feeds.yaml to read.") var config = "feeds.yaml"
        @Option(help: "Output folder (default: feeds.yaml's 'output').") var output: String?

        func paths() throws -> (output: String, store: String) {
            let cfg = try ConfigLoader.load(path: config)
            let out = output ?? cfg.outputDirectory
            return (out, cfg.storePath(output: out))
        }
    }

    /// `digest store check`: "ok", or the problem and exit 1.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check", abstract: "Check the store (PRAGMA quick_check).")
        @OptionGroup var location: Location

        func run() async throws {
            let store = try location.paths().store
            _ = try DigestStore(path: store, mustExist: true)
            Output.out("\(store): ok")
        }
    }

    /// `digest store snapshots`: newest first.
    struct Snapshots: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "snapshots", abstract: "List the store's snapshots, newest first.")
        @OptionGroup var location: Location

        func run() async throws {
            for s in DigestStore.snapshots(in: try location.paths().output + "/" + OutputLayout.snapshots) { Output.out(s) }
        }
    }

    /// `digest store restore [SNAPSHOT]`: the newest snapshot (or the one named) in place of the store.
    struct Restore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore", abstract: "Put the newest snapshot (or SNAPSHOT) in place of the store; the old file is kept as .replaced.")
        @OptionGroup var location: Location
        @Argument(help: "A snapshot file (default: the newest in OUTPUT/snapshots).") var snapshot: String?
        @Flag(help: "When another digest is using the output folder, wait for it (default: exit 5).") var wait = false

        func run() async throws {
            let (out, store) = try location.paths()
            let lock = try OutputAccess.hold(out, wait: wait)
            defer { withExtendedLifetime(lock) {} }
            guard let from = snapshot ?? DigestStore.snapshots(in: out + "/" + OutputLayout.snapshots).first else {
                throw StoreError(path: out + "/" + OutputLayout.snapshots, problem: "no snapshot to restore")
            }
            try DigestStore.restore(from, to: store)
            Output.error("store: \(store) restored from \(from)")
        }
    }
}
