import DigestCore
import Foundation

/// The batch form shared by `parse`, `extract` and `summarize`: one document per input, and with
/// `--jsonl` a failed input prints `{"source", "error"}` on its line; the exit status is the worst.
enum Batch {
    static func run(_ inputs: [String], jsonl: Bool, _ body: (String) async throws -> Void) async throws {
        var worst = ExitStatus.ok
        for input in inputs {
            do {
                try await body(input)
            } catch let e as any DigestError {
                guard jsonl else { throw e }
                Output.out(try JSONOutput.encode(["source": input, "error": e.message]))
                if e.exitStatus.rawValue > worst.rawValue { worst = e.exitStatus }
            }
        }
        if worst != .ok { throw CommandFailure(status: worst) }
    }
}
