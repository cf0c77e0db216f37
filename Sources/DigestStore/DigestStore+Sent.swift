import DigestCore
import Foundation
import GRDB

/// The record of sent emails, so that a week is not mailed twice by accident.
extension DigestStore {
    /// One sending of a week's email.
    public struct Sending: Sendable, Equatable {
        /// The message's Message-ID.
        public var messageID: String
        /// Who it went to.
        public var recipients: [String]
        /// When.
        public var at: Date

        /// Creates a record.
        public init(messageID: String, recipients: [String], at: Date) {
            self.messageID = messageID
            self.recipients = recipients
            self.at = at
        }
    }

    /// The sendings of `week`'s email, oldest first.
    public func sendings(of week: ISOWeek) throws -> [Sending] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT message_id, recipients, at FROM sent WHERE week = ? ORDER BY at", arguments: [week.description])
                .map { Sending(messageID: $0["message_id"], recipients: ($0["recipients"] as String).split(separator: ",").map(String.init),
                               at: Date(timeIntervalSince1970: $0["at"])) }
        }
    }

    /// Records that `week`'s email went out.
    public func recordSending(of week: ISOWeek, _ s: Sending) throws {
        try write { db in
            try db.execute(sql: "INSERT INTO sent (week, message_id, recipients, at) VALUES (?, ?, ?, ?)",
                           arguments: [week.description, s.messageID, s.recipients.joined(separator: ","), s.at.timeIntervalSince1970])
        }
    }
}
