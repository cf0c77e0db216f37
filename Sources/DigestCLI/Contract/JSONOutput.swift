import DigestCore
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

extension JSONOutput {
    /// A JSON string literal exactly as `encode` writes one (quotes, backslash, \b \f \n \r \t,
    /// other controls as lower-case \u00xx; slashes and non-ASCII left as they are), for hot
    /// paths that write JSON lines by hand.
    public static func quote(_ s: String) -> String {
        var w = JSONBytes()
        w.string(s)
        return w.result
    }

    static let hex: [UInt8] = Array("0123456789abcdef".utf8)
}
