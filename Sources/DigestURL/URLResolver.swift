import DigestBytes
import Foundation

/// Resolution of relative references (RFC 3986) and tracking-parameter clean-up.
public enum URLResolver {
    /// The scheme of an absolute URL, lower-cased; nil for a relative reference.
    public static func scheme(of url: String) -> String? { readScheme(url, named: true) }

    /// Whether the URL begins with a scheme (`scheme(of:) != nil`), without making its name.
    public static func hasScheme(_ url: String) -> Bool { readScheme(url, named: false) != nil }

    /// The scheme lower-cased, or "" for any scheme when `named` is false; nil when none.
    private static func readScheme(_ url: String, named: Bool) -> String? {
        // ASCII up to and after the first ":" (nearly every URL): read from the bytes.
        let ascii: String?? = url.withUTF8Bytes { b in
            guard let colon = b.firstIndex(of: 58) else { return .some(nil) }
            guard colon + 1 >= b.count || b[colon + 1] < 0x80, !b[..<colon].contains(where: { $0 >= 0x80 }) else {
                return nil  // a non-ASCII scheme, or a mark that may join the ":": the Character way
            }
            func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 97 && (c | 0x20) <= 122 }
            guard colon > 0, isLetter(b[0]), b[..<colon].allSatisfy({
                isLetter($0) || ($0 >= 48 && $0 <= 57) || $0 == 43 || $0 == 45 || $0 == 46
            }) else { return .some(nil) }
            guard named else { return .some("") }
            return .some(String(decoding: b[..<colon].map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self))
        }
        if let ascii { return ascii }
        return schemeOfCharacters(url)
    }

    /// `scheme(of:)` read Character by Character (any Unicode letter may start a scheme).
    static func schemeOfCharacters(_ url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let s = url[..<colon]
        guard let first = s.first, first.isLetter,
              s.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) else { return nil }
        return s.lowercased()
    }

    /// `ref` made absolute against `base`; `ref` itself when already absolute; nil when it cannot be.
    public static func resolve(_ ref: String, against base: String?) -> String? {
        let r = ref.trimmingSpace()
        if r.isEmpty { return base }
        if hasScheme(r) { return r }
        guard let base, hasScheme(base), let b = URL(string: base) ?? URL(string: encodeLoosely(base)),
              let u = URL(string: r, relativeTo: b) ?? URL(string: encodeLoosely(r), relativeTo: b) else { return nil }
        return u.absoluteURL.absoluteString
    }

    /// Percent-encodes characters Foundation refuses in URLs (spaces, non-ASCII).
    static func encodeLoosely(_ s: String) -> String {
        var allowed = CharacterSet.urlFragmentAllowed
        allowed.insert(charactersIn: "#%")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    /// Query parameters that only track the reader (`utm_*`, 36Kr's `f=rss`, …).
    static let trackingKeys: Set<String> = ["f", "utm_source", "utm_medium", "utm_campaign", "utm_term",
                                            "utm_content", "spm", "from", "ref", "fbclid", "gclid"]

    /// The URL without tracking parameters and fragment, for identifying a story.
    public static func canonical(_ url: String) -> String {
        guard var c = URLComponents(string: url) else { return url }
        c.fragment = nil
        if let items = c.queryItems {
            let kept = items.filter { !trackingKeys.contains($0.name.lowercased()) && !$0.name.hasPrefix("utm_") }
            c.queryItems = kept.isEmpty ? nil : kept
        }
        c.host = c.host?.lowercased()
        return c.string ?? url
    }
}
