import ArgumentParser
import Planner
import Scenarios

extension Plan {
  /// `plan statutes S`: the scenario under each statute from a date, side by side.
  struct Statutes: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: CLI.messages("help.statutes"))

    @Argument(help: CLI.help("help.scenario"))
    var scenario: String
    @Option(
      help: CLI.help("help.statutes.from")
    )
    var from: String?
    @Option(help: OutputFormat.help)
    var format = OutputFormat.table
    @OptionGroup var options: ScenarioOptions

    func run() throws {
      var month: Month?
      if let from {
        guard let m = Month(parsing: from) else {
          throw ValidationError(CLI.messages("error.not_a_month", ["option": "--from", "value": from]))
        }
        month = m
      }
      let c = try diagnosing { () throws(DiagnosticList) in
        let (s, set) = try options.load(scenario)
        let timeline = try s.timeline
        if let month, !(timeline.months.first < month && month <= timeline.months.last) {
          throw DiagnosticList([
            .error(
              .scenarioOutOfDomain,
              Phrase(
                "diagnostic.statutes.from",
                [
                  "month": .text("\(month)"),
                  "range": .text("\(timeline.months.first.adding(months: 1))..\(timeline.months.last)"),
                ]))
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
      abstract: CLI.messages("help.governance"))

    @Argument(help: CLI.help("help.scenario"))
    var scenario: String
    @Option(help: CLI.help("help.governance.at"))
    var at: String
    @Option(help: OutputFormat.help)
    var format = OutputFormat.table
    @OptionGroup var options: ScenarioOptions

    func run() throws {
      guard let month = Month(parsing: at) else {
        throw ValidationError(CLI.messages("error.not_a_month", ["option": "--at", "value": at]))
      }
      let projection = try diagnosing { () throws(DiagnosticList) in try options.project(scenario) }
      let months = projection.evaluation.situation.timeline.months
      guard months.contains(month) else {
        throw ValidationError(CLI.messages("error.at_outside", ["month": "\(month)", "months": "\(months)"]))
      }
      let report = GovernanceReport(projection, at: month)
      print(format == .json ? try JSONOutput.encode(report) : GovernanceTable.render(report, m: options.messages))
    }
  }
}
