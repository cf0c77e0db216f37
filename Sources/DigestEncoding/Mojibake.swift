import Foundation

/// Text garbled by decoding it with the wrong charset, put right.
public enum Mojibake {
    /// Text whose every character is below U+0100 and whose code points, taken as bytes, are
    /// valid UTF-8 was UTF-8 decoded twice: the bytes are decoded once more. Anything else is
    /// returned as it is, except that C1 control characters left (U+0080–U+009F, never text) are
    /// windows-1252 bytes decoded as ISO-8859-x: read as windows-1252 ("\u{80}" → "€").
    ///
    /// The rule, plainly; `undoubled(_:)` (Mojibake+FastPath.swift) gives the same from the bytes.
    public static func plainUndoubled(_ s: String) -> String {
        let v = s.unicodeScalars.map(\.value)
        if v.allSatisfy({ $0 < 0x80 }) { return s }
        if v.allSatisfy({ $0 < 0x100 }), let fixed = String(validating: v.map { UInt8($0) }, as: UTF8.self) { return fixed }
        guard v.contains(where: { (0x80..<0xA0).contains($0) }) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.map { c in
            MixedEncoding.cp1252[UInt8(truncatingIfNeeded: c.value)].flatMap { c.value < 0xA0 ? Unicode.Scalar($0) : nil } ?? c
        }))
    }
}
