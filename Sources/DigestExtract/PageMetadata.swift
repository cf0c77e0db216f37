import DigestCore
import DigestDates
import DigestMarkup
import Foundation

/// Title, byline and date of a page from its meta tags, JSON-LD, `<time>` and headings.
struct PageMetadata {
    var title: String?
    var byline: String?
    var published: Date?

    init(_ scan: PageScan) {
        func meta(_ names: [String], where keep: (String) -> Bool = { _ in true }) -> String? {
            for n in names {
                if let v = scan.metas[n]?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty, keep(v) {
                    return HTMLText.collapse(v)
                }
            }
            return nil
        }
        let pageTitle = PageScan.normalized(scan.title)
        title = meta(["og:title", "twitter:title"]) ?? PageScan.normalized(scan.h1) ?? pageTitle.map(PageMetadata.dropSiteSuffix)
        if let t = title, let pt = pageTitle, t == pt { title = PageMetadata.dropSiteSuffix(t) }
        byline = meta(["author", "article:author", "byl", "dc.creator"], where: PageMetadata.namesAPerson)
            ?? PageScan.normalized(scan.byline).flatMap { $0.count > 100 ? nil : $0 }
        let dateText = meta(["article:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date"])
            ?? JSONLD.datePublished(scan.jsonLD)
            ?? scan.timeDatetime
        published = dateText.flatMap(FeedDate.parse)
    }

    /// An author value that can name a person: not a profile URL (`https://www.facebook.com/…`,
    /// `www.site.cn,…`) and not a bare id (`L_104485`, `12345`).
    static func namesAPerson(_ v: String) -> Bool {
        let l = v.lowercased()
        if l.hasPrefix("http://") || l.hasPrefix("https://") || l.hasPrefix("www.") { return false }
        let letters = v.unicodeScalars.filter { $0.properties.isAlphabetic }.count
        let digits = v.unicodeScalars.filter { $0.value >= 48 && $0.value <= 57 }.count
        return letters > 0 && digits * 2 < letters + digits
    }

    /// "Headline | Site" → "Headline" (separators | - – — _ ｜ 丨 :: when the rest is shorter).
    static func dropSiteSuffix(_ t: String) -> String {
        for sep in [" | ", " - ", " – ", " — ", " _ ", "｜", "丨", "_", " :: "] {
            if let r = t.range(of: sep, options: .backwards) {
                let head = t[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
                let tail = t[r.upperBound...]
                if head.count > tail.count, head.count >= 4 { return head }
            }
        }
        return t
    }
}

/// `datePublished` from `<script type="application/ld+json">` blocks.
enum JSONLD {
    static func datePublished(_ scripts: [MarkupNode]) -> String? {
        for node in scripts {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(node.textContent.utf8)) else { continue }  // broken JSON-LD: try the next block
            if let d = find(obj) { return d }
        }
        return nil
    }

    static func find(_ obj: Any) -> String? {
        if let d = obj as? [String: Any] {
            if let v = d["datePublished"] as? String { return v }
            for v in d.values { if let r = find(v) { return r } }
        } else if let a = obj as? [Any] {
            for v in a { if let r = find(v) { return r } }
        }
        return nil
    }
}
