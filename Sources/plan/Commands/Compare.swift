import ArgumentParser
import Planner
import Scenarios

extension Plan {
  /// `plan compare S1 S2…`: scenarios side by side, deltas against the first.
  struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: CLI.messages("help.compare"))

    @Argument(help: CLI.help("help.compare.scenarios"))
    var scenarios: [String]
    @Option(help: OutputFormat.help)
    var format = OutputFormat.table
    @OptionGroup var options: ScenarioOptions

    func run() throws {
      guard scenarios.count >= 2 else { throw ValidationError(CLI.messages("error.compare_two")) }
      let projected = try diagnosing { () throws(DiagnosticList) in
        try scenarios.map { (p) throws(DiagnosticList) in try options.projectWithOrganisations(p) }
      }
      // With organisations, the consolidations too (the cluster alone where a scenario names none).
      var consolidated: [String: [String: [String: Double]]] = [:]
      if projected.contains(where: { $0.1 != nil }) {
        for (p, g) in projected { consolidated[p.scenario.id] = Comparison.consolidated(p, g) }
      }
      let comparison = Comparison(projected.map(\.0), consolidated: consolidated)
      print(format == .json ? try JSONOutput.encode(ComparisonDocument(comparison)) : ComparisonTable.render(comparison))
    }
  }
}
