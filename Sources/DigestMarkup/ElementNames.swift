/// A set of element names that a node's name is looked up in by its bytes, without making a
/// String: the names are kept by their first byte, so most elements are answered by one look.
/// `set.contains(node)` is `names.contains(where: node.isNamed)`; `set.index(of: node)` is
/// `names.firstIndex(where: node.isNamed)`.
public struct ElementNames: Sendable {
    /// The names (their bytes) and their places in the list, by first byte.
    private let byFirst: [[(name: [UInt8], index: Int)]]

    /// The set of `names` (HTML names are lower-case in libxml2's tree).
    public init(_ names: [String]) {
        var table = [[(name: [UInt8], index: Int)]](repeating: [], count: 256)
        for (i, name) in names.enumerated() where !name.isEmpty { table[Int(name.utf8.first!)].append((Array(name.utf8), i)) }
        byFirst = table
    }

    /// Whether `node` is named one of the names.
    public func contains(_ node: MarkupNode) -> Bool { index(of: node) != nil }

    /// The place in the list of the first name that is `node`'s, if any.
    public func index(of node: MarkupNode) -> Int? {
        guard let n = node.ptr.pointee.name else { return nil }
        for entry in byFirst[Int(n[0])] where MarkupNode.equal(n, entry.name) { return entry.index }
        return nil
    }
}
