import DigestCore
import Foundation

/// A MIME email: multipart/alternative with a text/plain and a text/html part, UTF-8,
/// base64 bodies, RFC 2047 subject. Deterministic: the boundary and Message-ID derive from
/// the content, the Date from the run's clock.
public struct EmailMessage: Sendable {
    /// Sender.
    public var from: String
    /// Recipients.
    public var to: [String]
    /// Subject (any script).
    public var subject: String
    /// Date header instant.
    public var date: Date
    /// Plain-text part.
    public var text: String
    /// HTML part.
    public var html: String
    /// `List-Unsubscribe` value, if any.
    public var listUnsubscribe: String?
    /// Stable key for the Message-ID (e.g. the week).
    public var key: String

    /// Creates a message.
    public init(from: String, to: [String], subject: String, date: Date, text: String, html: String,
                listUnsubscribe: String? = nil, key: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.text = text
        self.html = html
        self.listUnsubscribe = listUnsubscribe
        self.key = key
    }

    /// The message in RFC 5322 form with CRLF line ends.
    public func rendered() -> String {
        let hash = StableHash.hex(text + html + subject)
        let boundary = "=_digest_\(hash)"
        let domain = from.split(separator: "@").last.map(String.init)?.trimmingCharacters(in: CharacterSet(charactersIn: ">")) ?? "localhost"
        var h: [String] = [
            "From: \(from)",
            "To: \(to.isEmpty ? "undisclosed-recipients:;" : to.joined(separator: ", "))",
            "Subject: \(Self.encodeHeader(subject))",
            "Date: \(Self.rfc5322(date))",
            "Message-ID: <digest.\(key).\(hash)@\(domain)>",
            "MIME-Version: 1.0",
            "X-Mailer: \(DigestVersion.generator)",
        ]
        if let u = listUnsubscribe { h.append("List-Unsubscribe: <\(u)>") }
        h.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
        var lines = h
        lines.append("")
        lines.append("This is a multi-part message in MIME format.")
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            lines.append("--\(boundary)")
            lines.append("Content-Type: \(type); charset=UTF-8")
            lines.append("Content-Transfer-Encoding: base64")
            lines.append("")
            lines.append(contentsOf: Self.base64Lines(body))
        }
        lines.append("--\(boundary)--")
        lines.append("")
        return lines.joined(separator: "\r\n")
    }

    /// RFC 2047 encoded-words for non-ASCII text, each at most 75 characters.
    static func encodeHeader(_ s: String) -> String {
        if s.unicodeScalars.allSatisfy({ $0.value >= 32 && $0.value < 127 }) { return s }
        var words: [String] = []
        var chunk = ""
        for ch in s {
            let candidate = chunk + String(ch)
            if Data(candidate.utf8).base64EncodedString().count > 75 - 12 {
                words.append(chunk)
                chunk = String(ch)
            } else {
                chunk = candidate
            }
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    static func base64Lines(_ s: String) -> [String] {
        let b = Data(s.utf8).base64EncodedString()
        var out: [String] = []
        var i = b.startIndex
        while i < b.endIndex {
            let j = b.index(i, offsetBy: 76, limitedBy: b.endIndex) ?? b.endIndex
            out.append(String(b[i..<j]))
            i = j
        }
        return out
    }

    static func rfc5322(_ d: Date) -> String {
        let c = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: d)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let day = String(format: "%02d", c.day ?? 1)
        let clock = String(format: "%04d %02d:%02d:%02d", c.year ?? 1970, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
        return "\(days[(c.weekday ?? 1) - 1]), \(day) \(months[(c.month ?? 1) - 1]) \(clock) +0000"
    }
}
