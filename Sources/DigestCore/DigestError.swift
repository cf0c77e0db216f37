/// Exit statuses of CONTRACTS.md.
public enum ExitStatus: Int32, Sendable {
    /// Success.
    case ok = 0
    /// The input was bad.
    case badInput = 1
    /// Usage error.
    case usage = 2
    /// A fetch or I/O failure.
    case io = 3
    /// The run worked but the week has nothing to publish (no item, or none that belongs): the
    /// site, archive and email are left as they were.
    case nothingToPublish = 4
    /// Another digest holds the output folder's lock (pass `--wait` to wait for it).
    case busy = 5
}

/// The error protocol every module's error type conforms to.
///
/// `message` is one lowercase line prefixed with the stage, e.g.
/// `parse: feed.xml:12: not well-formed XML`.
public protocol DigestError: Error, CustomStringConvertible, Sendable {
    /// The one-line message shown to people.
    var message: String { get }
    /// The exit status this error maps to.
    var exitStatus: ExitStatus { get }
}

extension DigestError {
    /// Same as `message`.
    public var description: String { message }
}
