import ArgumentParser
import Planner
import Scenarios

extension Plan {
  /// `plan explain S LINE --period P`: how one figure was computed.
  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "How one figure was computed: the formula, the inputs, the parameters with their dated value and source.")

    @Argument(help: "The scenario file (YAML).")
    var scenario: String
    @Argument(
      help:
        "A budget line (charges/charges_sociales, produits/subventions/europe…), a rule name, or cash (the cash plan's balance, with --month)."
    )
    var line: String
    @Option(help: "An exercise id (2012), a year or a month (2012-03); for cash, --month.")
    var period: String?
    @Option(help: "For a budget line: fonctionnement, projets or total.")
    var budget = "total"
    @Option(help: "The month of the period to explain in full (default: the first that is not zero).")
    var month: String?
    @Option(help: "For a rule computed per entity: the entity's id (a position, a member…).")
    var entity: String?
    @Option(help: "How many levels of rules to open.")
    var depth = 64
    @Option(help: TreeFormat.help)
    var format = TreeFormat.text
    @OptionGroup var options: ScenarioOptions

    func validate() throws {
      guard (0...64).contains(depth) else { throw ValidationError("--depth is a whole number of levels from 0 to 64") }
      if line == "cash" {
        guard month ?? period != nil else {
          throw ValidationError("explain cash needs --month YYYY-MM: the month whose closing balance to explain")
        }
      } else if period == nil {
        throw ValidationError("--period is needed: an exercise id (2012), a year or a month (2012-03)")
      }
    }

    func run() throws {
      if line == "cash" {
        let month = month ?? period ?? ""
        let node = try diagnosing { () throws(DiagnosticList) in
          try ProjectionExplainer(try options.project(scenario), depth: depth).explainCash(month: month)
        }
        print(format == .json ? try ExplanationRenderer.json(node) : ExplanationRenderer.text(node))
        return
      }
      let period = period ?? ""
      let node = try diagnosing { () throws(DiagnosticList) in
        let projection = try options.project(scenario)
        return try ProjectionExplainer(projection, depth: depth).explain(
          line: line, period: period, budget: budget, month: month, entity: entity)
      }
      print(format == .json ? try ExplanationRenderer.json(node) : ExplanationRenderer.text(node))
    }
  }
}
