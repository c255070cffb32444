import ArgumentParser
import Planner
import Scenarios

extension Plan {
  /// `plan explain S LINE --period P`: how one figure was computed.
  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: CLI.messages("help.explain"))

    @Argument(help: CLI.help("help.scenario"))
    var scenario: String
    @Argument(
      help: CLI.help("help.explain.line")
    )
    var line: String
    @Option(help: CLI.help("help.explain.period"))
    var period: String?
    @Option(help: CLI.help("help.explain.budget"))
    var budget = "total"
    @Option(help: CLI.help("help.explain.month"))
    var month: String?
    @Option(help: CLI.help("help.explain.entity"))
    var entity: String?
    @Option(help: CLI.help("help.explain.depth"))
    var depth = 64
    @Option(help: TreeFormat.help)
    var format = TreeFormat.text
    @OptionGroup var options: ScenarioOptions

    func validate() throws {
      guard (0...64).contains(depth) else { throw ValidationError(CLI.messages("error.explain.depth")) }
      if line == "cash" {
        guard month ?? period != nil else {
          throw ValidationError(CLI.messages("error.explain.cash_month"))
        }
      } else if period == nil {
        throw ValidationError(CLI.messages("error.explain.period"))
      }
    }

    func run() throws {
      if line == "cash" {
        let month = month ?? period ?? ""
        let node = try diagnosing { () throws(DiagnosticList) in
          try ProjectionExplainer(try options.project(scenario), depth: depth).explainCash(month: month)
        }
        print(format == .json ? try ExplanationRenderer.json(node) : ExplanationRenderer.text(node, messages: options.messages))
        return
      }
      let period = period ?? ""
      let node = try diagnosing { () throws(DiagnosticList) in
        let projection = try options.project(scenario)
        return try ProjectionExplainer(projection, depth: depth).explain(
          line: line, period: period, budget: budget, month: month, entity: entity)
      }
      print(format == .json ? try ExplanationRenderer.json(node) : ExplanationRenderer.text(node, messages: options.messages))
    }
  }
}
