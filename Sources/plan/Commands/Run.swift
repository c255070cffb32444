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
    @Flag(help: "One screen: per exercise the result, reserves, lowest cash, subsidy dependence and FTE.")
    var summary = false
    @OptionGroup var language: LanguageOptions
    @OptionGroup var csv: CSVOptions

    func validate() throws {
      if summary && format != .table { throw ValidationError("--summary is a table for a person; leave out --format \(format.rawValue)") }
    }

    func run() throws {
      let projection = try diagnosing { () throws(DiagnosticList) in
        try options.project(scenario, by: by, messages: language.messages)
      }
      switch format {
      case .table where summary: print(ProjectionSummary.render(projection, command: "plan run \(scenario)"), terminator: "")
      case .table: print(ProjectionTable.render(projection))
      case .json: print(try JSONOutput.encode(ProjectionDocument(projection)))
      case .csv:
        let m = language.messages
        print(ProjectionCSV.text([projection], dialect: csv.dialect(for: m.language), messages: m), terminator: "")
      }
    }
  }
}
