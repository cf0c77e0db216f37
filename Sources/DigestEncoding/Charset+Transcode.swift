import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Decoding to UTF-8 that never stops at a bad byte. libxml2 gives up on the rest of a document
/// at the first byte sequence iconv cannot convert (a GB2312 page with one stray byte lost
/// 95% of its text), and reads a UTF-8 page with one invalid byte as Latin-1 from there on.
extension Charset {
    /// The bytes as UTF-8, decoded from the charset `name`: a sequence that does not decode
    /// becomes U+FFFD and decoding goes on. `replaced` counts them. Nil when iconv does not
    /// know `name`.
    public static func utf8(_ data: Data, from name: String) -> (bytes: Data, replaced: Int)? {
        let upper = name.uppercased().replacingOccurrences(of: "_", with: "-")
        if upper == "UTF-8" || upper == "UTF8" {
            if UTF8Check.isValid(data) { return (data, 0) }
            let text = String(decoding: data, as: UTF8.self)
            return (Data(text.utf8), text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count)
        }
        let cd = iconv_open("UTF-8", name)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var out = Data(capacity: data.count * 3 / 2 + 16)
        var replaced = 0
        let chunk = 65_536
        var buffer = [CChar](repeating: 0, count: chunk)
        data.withUnsafeBytes { raw in
            guard var inPtr = UnsafeMutablePointer(mutating: raw.bindMemory(to: CChar.self).baseAddress) else { return }
            var inLeft = raw.count
            while inLeft > 0 {
                let (status, err, produced) = buffer.withUnsafeMutableBufferPointer { buf -> (Int, Int32, Int) in
                    var outPtr: UnsafeMutablePointer<CChar>? = buf.baseAddress
                    var outLeft = chunk
                    var inP: UnsafeMutablePointer<CChar>? = inPtr
                    let r = iconv(cd, &inP, &inLeft, &outPtr, &outLeft)
                    inPtr = inP!
                    return (r, r == -1 ? errno : 0, chunk - outLeft)
                }
                buffer.withUnsafeBytes { out.append(contentsOf: $0.prefix(produced)) }
                if status != -1 { break }
                switch err {
                case E2BIG: continue  // the output buffer is full: go on with another
                default:  // EILSEQ (a bad sequence) or EINVAL (cut short at the end): U+FFFD, skip a byte
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    replaced += 1
                    inPtr += 1
                    inLeft -= 1
                }
            }
            // Stateful encodings (ISO-2022-JP) may owe a shift back to the initial state.
            buffer.withUnsafeMutableBufferPointer { buf in
                var outPtr: UnsafeMutablePointer<CChar>? = buf.baseAddress
                var outLeft = chunk
                _ = iconv(cd, nil, nil, &outPtr, &outLeft)
                out.append(contentsOf: UnsafeRawBufferPointer(start: buf.baseAddress, count: chunk - outLeft))
            }
        }
        return (out, replaced)
    }
}
