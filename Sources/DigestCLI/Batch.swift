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

    /// Runs `body` over the inputs, `jobs` at a time, and prints each result (UTF-8 bytes) in input order.
    /// With `jsonl` a failed input prints `{"error", "source"}` on its line and the batch goes on;
    /// without it the first failure ends the command.
    static func run(_ inputs: [String], jsonl: Bool, jobs: Int,
                    _ body: @escaping @Sendable (String) async throws -> [UInt8]) async throws {
        var worst = ExitStatus.ok
        func report(_ e: any DigestError, _ input: String) throws {
            Output.out(try JSONOutput.encode(["source": input, "error": e.message]))
            if e.exitStatus.rawValue > worst.rawValue { worst = e.exitStatus }
        }
        if jobs <= 1 || inputs.count == 1 {  // one at a time in this task: no hand-off between threads per input
            for input in inputs {
                do { Output.out(bytes: try await body(input)) } catch let e as any DigestError where jsonl { try report(e, input) }
            }
        } else {
            try await inParallel(inputs, jsonl: jsonl, width: jobs, body, report: report)
        }
        if worst != .ok { throw CommandFailure(status: worst) }
    }

    /// `width` inputs at a time in child tasks; lines still printed in input order.
    private static func inParallel(_ inputs: [String], jsonl: Bool, width: Int,
                                   _ body: @escaping @Sendable (String) async throws -> [UInt8],
                                   report: (any DigestError, String) throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Done.self) { group in
            var next = 0, printed = 0
            var finished: [Int: Result<[UInt8], any Error>] = [:]
            func start() {
                let i = next, input = inputs[i]
                next += 1
                group.addTask {
                    do { return Done(index: i, result: .success(try await body(input))) } catch { return Done(index: i, result: .failure(error)) }
                }
            }
            while next < min(width, inputs.count) { start() }
            while let done = try await group.next() {
                finished[done.index] = done.result
                while let r = finished.removeValue(forKey: printed) {
                    switch r {
                    case .success(let line): Output.out(bytes: line)
                    case .failure(let e as any DigestError) where jsonl: try report(e, inputs[printed])
                    case .failure(let e):
                        group.cancelAll()
                        throw e
                    }
                    printed += 1
                }
                // Keep `width` inputs in work, and at most a few dozen finished ones waiting for a slow one.
                while next < inputs.count, next - printed - finished.count < width, next - printed < width * 16 { start() }
            }
        }
    }

    /// One finished input. A struct, not a tuple: Swift 6.3.1 -O miscompiles a task group of
    /// `(Int, Result<String, any Error>)`: the index read back is garbage (CorpusTests compares
    /// `--jobs 1` with `--jobs 2` output line by line).
    struct Done: Sendable {
        let index: Int
        let result: Result<[UInt8], any Error>
    }

    /// Inputs worked on at once by default: one per core.
    static var defaultJobs: Int { ProcessInfo.processInfo.activeProcessorCount }
}
