import DigestRender
import DigestTestSupport
import Foundation
import Testing

/// The templates compiled into the program are the repository's Templates/ folder, file for file.
struct DefaultTemplatesTests {
    @Test func theBuiltInFilesAreTheTemplatesFolder() throws {
        let dir = TestPaths.root.appendingPathComponent("Templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(DefaultTemplates.files.keys.sorted() == names, "every file of Templates/ is linked from Sources/DigestRender/Defaults")
        for n in names {
            #expect(DefaultTemplates.files[n] == Array(try Data(contentsOf: dir.appendingPathComponent(n))), "\(n)")
        }
    }

    @Test func aFolderOverridesFileByFile() throws {
        let dir = TestPaths.temporaryDirectory("override-one")
        try "{{% CONTENT_TYPE: HTML}}\n<p>mine</p>\n".write(to: dir.appendingPathComponent("archive.html.mustache"), atomically: true, encoding: .utf8)
        let mine = try TemplateSet.load(directory: dir.path)
        let builtIn = try TemplateSet.builtIn()
        #expect(mine.render("archive.html", [:]).contains("<p>mine</p>"))
        #expect(mine.render("card.md", ["title": "T"]) == builtIn.render("card.md", ["title": "T"]))
        #expect(mine.css == builtIn.css && mine.labels == builtIn.labels && mine.topicsYAML == builtIn.topicsYAML)
    }

    @Test func aBrokenOverrideIsNamed() throws {
        let dir = TestPaths.temporaryDirectory("override-broken")
        try "{{#open}} never closed".write(to: dir.appendingPathComponent("card.md.mustache"), atomically: true, encoding: .utf8)
        #expect { try TemplateSet.load(directory: dir.path) } throws: { e in
            (e as? RenderError)?.message.hasPrefix("render: \(dir.path)/card.md.mustache: template syntax") == true
        }
    }
}
