@testable import DigestEncoding
import DigestTestSupport
import Foundation
import Testing

/// Decoding to UTF-8 goes on past bytes that do not decode, counting them.
struct CharsetTests {
    @Test func badBytesBecomeReplacementCharactersAndDecodingGoesOn() throws {
        // GB18030 "大模型" + a lead byte with no trail byte + "调用量"
        let gb: [UInt8] = [0xB4, 0xF3, 0xC4, 0xA3, 0xD0, 0xCD, 0x81, 0x20, 0xB5, 0xF7, 0xD3, 0xC3, 0xC1, 0xBF]
        let r = try #require(Charset.utf8(Data(gb), from: "GB18030"))
        #expect(String(decoding: r.bytes, as: UTF8.self) == "大模型\u{FFFD} 调用量")
        #expect(r.replaced == 1)
        let cut = try #require(Charset.utf8(Data(gb.prefix(3)), from: "GB18030"))  // cut inside a character
        #expect(String(decoding: cut.bytes, as: UTF8.self) == "大\u{FFFD}" && cut.replaced == 1)
        let utf8 = try #require(Charset.utf8(Data([0x61, 0xFF, 0x62]), from: "utf-8"))
        #expect(String(decoding: utf8.bytes, as: UTF8.self) == "a\u{FFFD}b" && utf8.replaced == 1)
        let latin = try #require(Charset.utf8(Data([0x80, 0x93, 0x41]), from: "windows-1252"))
        #expect(String(decoding: latin.bytes, as: UTF8.self) == "€“A" && latin.replaced == 0)
        #expect(Charset.utf8(Data([0x41]), from: "no-such-charset") == nil)
    }

    @Test func statefulEncodingsEndInTheInitialState() throws {
        // ISO-2022-JP: ESC $ B switches to JIS X 0208, ESC ( B back to ASCII.
        let jis: [UInt8] = [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x1B, 0x28, 0x42, 0x21]
        let r = try #require(Charset.utf8(Data(jis), from: "ISO-2022-JP"))
        #expect(String(decoding: r.bytes, as: UTF8.self) == "日本!" && r.replaced == 0)
    }

    @Test func largeInputsCrossTheBufferBoundary() throws {
        let text = String(repeating: "调用量增长，价格下降。", count: 20_000)
        let gb = try #require(Charset.utf8(Data(text.utf8), from: "UTF-8"))
        #expect(gb.replaced == 0 && gb.bytes == Data(text.utf8))
        let latin = String(repeating: "café ", count: 30_000)
        let bytes = Data(latin.unicodeScalars.map { UInt8($0.value) })
        let r = try #require(Charset.utf8(bytes, from: "ISO-8859-1"))
        #expect(String(decoding: r.bytes, as: UTF8.self) == latin)
    }
}
