import DigestPipeline
import Foundation
import Logging

/// swift-log to stderr: one plain line per message ("fetch: 9 sources").
struct StderrLogHandler: LogHandler {
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let stage = event.metadata?["stage"].map { "\($0): " } ?? ""
        LiveLine.shared.clear()
        Output.error(stage + event.message.description)
    }
}

/// The pipeline's progress as log lines (info: steps; debug, with --verbose: every source), and
/// on a terminal a live fetch line: sources done/total, bytes, failures, rate.
struct LogProgress: ProgressSink {
    let logger: Logger
    let live: Bool

    /// `--quiet`: warnings only; `--verbose`: every source too.
    init(quiet: Bool, verbose: Bool, terminal: Bool) {
        var l = Logger(label: "digest") { _ in StderrLogHandler() }
        l.logLevel = quiet ? .warning : verbose ? .debug : .info
        logger = l
        live = terminal && !quiet && !verbose
    }

    func step(_ step: Step, _ detail: String) {
        logger.info("\(detail)", metadata: ["stage": "\(step.rawValue)"])
    }

    func sourceDone(_ line: SourceReport, tally: FetchTally) {
        let detail = "\(line.id): \(line.status.rawValue), \(line.bytes) bytes, \(line.items) items, \(line.attempts) attempt(s)"
            + (line.error.map { " — \($0)" } ?? "")
        logger.debug("\(detail)", metadata: ["stage": "source"])
        guard live else { return }
        let mb = String(format: "%.1f", Double(tally.bytes) / 1_048_576)
        let rate = tally.seconds > 0 ? String(format: "%.1f", Double(tally.done) / tally.seconds) : "–"
        LiveLine.shared.show("fetch  \(tally.done)/\(tally.total) sources · \(mb) MB · \(tally.failures) failed or stale · \(rate) sources/s",
                             final: tally.done == tally.total)
    }
}

/// The one line a terminal redraws in place.
final class LiveLine: @unchecked Sendable {
    // @unchecked Sendable: `shown` is guarded by `lock`.
    static let shared = LiveLine()
    private let lock = NSLock()
    private var shown = false

    func show(_ text: String, final: Bool) {
        lock.withLock {
            FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text + (final ? "\n" : "")).utf8))
            shown = !final
        }
    }

    func clear() {
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
            shown = false
        }
    }
}
