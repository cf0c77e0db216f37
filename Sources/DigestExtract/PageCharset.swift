import Foundation

/// The charset of an HTML page: BOM, `<meta charset>`, `http-equiv`; GB2312 read as GB18030.
enum PageCharset {
    static func sniff(_ data: Data) -> String? {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if data.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if data.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
        guard let r = head.range(of: "charset=") else {
            return String(data: data, encoding: .utf8) != nil ? "UTF-8" : nil
        }
        let value = head[r.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
            .prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return value.isEmpty ? nil : fixMislabel(String(value))
    }

    static func fixMislabel(_ name: String) -> String {
        switch name.lowercased() {
        case "gb2312", "gbk", "x-gbk", "cp936", "gb_2312-80": return "GB18030"
        case "iso-8859-1", "latin1", "us-ascii": return "windows-1252"
        case "big5": return "BIG5-HKSCS"
        default: return name
        }
    }
}
