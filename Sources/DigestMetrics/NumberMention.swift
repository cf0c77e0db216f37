/// A number found in text, with its magnitude and percent sign applied.
struct NumberMention: Equatable {
    /// Scalar offset where the mention starts (sign or currency excluded).
    var start: Int
    /// Scalar offset just past the mention (magnitude and % included).
    var end: Int
    /// The value with magnitude applied (27T → 2.7e13).
    var value: Double
    /// Whether a magnitude word or suffix was applied.
    var hasMagnitude: Bool
    /// Whether it was written as a percent.
    var isPercent: Bool
    /// `+` or `-` written right before it.
    var sign: Int
    /// Written with Chinese numerals or English number words.
    var isWords: Bool
    /// The lower end of a range ("9-12%", "1.2~1.25倍", "3x to 8x"): the upper end's end, where
    /// the unit both share is written.
    var rangeEnd: Int? = nil
    /// Written as a fraction ("1/10"), the value being the quotient.
    var isFraction = false

    /// Where the unit of the number is written: after the range's upper end for a lower end.
    var unitEnd: Int { rangeEnd ?? end }
}
