/// A stable part of a source list, so several machines can split a very large one
/// (`--shard 2/4`): a source belongs to shard `(hash(id) mod count) + 1`, whatever the order
/// or length of the list.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// This shard, 1-based.
    public var index: Int
    /// Shards in all.
    public var count: Int

    /// Reads "K/N" with 1 ≤ K ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else { return nil }
        index = k
        count = n
    }

    /// Whether the source with this id is in the shard.
    public func contains(_ sourceID: String) -> Bool {
        Int(StableHash.value(sourceID) % UInt64(count)) + 1 == index
    }

    /// "2/4".
    public var description: String { "\(index)/\(count)" }
}
