import ArgumentParser
import Planner
import Scenarios

extension Plan {
  /// `plan cost`: what one position costs its employer in a month, line by line.
  struct Cost: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "The monthly cost of one position: contributions, reductions, taxes and aids, line by line.")

    @Option(help: "cdd, cdd-objet-defini, cdi, cifre, service-civique, stage or benevole.")
    var contract: String
    @Option(help: "Monthly gross pay in euros (the gratification of an intern, the host's complement of a volunteer).")
    var gross: Double
    @Option(help: "The month, YYYY-MM (2010-01 to 2015-12).")
    var month: String
    @Option(help: "Hours in the month (default: full time, 151.67).")
    var hours: Double?
    @Option(help: "non-cadre or cadre.")
    var category = "non-cadre"
    @Option(help: "association, scic or ues.")
    var employer = "association"
    @Flag(help: "The employer is subject to VAT on at least 90 % of its turnover (no taxe sur les salaires).")
    var vat = false
    @Option(help: "The employer's headcount.")
    var headcount = 3
    @Option(name: .customLong("at-rate"), help: "Accidents-du-travail rate in percent (default: the rule pack's office rate).")
    var atRate: Double?
    @Flag(name: .customLong("no-indemnity"), help: "The CDD's 10 % end-of-contract indemnity is not due.")
    var noIndemnity = false
    @Flag(
      name: .customLong("cdi-follows"),
      help: "A CDI on the same post follows the fixed-term contract at once: no 10 % indemnity, no CIF-CDD (L1243-11, L6322-37).")
    var cdiFollows = false
    @Option(
      help:
        "The contract's length in months from --month (default by contract: CDD 12, CDD à objet défini 24, service civique 8, stage 6, others 36)."
    )
    var duration: Int?
    @Flag(help: "The post's work qualifies as R&D: the crédit d'impôt recherche, for an employer subject to corporate tax (scic, ues).")
    var research = false
    @Option(help: "A job aid: none, cui-cae (give --aid-rate) or emploi-avenir (from 2012-11).")
    var aid = "none"
    @Option(
      name: .customLong("aid-rate"), help: "A CUI-CAE's aid in percent of the SMIC per hour, as the regional prefect's order sets it.")
    var aidRate: Double?
    @Flag(
      name: .customLong("market-sector"),
      help: "The prefect's order lists the employer's sector for market-sector emplois d'avenir (a company's emploi d'avenir aid).")
    var marketSector = false
    @Option(help: OutputFormat.help)
    var format = OutputFormat.table
    @Option(help: "Explain one line (its id: maladie, fillon, employer_cost…) instead of the table.")
    var explain: String?
    @OptionGroup var rules: RulesOptions

    func validate() throws {
      guard gross.isFinite, (0...Limits.amount).contains(gross) else {
        throw ValidationError("--gross is an amount in euros from 0 to \(Int(Limits.amount))")
      }
      if let hours {
        guard hours.isFinite, hours > 0, hours <= Limits.hoursPerMonth else {
          throw ValidationError("--hours is more than 0 and at most \(Int(Limits.hoursPerMonth)) (48 h a week, art. L3121-20 C. trav.)")
        }
      }
      guard (0...1_000_000).contains(headcount) else { throw ValidationError("--headcount is a whole number from 0 to 1000000") }
      if let atRate {
        guard atRate.isFinite, (0...100).contains(atRate) else { throw ValidationError("--at-rate is a percentage from 0 to 100") }
      }
      if let duration {
        guard (1...600).contains(duration) else { throw ValidationError("--duration is a number of months from 1 to 600") }
      }
      if let aidRate {
        guard aidRate.isFinite, (0...100).contains(aidRate) else { throw ValidationError("--aid-rate is a percentage from 0 to 100") }
        guard aid == "cui-cae" else {
          throw ValidationError("--aid-rate is a CUI-CAE's rate: give it with --aid cui-cae (an emploi d'avenir's rate is national)")
        }
      } else if aid == "cui-cae" {
        throw ValidationError("--aid cui-cae needs --aid-rate: the aid's share of the SMIC per hour set by the regional prefect's order")
      }
    }

    func run() throws {
      guard let m = Month(parsing: month) else { throw ValidationError("--month '\(month)' is not a month; write YYYY-MM") }
      let query = CostQuery(
        contract: contract, gross: gross, month: m, hours: hours, category: category, employer: employer, vatLiable: vat,
        headcount: headcount, atRate: atRate.map { $0 / 100 }, indemnityDue: !noIndemnity, duration: duration,
        research: research, aid: aid, aidRate: aidRate.map { $0 / 100 }, marketSector: marketSector,
        cdiFollows: cdiFollows)
      if let explain {
        let n = try diagnosing { () throws(DiagnosticList) in try PositionCost.explain(explain, query, ruleSet: try rules.load()) }
        print(format == .json ? try ExplanationRenderer.json(n) : ExplanationRenderer.text(n))
        return
      }
      let (report, warnings) = try diagnosing { () throws(DiagnosticList) in
        try PositionCost.compute(query, ruleSet: try rules.load(), strict: rules.strict)
      }
      DiagnosticPrinter(compact: true).print(warnings)
      print(format == .json ? try JSONOutput.encode(report) : CostTable.render(report))
    }
  }
}
