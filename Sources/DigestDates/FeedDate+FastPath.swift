import DigestCore
import Foundation

/// The two shapes nearly every feed date has, read straight from the bytes of an ASCII string:
/// RFC 822 (`Wed, 03 Aug 2005 18:00:00 GMT`, `3 Aug 2005 18:00 +0100`) and ISO 8601 with a time
/// (`2026-06-19T18:01:25.5+08:00`, 36Kr's `2026-06-19 18:01:25  +0800`).
///
/// nil means "not one of these shapes": the caller goes on to the general readers. Whatever
/// this accepts, the general readers read the same way (`FastDateTests` compares them).
enum FastDate {
    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Date? {
        guard let first = b.first else { return nil }
        return isDigit(first) && b.count >= 19 && b[4] == 45 ? iso(b) : rfc822(b)
    }

    /// `YYYY-MM-DD[T ]HH:MM:SS[.fff][ *zone]`.
    static func iso(_ b: UnsafeBufferPointer<UInt8>) -> Date? {
        guard let y = number(b, 0, 4), y >= 1000, b[7] == 45, let mo = number(b, 5, 2), let d = number(b, 8, 2),
              b[10] == 84 || b[10] == 116 || b[10] == 32, let h = number(b, 11, 2), b[13] == 58,
              let mi = number(b, 14, 2), b[16] == 58, let s = number(b, 17, 2) else { return nil }
        var i = 19
        if i < b.count, b[i] == 46 || b[i] == 44 {
            i += 1
            while i < b.count, isDigit(b[i]) { i += 1 }
        }
        while i < b.count, b[i] == 32 || b[i] == 9 { i += 1 }
        var offset = 0
        if i < b.count {
            guard let z = zone(b, from: i) else { return nil }
            offset = z
        }
        return Calendar.utcDate(year: y, month: mo, day: d, hour: h, minute: mi, second: s, offsetSeconds: offset)
    }

    /// `[Www, ]D[D] Mon YYYY HH:MM[:SS][ zone]`, single spaces.
    static func rfc822(_ b: UnsafeBufferPointer<UInt8>) -> Date? {
        var i = 0
        if b.count > 5, isLetter(b[0]) {
            guard weekdays.contains(lower3(b, 0)), b[3] == 44, b[4] == 32 else { return nil }
            i = 5
        }
        let dayLength = i + 1 < b.count && isDigit(b[i + 1]) ? 2 : 1
        guard let day = number(b, i, dayLength), day >= 1, day <= 31, at(b, i + dayLength) == 32 else { return nil }
        i += dayLength + 1
        guard i + 4 <= b.count, let month = months.firstIndex(of: lower3(b, i)), b[i + 3] == 32 else { return nil }
        i += 4
        guard let year = number(b, i, 4), at(b, i + 4) == 32 else { return nil }
        i += 5
        guard let h = number(b, i, 2), h < 25, at(b, i + 2) == 58, let mi = number(b, i + 3, 2), mi < 60 else { return nil }
        i += 5
        var s = 0
        if at(b, i) == 58 {
            guard let se = number(b, i + 1, 2), se < 61 else { return nil }
            s = se
            i += 3
        }
        var offset = 0
        if i < b.count {
            guard b[i] == 32, i + 1 < b.count, let z = zone(b, from: i + 1) else { return nil }
            offset = z
        }
        return Calendar.utcDate(year: year, month: month + 1, day: day, hour: h, minute: mi, second: s,
                                offsetSeconds: offset)
    }

    /// A zone running to the end: `Z`, `±HH`, `±HHMM`, `±HH:MM`, or a name (`GMT`, `EST` …).
    static func zone(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> Int? {
        let n = b.count - i
        if b[i] == 43 || b[i] == 45 {
            let sign = b[i] == 45 ? -1 : 1
            guard let h = number(b, i + 1, 2), h <= 14 else { return nil }
            var m = 0
            switch n {
            case 3: break
            case 5: guard let v = number(b, i + 3, 2) else { return nil }; m = v
            case 6: guard b[i + 3] == 58, let v = number(b, i + 4, 2) else { return nil }; m = v
            default: return nil
            }
            guard m < 60 else { return nil }
            return sign * (h * 3600 + m * 60)
        }
        guard n <= 4 else { return nil }
        var name: UInt32 = 0  // the letters upper-cased and packed, as `packedZones` has them
        for k in i..<b.count {
            guard isLetter(b[k]) else { return nil }
            name = name << 8 | UInt32(b[k] & 0xDF)
        }
        return packedZones[name].map { $0 * 3600 }
    }

    /// `FeedDate.namedZones` by packed name (all of them are four letters or fewer).
    static let packedZones: [UInt32: Int] = Dictionary(uniqueKeysWithValues: FeedDate.namedZones.map { (pack($0.key), $0.value) })

    static let months: [UInt32] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map(pack)
    static let weekdays: [UInt32] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map(pack)

    static func pack(_ s: String) -> UInt32 { s.utf8.reduce(0) { $0 << 8 | UInt32($1) } }

    /// Three letters at `i`, lower-cased and packed; 0 when one is not an ASCII letter.
    static func lower3(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt32 {
        guard i + 3 <= b.count, isLetter(b[i]), isLetter(b[i + 1]), isLetter(b[i + 2]) else { return 0 }
        return UInt32(b[i] | 0x20) << 16 | UInt32(b[i + 1] | 0x20) << 8 | UInt32(b[i + 2] | 0x20)
    }

    /// Exactly `n` digits at `i`.
    static func number(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ n: Int) -> Int? {
        guard i >= 0, i + n <= b.count else { return nil }
        var v = 0
        for k in i..<(i + n) {
            guard isDigit(b[k]) else { return nil }
            v = v * 10 + Int(b[k] - 48)
        }
        return v
    }

    static func at(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt8? { i < b.count ? b[i] : nil }
    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 97 && (c | 0x20) <= 122 }
}
