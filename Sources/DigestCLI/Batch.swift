import DigestCore
import Foundation

/// The batch form shared by `parse`, `extract` and `summarize`: one document per input, and with
/// `--jsonl` a failed input prints `{"source", "error"}` on its line; the exit status is the worst.
enum Batch {
    /// The command-line inputs, then those listed one per line in `filesFrom` (blank lines skipped).
    static func inputs(_ arguments: [String], filesFrom: String?) throws -> [String] {
        guard let list = filesFrom else { return arguments }
        let data = list == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: list)
        guard let data else {
            throw InputReader.ReadError(stage: "batch", source: list, problem: "cannot read the list of inputs", exitStatus: .badInput)
        }
        return arguments + String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

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
