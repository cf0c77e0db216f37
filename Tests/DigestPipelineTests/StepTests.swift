import DigestTestSupport
import Foundation
import Testing

/// A run's failure says which step raised it, and the run's progress lines name their steps.
@Suite(.serialized) struct StepTests {
    @Test func aFailingStepIsNamedInTheError() throws {
        let dir = TestPaths.temporaryDirectory("step")
        // A file where the recap folder should be: the publish step cannot write the recap.
        try Data("not a folder".utf8).write(to: dir.appendingPathComponent("recap"))
        let r = try CLI.run(SampleRun.args + ["--output", dir.path])
        #expect(r.status == 3, "\(r.stderr)")
        let last = r.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("write: ") && last.hasSuffix("(step publish)"), "\(r.stderr)")
    }

    @Test func progressLinesNameTheirSteps() throws {
        let dir = TestPaths.temporaryDirectory("step-progress")
        let r = try CLI.run(SampleRun.args.filter { $0 != "--quiet" } + ["--output", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        for step in ["fetch: ", "parse: ", "select: ", "metrics: ", "cards: ", "publish: "] {
            #expect(r.stderr.contains("\n" + step) || r.stderr.hasPrefix(step), "no '\(step)' line in \(r.stderr)")
        }
    }
}
