import Foundation

/// The one place that writes to stdout and stderr.
enum Output {
    static func out(_ s: String) { out(bytes: Array(s.utf8)) }

    /// Writes a line given as UTF-8 bytes (a newline added unless it ends with one), straight
    /// from the buffer: a batch's lines can be megabytes.
    static func out(bytes: [UInt8]) { line(bytes, to: 1) }

    /// Writes `bytes` and a newline (unless they end with one) to a file descriptor, straight
    /// from the buffer.
    private static func line(_ bytes: [UInt8], to fd: Int32) {
        bytes.withUnsafeBytes { writeAll($0, to: fd) }
        if bytes.last != 10 { withUnsafeBytes(of: UInt8(10)) { writeAll($0, to: fd) } }
    }

    private static func writeAll(_ b: UnsafeRawBufferPointer, to fd: Int32) {
        var done = 0
        while done < b.count {
            let n = write(fd, b.baseAddress! + done, b.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return  // the stream is gone (closed pipe): nothing more can be said there
            }
            done += n
        }
    }

    static func error(_ s: String) { line(Array(s.utf8), to: 2) }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}
