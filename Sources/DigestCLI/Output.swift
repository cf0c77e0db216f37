import Foundation

/// The one place that writes to stdout and stderr.
enum Output {
    static func out(_ s: String) {
        FileHandle.standardOutput.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
    }

    /// Writes a line given as UTF-8 bytes (a newline added unless it ends with one), straight
    /// from the buffer: a batch's lines can be megabytes.
    static func out(bytes: [UInt8]) {
        bytes.withUnsafeBytes { writeAll($0) }
        if bytes.last != 10 { withUnsafeBytes(of: UInt8(10)) { writeAll($0) } }
    }

    private static func writeAll(_ b: UnsafeRawBufferPointer) {
        var done = 0
        while done < b.count {
            let n = write(1, b.baseAddress! + done, b.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return  // stdout is gone (closed pipe): nothing more can be said there
            }
            done += n
        }
    }

    static func error(_ s: String) {
        FileHandle.standardError.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}
