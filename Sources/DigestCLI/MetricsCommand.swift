import ArgumentParser
import DigestCore
import DigestMetrics
import Foundation

/// `digest metrics [--text STRING | FILE | -] [--json] [--explain]`
struct MetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "metrics", abstract: "Find token metrics in text.")

    @Option(parsing: .unconditional, help: "The text to read (may begin with \"-\", as a Markdown bullet does).") var text: String?
    @Argument(help: "A UTF-8 text file, or '-' for stdin.") var file: String?
    @Flag(help: "Print the contract JSON.") var json = false
    @Flag(help: "Show which rule recognised each metric.") var explain = false

    func validate() throws {
        if (text == nil) == (file == nil) { throw ValidationError("give --text STRING, a FILE, or '-' for stdin") }
    }

    func run() async throws {
        var input = text ?? ""
        if let file {
            let data = try await InputReader(stage: "metrics").read(file, baseURL: nil).data
            guard let s = String(data: data, encoding: .utf8) else {
                throw InputReader.ReadError(stage: "metrics", source: file, problem: "not UTF-8 text", exitStatus: .badInput)
            }
            input = s
        }
        let metrics = MetricRecognizer().metrics(in: input)
        if json {
            Output.out(try JSONOutput.encode(metrics))
            if explain { for m in metrics { Output.error("\(m.rule)\t\(m.text)") } }
            return
        }
        Output.out(MetricTable.render(metrics, explain: explain))
    }
}

/// The readable table of `digest metrics` without `--json`.
enum MetricTable {
    static func render(_ metrics: [TokenMetric], explain: Bool) -> String {
        if metrics.isEmpty { return "no token metrics found" }
        var rows = [["quantity", "value", "unit", "period", "dir", "side", "subject", "text"] + (explain ? ["rule"] : [])]
        for m in metrics {
            rows.append([m.quantity.rawValue, NumberFormat.plain(m.value), m.unit.rawValue, m.period?.rawValue ?? "-",
                         m.direction?.rawValue ?? "-", m.side?.rawValue ?? "-", m.subject ?? "-", m.text] + (explain ? [m.rule] : []))
        }
        // Columns by display width: a Chinese subject takes two columns a character.
        let widths = rows[0].indices.map { c in rows.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        return rows.map { r in
            r.enumerated().map { i, cell in i == r.count - 1 ? cell : DisplayWidth.padded(cell, to: widths[i]) }
                .joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
