import DigestBytes
import DigestCore
import DigestMarkup
import Foundation

extension XMLPreflight {
    /// Replaces `&name;` for HTML names XML does not predefine with numeric references, and
    /// escapes bare ampersands ("?a=1&b=2" in a link), which would end a strict parse.
    /// CDATA sections are left as they are. The bytes are copied only when something changes.
    mutating func replaceHTMLEntities() {
        let fixed: [UInt8]? = data.withUnsafeBytes { raw -> [UInt8]? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
            let bytes = UnsafeBufferPointer(start: base, count: raw.count)
            let declared = ByteSearch.find(Self.entityDecl, in: UnsafeBufferPointer(rebasing: bytes.prefix(8192))) != nil
            return Self.entityFixes(bytes, declared: declared)
        }
        if let fixed { data = Data(fixed) }
    }

    /// The document with its entity references fixed, or nil when none needs fixing.
    static func entityFixes(_ bytes: UnsafeBufferPointer<UInt8>, declared: Bool) -> [UInt8]? {
        let base = bytes.baseAddress!, n = bytes.count
        var out: [UInt8]?
        var copied = 0, i = 0
        var cdata = nextCDATA(bytes, from: 0)
        while i < n, let hit = memchr(base + i, 38, n - i) {
            let a = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
            if cdata < a {  // skip the CDATA section that starts before this ampersand
                guard let close = ByteSearch.find(cdataClose, in: UnsafeBufferPointer(rebasing: bytes[(cdata + 9)...])) else { break }
                i = cdata + 9 + close + 3
                cdata = nextCDATA(bytes, from: i)
                continue
            }
            var j = a + 1
            while j < n, j - a <= 32, isNameByte(bytes[j]) { j += 1 }
            var replacement: [UInt8]?, consumed = 1
            if j < n, bytes[j] == 59, j > a + 1 {  // &name;
                if declared || isXMLEntity(UnsafeBufferPointer(rebasing: bytes[(a + 1)..<j])) {
                    i = a + 1
                    continue
                }
                let name = String(decoding: bytes[(a + 1)..<j], as: UTF8.self)
                if let cp = HTMLEntities.codePoints[name] {
                    replacement = Array("&#\(cp);".utf8)
                    consumed = j + 1 - a
                }
            } else if !(a + 1 < n && bytes[a + 1] == 35) {  // a bare ampersand, not &#…
                replacement = Array("&amp;".utf8)
            }
            if let replacement {
                if out == nil { out = []; out!.reserveCapacity(n + 64) }
                out!.append(contentsOf: bytes[copied..<a])
                out!.append(contentsOf: replacement)
                copied = a + consumed
            }
            i = a + consumed
        }
        guard var result = out else { return nil }
        result.append(contentsOf: bytes[copied..<n])
        return result
    }

    /// Offset of the next `<![CDATA[` at or after `from`, or `Int.max`.
    static func nextCDATA(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        guard from < bytes.count, let p = ByteSearch.find(cdataOpen, in: UnsafeBufferPointer(rebasing: bytes[from...])) else {
            return Int.max
        }
        return from + p
    }

    static let cdataOpen = Array("<![CDATA[".utf8), cdataClose = Array("]]>".utf8), entityDecl = Array("<!ENTITY".utf8)

    static let xmlEntities: [[UInt8]] = ["amp", "lt", "gt", "quot", "apos"].map { Array($0.utf8) }

    /// One of the five entities XML predefines (most references in feeds: escaped HTML).
    static func isXMLEntity(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.count <= 4 && xmlEntities.contains { $0.elementsEqual(name) }
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
    }
}
