import ArgumentParser
import Planner
import Scenarios

extension Plan {
  /// `plan run S`: one scenario projected: budget, staffing, indicators, warnings.
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Project one scenario: budget in the seed's layout, staffing, indicators and warnings.")

    @Argument(help: "The scenario file (YAML).")
    var scenario: String
    @Option(help: "exercise, year or month.")
    var by = Period.Kind.exercise
    @Option(help: ReportFormat.help)
    var format = ReportFormat.table
    @OptionGroup var options: ScenarioOptions
    @Option(help: "source (the seed's layout) or cerfa (the funders' form n° 12156: accounts 60–69, 70–79, 86/87).")
    var layout = BudgetLayout.source
    @Flag(help: "One screen: per exercise the result, reserves, lowest cash, subsidy dependence and FTE.")
    var summary = false
    @OptionGroup var csv: CSVOptions

    /// The budget in the chosen layout, when it is not the seed's.
    func figures(_ p: Projection) throws -> LayoutFigures? {
      guard layout == .cerfa else { return nil }
      guard let l = p.evaluation.ruleSet.layouts["cerfa"] else {
        throw ValidationError("--layout cerfa: the rule packs give no layout 'cerfa' (scenarios/rules/cerfa.yaml)")
      }
      return LayoutFigures(l, p)
    }

    func validate() throws {
      if summary && format != .table { throw ValidationError("--summary is a table for a person; leave out --format \(format.rawValue)") }
    }

    func run() throws {
      let projection = try diagnosing { () throws(DiagnosticList) in
        try options.project(scenario, by: by)
      }
      switch format {
      case .table where summary: print(ProjectionSummary.render(projection, command: "plan run \(scenario)"), terminator: "")
      case .table: print(ProjectionTable.render(projection, layout: try figures(projection)))
      case .json:
        var document = ProjectionDocument(projection)
        if let f = try figures(projection) { document.layout(f) }
        print(try JSONOutput.encode(document))
      case .csv:
        let m = options.messages
        let text = ProjectionCSV.text(
          [projection], dialect: csv.dialect(for: m.language), messages: m, layouts: [try figures(projection)].compactMap { $0 })
        print(text, terminator: "")
      }
    }
  }
}
