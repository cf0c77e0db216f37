import DigestFiles
import Foundation

/// Files to publish, by path relative to a root, in a stable order.
public struct FileSet: Sendable {
    /// Relative path → content.
    public private(set) var files: [String: Data] = [:]

    /// An empty set.
    public init() {}

    /// Adds text; a path that could escape the root is refused.
    public mutating func add(_ relative: String, _ text: String) throws {
        try add(relative, Data(text.utf8))
    }

    /// Adds bytes; a path that could escape the root is refused.
    public mutating func add(_ relative: String, _ data: Data) throws {
        guard SafePath.isSafe(relative) else { throw FileError(path: relative, problem: "unsafe output path refused") }
        files[relative] = data
    }

    /// Paths sorted.
    public var paths: [String] { files.keys.sorted() }
}
