import Foundation

/// RFC 3339 timestamps in UTC, second precision (`2026-11-28T10:00:00Z`).
public enum RFC3339 {
    /// Formats an instant as UTC with a `Z` suffix.
    public static func string(from date: Date) -> String {
        var out: [UInt8] = []
        append(date, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the `string(from:)` form of `date` as UTF-8 bytes.
    public static func append(_ date: Date, to out: inout [UInt8]) {
        // Whole seconds, rounded down; days to a civil date by Howard Hinnant's algorithm (the
        // Calendar and String(format:) way cost more than the rest of rendering a card page).
        let t = Int(date.timeIntervalSince1970.rounded(.down))
        let days = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
        let secs = t - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        guard year >= 0, year < 10_000 else { return appendWide(year: year, month, day, secs, to: &out) }
        // The twenty bytes written in place, then appended at once.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { b in
            func two(_ v: Int, at i: Int) {
                b[i] = UInt8(48 + v / 10)
                b[i + 1] = UInt8(48 + v % 10)
            }
            two(year / 100, at: 0); two(year % 100, at: 2); b[4] = 45; two(month, at: 5); b[7] = 45; two(day, at: 8)
            b[10] = 84; two(secs / 3600, at: 11); b[13] = 58; two(secs % 3600 / 60, at: 14); b[16] = 58
            two(secs % 60, at: 17); b[19] = 90
            out.append(contentsOf: UnsafeBufferPointer(b))
        }
    }

    /// `append` for years before 0 or after 9999: the year in as many digits as it has (at least 4).
    static func appendWide(year: Int, _ month: Int, _ day: Int, _ secs: Int, to out: inout [UInt8]) {
        func pad(_ v: Int, _ width: Int) {
            let s = String(v)
            out.append(contentsOf: (s.count >= width ? s : String(repeating: "0", count: width - s.count) + s).utf8)
        }
        pad(year, 4); out.append(45); pad(month, 2); out.append(45); pad(day, 2); out.append(84)
        pad(secs / 3600, 2); out.append(58); pad(secs % 3600 / 60, 2); out.append(58); pad(secs % 60, 2); out.append(90)
    }

    /// Reads `YYYY-MM-DDTHH:MM:SS(.frac)?(Z|±HH:MM)`; nil when it is not that.
    public static func date(from string: String) -> Date? {
        let s = Array(string.utf8)
        func num(_ from: Int, _ len: Int) -> Int? {
            guard from + len <= s.count else { return nil }
            var v = 0
            for b in s[from..<(from + len)] {
                guard b >= 48, b <= 57 else { return nil }
                v = v * 10 + Int(b - 48)
            }
            return v
        }
        guard s.count >= 19, let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2),
              let h = num(11, 2), let mi = num(14, 2), let se = num(17, 2),
              s[4] == 45, s[7] == 45, s[10] == 84 || s[10] == 116 || s[10] == 32, s[13] == 58, s[16] == 58
        else { return nil }
        var i = 19
        if i < s.count, s[i] == 46 {
            i += 1
            while i < s.count, s[i] >= 48, s[i] <= 57 { i += 1 }
        }
        var offset = 0
        if i < s.count {
            if s[i] == 90 || s[i] == 122 {
                i += 1
            } else if s[i] == 43 || s[i] == 45, let oh = num(i + 1, 2) {
                let om = (i + 3 < s.count && s[i + 3] == 58) ? num(i + 4, 2) : num(i + 3, 2)
                offset = (oh * 60 + (om ?? 0)) * 60 * (s[i] == 45 ? -1 : 1)
                i = s.count
            } else {
                return nil
            }
        }
        return Calendar.utcDate(year: y, month: mo, day: d, hour: h, minute: mi, second: se, offsetSeconds: offset)
    }
}

extension Calendar {
    /// A Gregorian calendar fixed to UTC.
    public static let utc: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        c.locale = Locale(identifier: "en_US_POSIX")
        return c
    }()

    /// The instant of a wall-clock time at a fixed offset; nil when a field is out of range.
    public static func utcDate(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                               offsetSeconds: Int = 0) -> Date? {
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day), (0...24).contains(hour),
              (0...59).contains(minute), (0...60).contains(second), abs(offsetSeconds) <= 86_400 else { return nil }
        // Years of the Gregorian calendar proper: plain arithmetic (days from the civil date,
        // H. Hinnant's algorithm), lenient like Calendar (31 April is 1 May). Earlier years go
        // through Calendar, which switches to the Julian calendar before 1582.
        if year >= 1600 {
            let y = month <= 2 ? year - 1 : year
            let era = y / 400, yoe = y - era * 400
            let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
            let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
            let seconds = days * 86_400 + hour * 3_600 + minute * 60 + min(second, 59) - offsetSeconds
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        var dc = DateComponents()
        dc.year = year
        dc.month = month
        dc.day = day
        dc.hour = hour
        dc.minute = minute
        dc.second = min(second, 59)
        guard let d = utc.date(from: dc) else { return nil }
        return d.addingTimeInterval(TimeInterval(-offsetSeconds))
    }
}
