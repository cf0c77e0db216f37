import Foundation

/// The one JSON style of every machine-readable output: sorted keys, no escaped slashes.
public enum JSONOutput {
    /// Encodes a value; `pretty` adds indentation.
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = false) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
                                    : [.sortedKeys, .withoutEscapingSlashes]
        let data = try e.encode(value)
        return String(decoding: data, as: UTF8.self)
    }
}
