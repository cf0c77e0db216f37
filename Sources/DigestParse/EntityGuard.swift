import Foundation

/// Detects entity-expansion bombs: an internal DTD whose entities reference other entities
/// many times over (the "billion laughs" family). libxml2 is never asked to substitute
/// entities, but reading a node's text would still expand them; such documents are refused.
enum EntityGuard {
    static func isExpansionBomb(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(64 * 1024), as: UTF8.self)
        guard let start = head.range(of: "<!DOCTYPE"), let end = head.range(of: "]>", range: start.upperBound..<head.endIndex)
        else { return false }
        let dtd = head[start.upperBound..<end.lowerBound]
        var nestedRefs = 0
        for decl in dtd.components(separatedBy: "<!ENTITY").dropFirst() {
            let body = decl.prefix { $0 != ">" }
            let refs = body.components(separatedBy: "&").count - 1
            if refs >= 2 { nestedRefs += refs }
            if body.contains("SYSTEM") || body.contains("PUBLIC") { continue }
        }
        return nestedRefs >= 10
    }
}
