import ArgumentParser
import Foundation
import Planner
import Scenarios

extension Plan {
  /// `plan report S… [--statutes] -o rapport.html [--pdf rapport.pdf]`: the board's document.
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: CLI.messages("help.report"))

    @Argument(help: CLI.help("help.report.scenarios"))
    var scenarios: [String]
    @Flag(help: CLI.help("help.report.statutes"))
    var statutes = false
    @Option(help: CLI.help("help.report.draws"))
    var draws = 2000
    @Option(help: CLI.help("help.simulate.seed"))
    var seed: UInt64 = 42
    @Option(help: CLI.help("help.simulate.threads"))
    var threads = ProcessInfo.processInfo.activeProcessorCount
    @Option(name: .shortAndLong, help: CLI.help("help.report.output"))
    var output: String
    @Option(help: CLI.help("help.report.pdf"))
    var pdf: String?
    @OptionGroup var options: ScenarioOptions

    func validate() throws {
      guard !scenarios.isEmpty else { throw ValidationError(CLI.messages("error.report.no_scenario")) }
      guard draws == 0 || (2...Limits.draws).contains(draws) else {
        throw ValidationError(CLI.messages("error.report.draws", ["max": String(Limits.draws)]))
      }
      guard (1...256).contains(threads) else { throw ValidationError(CLI.messages("error.simulate.threads")) }
      guard output != "-", !output.hasSuffix(".pdf") else { throw ValidationError(CLI.messages("error.report.output")) }
    }

    func run() throws {
      let m = options.messages
      let html = try diagnosing { () throws(DiagnosticList) -> String in
        var loaded: [Scenario] = []
        var ruleSet: RuleSet?
        for path in scenarios {
          // A scenario that plan check refuses (a broken legal constraint included) is refused here.
          let errors = ScenarioCheck.check(path, strict: options.strict, messages: m).diagnostics.filter { $0.severity == .error }
          if !errors.isEmpty { throw DiagnosticList(errors) }
          let (s, set) = try options.load(path)
          ruleSet = ruleSet ?? set
          loaded.append(s)
        }
        let report = try BoardReport(
          scenarios: loaded, ruleSet: ruleSet!, statutes: statutes, draws: draws, seed: seed, threads: threads, messages: m,
          version: Plan.configuration.version)
        return report.html()
      }
      let inputs = SourceStore.shared.paths
      try diagnosing { () throws(DiagnosticList) in
        try FileWriter.write(html, to: output, argument: "--output", inputs: inputs)
        if let pdf {
          // Printed beside the target, then put in place in one rename.
          let folder = (pdf as NSString).deletingLastPathComponent
          let tmp = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(".plan-report-\(getpid()).pdf")
          defer { try? FileManager.default.removeItem(atPath: tmp) }
          try PDFPrinter.print(html: output, to: tmp)
          try FileWriter.write(FileManager.default.contents(atPath: tmp) ?? Data(), to: pdf, argument: "--pdf", inputs: inputs)
        }
      }
      FileHandle.standardError.write(Data((m("report.wrote", ["file": pdf.map { "\(output), \($0)" } ?? output]) + "\n").utf8))
    }
  }
}
