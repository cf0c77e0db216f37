import DigestTestSupport
import Foundation
import Testing

/// The layout the README describes holds: which module may import which, and small files.
struct LayoutTests {
    /// Stages: one job each; they never import each other (Parse and Extract share Markup).
    static let stages: Set<String> = ["DigestConfig", "DigestFetch", "DigestMarkup", "DigestParse", "DigestExtract",
                                      "DigestMetrics", "DigestSelect", "DigestSummarize", "DigestRender", "DigestPublish",
                                      "DigestStore"]
    /// The C modules (system libraries and our C targets) and the modules allowed to import each.
    static let cModules: [String: Set<String>] = [
        "CLibXML2": ["DigestMarkup"], "CArena": ["DigestMarkup"], "CCurl": ["DigestFetch"],
        "CSystem": ["DigestBytes", "DigestFiles"],
    ]

    /// Module → the modules its Swift files import.
    static func imports() throws -> [String: Set<String>] {
        let sources = TestPaths.root.appendingPathComponent("Sources")
        var out: [String: Set<String>] = [:]
        for module in try FileManager.default.contentsOfDirectory(atPath: sources.path) {
            let files = FileManager.default.enumerator(atPath: sources.appendingPathComponent(module).path)?
                .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
            for f in files {
                let text = try String(contentsOf: sources.appendingPathComponent(module).appendingPathComponent(f), encoding: .utf8)
                for line in text.split(separator: "\n") where line.hasPrefix("import ") || line.contains(" import ") && line.hasPrefix("@") {
                    out[module, default: []].insert(String(line.split(separator: " ").last!))
                }
            }
        }
        return out
    }

    @Test func stagesDoNotImportEachOther() throws {
        for (module, used) in try Self.imports() where Self.stages.contains(module) {
            let allowed: Set<String> = module == "DigestParse" || module == "DigestExtract" ? ["DigestMarkup"] : []
            let others = used.intersection(Self.stages).subtracting([module]).subtracting(allowed)
            #expect(others.isEmpty, "\(module) imports \(others.sorted())")
        }
    }

    @Test func onlyTheirWrappersImportCModules() throws {
        let all = try Self.imports()
        #expect(all["DigestCore"].map { $0.subtracting(["Foundation"]).isEmpty } ?? true, "DigestCore imports \(all["DigestCore"] ?? [])")
        for (module, used) in all {
            for c in used where Self.cModules[c] != nil {
                #expect(Self.cModules[c]!.contains(module), "\(module) imports \(c)")
            }
        }
        for module in ["DigestSummarize", "DigestPipeline"] {
            #expect(!(all[module] ?? []).contains("DigestMarkup"), "\(module) imports DigestMarkup")
        }
    }

    @Test func filesAreSmall() throws {
        let sources = TestPaths.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        let lengths = try files.map { f in
            (f, try String(contentsOf: sources.appendingPathComponent(f), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count - 1)
        }.sorted { $0.1 < $1.1 }
        #expect(lengths.count > 100)
        let median = lengths[lengths.count / 2].1
        #expect(median <= 80, "median Swift file \(median) lines")
        for (f, n) in lengths where n > 300 { Issue.record("\(f): \(n) lines (at most 300)") }
    }
}
