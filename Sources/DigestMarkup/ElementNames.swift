/// A set of element names that a node's name is looked up in by its bytes, without making a
/// String: the names are kept by their first byte, so most elements are answered by one look.
/// `set.contains(node)` is `names.contains(where: node.isNamed)`.
public struct ElementNames: Sendable {
    /// The names (their bytes) by first byte.
    private let byFirst: [[[UInt8]]]

    /// The set of `names` (HTML names are lower-case in libxml2's tree).
    public init(_ names: [String]) {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for name in names where !name.isEmpty { table[Int(name.utf8.first!)].append(Array(name.utf8)) }
        byFirst = table
    }

    /// Whether `node` is named one of the names.
    public func contains(_ node: MarkupNode) -> Bool {
        guard let n = node.ptr.pointee.name else { return false }
        for name in byFirst[Int(n[0])] where Self.equal(n, name) { return true }
        return false
    }

    private static func equal(_ n: UnsafePointer<UInt8>, _ name: [UInt8]) -> Bool {
        for (i, byte) in name.enumerated() where n[i] != byte { return false }  // stops at n's end (0)
        return n[name.count] == 0
    }
}
