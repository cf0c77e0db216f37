@testable import DigestBytes
@testable import DigestCore
@testable import DigestDates
import DigestTestSupport
import Foundation
import Testing

/// The byte-level reader of the two usual date shapes must read every date it accepts exactly
/// as the general readers do, and must accept the usual shapes (else it saves nothing).
struct FastDateTests {
    /// Dates as feeds write them: our table, every date element of the corpus feeds (when
    /// ../shared is present), and generated shapes with their near misses.
    static let corpusDates: [String] = {
        var out: [String] = []
        if let shared = TestPaths.shared {
            let feeds = shared.appendingPathComponent("corpus/feeds")
            let pattern = try! NSRegularExpression(
                pattern: "<(pubDate|published|updated|dc:date|dcterms:modified|dcterms:issued|lastBuildDate|modified|issued|created)>([^<]{1,80})<")
            for case let url as URL in FileManager.default.enumerator(at: feeds, includingPropertiesForKeys: nil)! {
                guard let data = try? Data(contentsOf: url), data.count < 4_000_000 else { continue }
                let text = String(decoding: data, as: UTF8.self)
                for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    out.append(String(text[Range(m.range(at: 2), in: text)!]))
                }
            }
        }
        return out
    }()

    static func samples() -> [String] {
        var out = DateDialectTests.rows.map(\.0) + corpusDates
        var rng = SplitMix(seed: 7)
        let days = ["Mon, ", "Tue, ", "wed, ", "THU, ", "Fri,", "Sat ", "Sun, ", "", "Tuesday, ", "Xyz, "]
        let months = ["Jan", "feb", "MAR", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Foo", "June"]
        let zones = ["", " GMT", " UT", " UTC", " Z", " z", " EST", " pdt", " +0000", " -0530", " +08:00", " +08", " +1500",
                     " +0060", " XYZ", " GMT+1", " +08:00 (CST)", "  GMT", " M", " A"]
        let times = ["10:00:00", "23:59:60", "24:00:00", "25:00:00", "10:00", "9:00:00", "10:60:00", "10:00:61", "10::00"]
        for _ in 0..<3_000 {
            let day = ["1", "01", "9", "24", "31", "32", "0", "00", "123"][Int(rng.next() % 9)]
            let year = ["2026", "26", "1999", "0999", "1600", "20260"][Int(rng.next() % 6)]
            out.append(days[Int(rng.next() % 10)] + day + " " + months[Int(rng.next() % 15)] + " " + year + " "
                       + times[Int(rng.next() % 9)] + zones[Int(rng.next() % 20)])
            let iso = ["2026-11-24", "2026-13-01", "0999-01-01", "2026-02-30", "2026-1-24"][Int(rng.next() % 5)]
            let sep = ["T", "t", " ", "  ", "_"][Int(rng.next() % 5)]
            let frac = ["", ".5", ",123", ".", ".x"][Int(rng.next() % 5)]
            let isoZone = ["", "Z", "z", "+08:00", "-0500", "+08", "  +0800", " GMT", "+8", "+08:00x", "Zjunk", " +0800 CST"][Int(rng.next() % 12)]
            out.append(iso + sep + times[Int(rng.next() % 9)] + frac + isoZone)
        }
        // One-byte changes of what we have so far: the guards must hold at every position.
        for s in out.prefix(400) where !s.isEmpty {
            var b = Array(s.utf8)
            b[Int(rng.next() % UInt64(b.count))] = [32, 44, 45, 58, 43, 48, 57, 65, 122, 9][Int(rng.next() % 10)]
            out.append(String(decoding: b, as: UTF8.self))
        }
        return out
    }

    @Test func readsWhatItAcceptsAsTheGeneralReadersDo() {
        var accepted = 0, total = 0
        for raw in Self.samples() where raw.utf8.allSatisfy({ $0 < 0x80 }) {
            total += 1
            var s = raw.trimmingSpace()
            guard let fast = s.withUTF8(FastDate.parse) else { continue }
            accepted += 1
            let general = FeedDate.general(raw, ascii: true)
            #expect(general == fast, "'\(raw)': fast \(fast), general \(String(describing: general))")
        }
        #expect(accepted > (TestPaths.shared == nil ? 200 : 500), "fast path took \(accepted) of \(total)")
    }

    /// Dates read from a text node's bytes (no String made) read as `parse` reads the text,
    /// padded with white space, non-ASCII text included (left to `parse`).
    @Test func bytesReadAsTheStringIsRead() {
        var read = 0
        for raw in Self.samples() {
            for padded in [raw, " \n\t" + raw + "\r\n ", "\u{A0}" + raw] {
                var copy = padded
                guard let fromBytes = copy.withUTF8(FeedDate.fromASCII) else { continue }
                read += 1
                #expect(FeedDate.parse(padded) == fromBytes, "'\(padded.debugDescription)'")
            }
        }
        #expect(read > (TestPaths.shared == nil ? 400 : 1_000), "read \(read) from bytes")
    }

    /// The usual shapes are most real feed dates: the fast reader is used, not bypassed.
    @Test(.enabled(if: TestPaths.shared != nil, "../shared is absent: no corpus dates to read"))
    func takesMostCorpusDates() {
        let ascii = Self.corpusDates.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        let fast = ascii.filter { var s = $0.trimmingSpace(); return s.withUTF8(FastDate.parse) != nil }
        print("FastDate: \(fast.count) of \(ascii.count) corpus dates")
        #expect(fast.count * 10 > ascii.count * 9)
    }

    @Test func usualShapes() {
        for s in ["Tue, 24 Nov 2026 10:00:00 GMT", "24 Nov 2026 10:00 +0100", "2026-11-24T10:00:00Z",
                  "2026-06-19 18:01:25  +0800", "2026-11-24T10:00:00.123-05:00"] {
            var t = s
            #expect(t.withUTF8(FastDate.parse) != nil, "\(s)")
        }
    }
}
