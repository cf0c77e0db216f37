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
        var copy = s
        return copy.withUTF8 { bytes in
            // Fast path: nothing to escape, one copy between quotes.
            guard bytes.contains(where: { $0 < 32 || $0 == 34 || $0 == 92 }) else {
                return "\"" + s + "\""
            }
            var out: [UInt8] = [34]
            out.reserveCapacity(bytes.count + 16)
            for b in bytes {
                switch b {
                case 34: out += [92, 34]
                case 92: out += [92, 92]
                case 8: out += [92, 98]
                case 12: out += [92, 102]
                case 10: out += [92, 110]
                case 13: out += [92, 114]
                case 9: out += [92, 116]
                case 0..<32: out += [92, 117, 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]]
                default: out.append(b)
                }
            }
            out.append(34)
            return String(decoding: out, as: UTF8.self)
        }
    }

    static let hex: [UInt8] = Array("0123456789abcdef".utf8)
}
