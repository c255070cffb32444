import ArgumentParser
import Planner
import Scenarios

extension Plan {
  /// `plan statutes S`: the scenario under each statute from a date, side by side.
  struct Statutes: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "The scenario under association, UES and SCIC from a date: money, eligibility, votes and legal constraints.")

    @Argument(help: "The scenario file (YAML).")
    var scenario: String
    @Option(
      help:
        "The month the statute changes, YYYY-MM (default: the scenario's own change of statute, or else the first month of the next exercise)."
    )
    var from: String?
    @Option(help: OutputFormat.help)
    var format = OutputFormat.table
    @OptionGroup var options: ScenarioOptions

    func run() throws {
      var month: Month?
      if let from {
        guard let m = Month(parsing: from) else { throw ValidationError("--from '\(from)' is not a month; write YYYY-MM") }
        month = m
      }
      let c = try diagnosing { () throws(DiagnosticList) in
        let (s, set) = try options.load(scenario)
        let timeline = try s.timeline
        if let month, !(timeline.months.first < month && month <= timeline.months.last) {
          throw DiagnosticList([
            .error(
              .scenarioOutOfDomain,
              "--from \(month) is not a month of the scenario after its first (\(timeline.months.first.adding(months: 1))..\(timeline.months.last))"
            )
          ])
        }
        return try StatuteComparison(
          s, ruleSet: set, from: month ?? StatuteComparison.defaultFrom(s), strict: options.strict, messages: options.messages)
      }
      print(format == .json ? try JSONOutput.encode(StatutesDocument(c)) : StatutesTable.render(c, m: options.messages))
    }
  }

  /// `plan governance S --at M`: members, groups, colleges, votes, capital and constraints.
  struct GovernanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "governance",
      abstract: "Who votes and holds capital at a month, under the statute in force, and the constraints checked.")

    @Argument(help: "The scenario file (YAML).")
    var scenario: String
    @Option(help: "The month, YYYY-MM.")
    var at: String
    @Option(help: OutputFormat.help)
    var format = OutputFormat.table
    @OptionGroup var options: ScenarioOptions

    func run() throws {
      guard let month = Month(parsing: at) else { throw ValidationError("--at '\(at)' is not a month; write YYYY-MM") }
      let projection = try diagnosing { () throws(DiagnosticList) in try options.project(scenario) }
      let months = projection.evaluation.situation.timeline.months
      guard months.contains(month) else { throw ValidationError("--at \(month) is outside the scenario's months (\(months))") }
      let report = GovernanceReport(projection, at: month)
      print(format == .json ? try JSONOutput.encode(report) : GovernanceTable.render(report, m: options.messages))
    }
  }
}
