import DigestLanguage

extension ChineseNumeral {
    /// Every numeral character, for fast scanning.
    static let numerals = ScalarSet(Array(digits.keys) + Array(units.keys) + Array(bigUnits.keys))
}
