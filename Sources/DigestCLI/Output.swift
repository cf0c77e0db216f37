import Foundation

/// The one place that writes to stdout and stderr.
enum Output {
    static func out(_ s: String) {
        FileHandle.standardOutput.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
    }

    static func error(_ s: String) {
        FileHandle.standardError.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}
