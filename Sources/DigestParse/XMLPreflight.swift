import DigestCore
import DigestEncoding
import DigestMarkup
import Foundation

/// Byte-level preparation of an XML feed before libxml2 sees it: stray leading bytes,
/// the effective encoding (BOM, HTTP charset, declaration, mislabels), invalid UTF-8 and
/// undeclared HTML named entities.
struct XMLPreflight {
    /// The bytes to parse.
    var data: Data
    /// The encoding libxml2 is told to use (nil: let it read BOM/declaration).
    var encoding: String?
    /// What was fixed.
    var warnings: [String] = []
    /// The bytes are valid UTF-8 (checked, repaired or decoded here).
    var validUTF8 = false

    init(_ input: Data, charset: String?) {
        data = input
        // EBCDIC ("<?xm" as 4C 6F A7 94): libxml2 reads the declaration itself; byte-level fixes
        // written for ASCII-compatible encodings would only break it.
        if input.starts(with: [0x4C, 0x6F, 0xA7, 0x94]) {
            let declared = XMLEncoding.declared(Data(input.prefix(256).map(XMLEncoding.ebcdicInvariant)))
            if let d = declared, !Charset.isSupported(d) {
                encoding = "IBM037"
                warnings.append("encoding '\(d)' read as IBM037")
            }
            return
        }
        stripLeadingJunk()
        let decided = XMLEncoding.decide(data, httpCharset: charset)
        data = decided.data
        warnings += decided.warnings
        validUTF8 = decided.validUTF8
        let bom = decided.bom
        encoding = decided.encoding
        if bom != "UTF-16LE", bom != "UTF-16BE" {
            replaceHTMLEntities()
            closeTruncatedCDATA()
        }
    }

    /// A document cut off inside a CDATA section (a truncated download) gets the section closed,
    /// so the text read so far is kept (libxml2's recovery drops an unterminated section).
    mutating func closeTruncatedCDATA() {
        let tail = data.suffix(1 << 16)
        guard let open = tail.range(of: Data("<![CDATA[".utf8), options: .backwards),
              tail.range(of: Data("]]>".utf8), in: open.upperBound..<tail.endIndex) == nil else { return }
        data.append(contentsOf: Array("]]>".utf8))
        warnings.append("the document ends inside a CDATA section: closed")
    }

    /// Removes whitespace or garbage before the first `<` (or the BOM).
    mutating func stripLeadingJunk() {
        let bytes = [UInt8](data.prefix(4096))
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return }
        var i = start
        while i < bytes.count, bytes[i] != UInt8(ascii: "<") { i += 1 }
        if i > start, i < bytes.count {
            data = data.prefix(start) + data.dropFirst(i)
            if bytes[start..<i].contains(where: { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13) }) {
                warnings.append("bytes before the XML declaration dropped")
            }
        }
    }
}
