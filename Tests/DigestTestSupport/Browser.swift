import Foundation
import Testing

/// A real headless browser (Chromium) for looking at pages as a reader's browser builds them.
public enum Browser {
    /// `chromium --headless --dump-dom` of a file: the DOM a browser built from it.
    public static func dom(_ file: URL) throws -> String {
        let browser = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let path = try #require(browser, "chromium is needed (scripts/install-deps.sh installs it)")
        let r = try Tool.run([path, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", file.absoluteString])
        #expect(r.status == 0, "chromium: \(r.output.suffix(500))")
        return r.output
    }
}
