import Foundation

/// Links of published pages.
public enum SiteLinks {
    /// Relative links of every page in `site` that do not resolve to a file.
    public static func broken(in site: URL) throws -> [String] {
        var broken: [String] = []
        let fm = FileManager.default
        let e = fm.enumerator(at: site, includingPropertiesForKeys: nil)
        while let u = e?.nextObject() as? URL {
            guard u.pathExtension == "html" else { continue }
            let html = try String(contentsOf: u, encoding: .utf8)
            for part in html.components(separatedBy: "href=\"").dropFirst() {
                let link = String(part.prefix { $0 != "\"" })
                if link.contains("://") || link.hasPrefix("mailto:") || link.hasPrefix("#") { continue }
                let target = u.deletingLastPathComponent().appendingPathComponent(link.removingPercentEncoding ?? link)
                    .standardized
                if !fm.fileExists(atPath: target.path) { broken.append("\(u.lastPathComponent) → \(link)") }
            }
        }
        return broken
    }
}
