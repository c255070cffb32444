import ArgumentParser
import Planner
import Scenarios

extension Plan {
  /// `plan run S`: one scenario projected: budget, staffing, indicators, warnings.
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: CLI.messages("help.run"))

    @Argument(help: CLI.help("help.scenario"))
    var scenario: String
    @Option(help: CLI.help("help.run.by"))
    var by = Period.Kind.exercise
    @Option(help: ReportFormat.help)
    var format = ReportFormat.table
    @OptionGroup var options: ScenarioOptions
    @Option(help: CLI.help("help.run.layout"))
    var layout = BudgetLayout.source
    @Flag(help: CLI.help("help.run.summary"))
    var summary = false
    @OptionGroup var csv: CSVOptions

    /// The budget in the chosen layout, when it is not the seed's.
    func figures(_ p: Projection) throws -> LayoutFigures? {
      guard layout == .cerfa else { return nil }
      guard let l = p.evaluation.ruleSet.layouts["cerfa"] else {
        throw ValidationError(CLI.messages("error.layout_missing"))
      }
      return LayoutFigures(l, p)
    }

    func validate() throws {
      if summary && format != .table { throw ValidationError(CLI.messages("error.summary_format", ["format": format.rawValue])) }
    }

    func run() throws {
      let (projection, organisations) = try diagnosing { () throws(DiagnosticList) in
        try options.projectWithOrganisations(scenario, by: by)
      }
      switch format {
      case .table where summary: print(ProjectionSummary.render(projection, command: "plan run \(scenario)"), terminator: "")
      case .table:
        print(ProjectionTable.render(projection, layout: try figures(projection), command: "plan check \(scenario)"))
        if let organisations {
          if by != .exercise { print(options.messages("organisations.by_exercise")) }
          print(OrganisationsTable.render(organisations, m: options.messages), terminator: "")
        }
      case .json:
        var document = ProjectionDocument(projection)
        if let f = try figures(projection) { document.layout(f) }
        if let organisations { document.organisations(organisations, consolidatedBudget: by == .exercise) }
        print(try JSONOutput.encode(document))
      case .csv:
        let m = options.messages
        let text = ProjectionCSV.text(
          [projection], dialect: csv.dialect(for: m.language), messages: m, layouts: [try figures(projection)].compactMap { $0 },
          organisations: [organisations])
        print(text, terminator: "")
      }
    }
  }
}
