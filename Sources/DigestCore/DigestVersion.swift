/// The program's version: printed by `digest --version`, sent in the User-Agent, and named as the
/// generator in the site's footer, the Atom feed and the email's headers.
public enum DigestVersion {
    /// Semantic version of this build.
    public static let current = "0.9.0"
    /// "digest 0.9.0".
    public static let generator = "digest \(current)"
    /// The default User-Agent of every request.
    public static let userAgent = "digest/\(current) (+https://github.com/digest-dev/digest)"
}
