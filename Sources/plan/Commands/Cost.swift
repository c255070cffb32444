import ArgumentParser
import Planner
import Scenarios

extension Plan {
  /// `plan cost`: what one position costs its employer in a month, line by line.
  struct Cost: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: CLI.messages("help.cost"))

    @Option(help: CLI.help("help.cost.contract"))
    var contract: String
    @Option(help: CLI.help("help.cost.gross"))
    var gross: Double
    @Option(help: CLI.help("help.cost.month"))
    var month: String
    @Option(help: CLI.help("help.cost.hours"))
    var hours: Double?
    @Option(help: CLI.help("help.cost.category"))
    var category = "non-cadre"
    @Option(help: CLI.help("help.cost.employer"))
    var employer = "association"
    @Flag(help: CLI.help("help.cost.vat"))
    var vat = false
    @Option(help: CLI.help("help.cost.headcount"))
    var headcount = 3
    @Option(name: .customLong("at-rate"), help: CLI.help("help.cost.atRate"))
    var atRate: Double?
    @Flag(name: .customLong("no-indemnity"), help: CLI.help("help.cost.noIndemnity"))
    var noIndemnity = false
    @Flag(
      name: .customLong("cdi-follows"),
      help: CLI.help("help.cost.cdiFollows"))
    var cdiFollows = false
    @Option(
      help: CLI.help("help.cost.duration")
    )
    var duration: Int?
    @Flag(help: CLI.help("help.cost.research"))
    var research = false
    @Option(help: CLI.help("help.cost.aid"))
    var aid = "none"
    @Option(
      name: .customLong("aid-rate"), help: CLI.help("help.cost.aidRate"))
    var aidRate: Double?
    @Flag(
      name: .customLong("market-sector"),
      help: CLI.help("help.cost.marketSector"))
    var marketSector = false
    @Option(help: OutputFormat.help)
    var format = OutputFormat.table
    @Option(help: CLI.help("help.cost.explain"))
    var explain: String?
    @OptionGroup var rules: RulesOptions
    @OptionGroup var language: LanguageOptions

    func validate() throws {
      guard gross.isFinite, (0...Limits.amount).contains(gross) else {
        throw ValidationError(CLI.messages("error.cost.gross", ["max": String(Int(Limits.amount))]))
      }
      if let hours {
        guard hours.isFinite, hours > 0, hours <= Limits.hoursPerMonth else {
          throw ValidationError(CLI.messages("error.cost.hours", ["max": String(Int(Limits.hoursPerMonth))]))
        }
      }
      guard (0...1_000_000).contains(headcount) else { throw ValidationError(CLI.messages("error.cost.headcount")) }
      if let atRate {
        guard atRate.isFinite, (0...100).contains(atRate) else { throw ValidationError(CLI.messages("error.cost.at_rate")) }
      }
      if let duration {
        guard (1...600).contains(duration) else { throw ValidationError(CLI.messages("error.cost.duration")) }
      }
      if let aidRate {
        guard aidRate.isFinite, (0...100).contains(aidRate) else { throw ValidationError(CLI.messages("error.cost.aid_rate")) }
        guard aid == "cui-cae" else {
          throw ValidationError(CLI.messages("error.cost.aid_rate_alone"))
        }
      } else if aid == "cui-cae" {
        throw ValidationError(CLI.messages("error.cost.aid_rate_needed"))
      }
    }

    func run() throws {
      guard let m = Month(parsing: month) else {
        throw ValidationError(CLI.messages("error.not_a_month", ["option": "--month", "value": month]))
      }
      let query = CostQuery(
        contract: contract, gross: gross, month: m, hours: hours, category: category, employer: employer, vatLiable: vat,
        headcount: headcount, atRate: atRate.map { $0 / 100 }, indemnityDue: !noIndemnity, duration: duration,
        research: research, aid: aid, aidRate: aidRate.map { $0 / 100 }, marketSector: marketSector,
        cdiFollows: cdiFollows)
      if let explain {
        let n = try diagnosing { () throws(DiagnosticList) in
          try PositionCost.explain(explain, query, ruleSet: try rules.load(), messages: language.messages)
        }
        print(format == .json ? try ExplanationRenderer.json(n) : ExplanationRenderer.text(n, messages: language.messages))
        return
      }
      let (report, warnings, set) = try diagnosing { () throws(DiagnosticList) in
        let set = try rules.load()
        let (report, warnings) = try PositionCost.compute(query, ruleSet: set, strict: rules.strict)
        return (report, warnings, set)
      }
      DiagnosticPrinter(compact: true, messages: language.messages).print(warnings)
      print(format == .json ? try JSONOutput.encode(report) : CostTable.render(report, ruleSet: set, m: language.messages))
    }
  }
}
