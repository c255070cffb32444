import Foundation
import Planner

/// A scenario projected under each statute from a date: money, eligibility, governance and
/// the legal constraints, side by side (`plan statutes`).
public struct StatuteComparison: Sendable {
  public struct Eligibility: Sendable, Encodable {
    public var id: String
    public var label: String
    public var eligible: Bool
    public var source: String?
  }

  /// A credit the result counts that the law grants only under conditions (the CIR, the
  /// CICE): shown apart, so that a ranking never rests on it unseen.
  public struct ConditionalItem: Sendable, Encodable {
    public var item: String
    public var period: String
    public var amount: Double
    public var conditions: [String]
    public var source: String?
  }

  /// The conditional credits: their total rule by item id.
  public static let conditionalItems: [(item: String, total: String, rule: String)] = [
    ("cir", "cir_total", "cir"), ("cice", "cice_total", "cice"),
  ]

  public struct Report: Sendable {
    public var statute: String
    public var projection: Projection
    /// `name → period → value`: result, result_without_conditional, corporate_tax,
    /// taxe_salaires, cir, cice, reserves, subsidies_share.
    public var indicators: [String: [String: Double]]
    /// The conditional credits counted in `result`, by item and period.
    public var conditional: [ConditionalItem]
    public var eligibility: [Eligibility]
    /// Vote share of each stakeholder group (fractions adding up to 1).
    public var voteShares: [String: Double]
    public var constraints: [ConstraintResult]
  }

  /// The statutes compared: a non-profit association, a union d'économie sociale, a SCIC, and
  /// a group of companies (the members' commercial company, SAS or SARL, carrying the
  /// cluster's activities).
  public static let statutes = ["association", "ues", "scic", "group"]
  /// With organisations besides the cluster, the consolidation's figures each statute gives
  /// (indicators `consolidated_<key>`).
  public static let consolidatedKeys = ["result", "reserves", "lowest_cash"]

  public var scenario: Scenario
  public var from: Month
  public var reports: [Report]

  /// The month the statutes are compared from: the scenario's own change of statute when it
  /// has one, otherwise the first month of the first exercise that is not closed (the next
  /// decision).
  public static func defaultFrom(_ scenario: Scenario) -> Month {
    if scenario.organisation.statutes.count > 1 { return scenario.organisation.statutes[1].from }
    return (scenario.exercises.first { scenario.actuals[$0.id] == nil } ?? scenario.exercises.last!).months.first
  }

  /// The scenario taking `statute` from `from`: the statutes in force before are kept (or,
  /// when none starts before `from`, the first is taken from the scenario's first month).
  /// Every command that projects under another statute derives it here.
  public static func variant(_ scenario: Scenario, statute: String, from: Month) -> Scenario {
    var variant = scenario
    let first = scenario.exercises.first!.months.first
    variant.organisation.statutes = scenario.organisation.statutes.filter { $0.from < from } + [(from, statute)]
    if variant.organisation.statutes.count == 1 && first < from {
      variant.organisation.statutes.insert((first, scenario.statute(at: first)), at: 0)
    }
    // Each statute with governance of its own kind: colleges are a SCIC's (never a UES's).
    variant.governance = scenario.governance?.forStatute(statute)
    return variant
  }

  public init(
    _ scenario: Scenario, ruleSet: RuleSet, from: Month, strict: Bool = false, messages: Messages = .of(.en)
  ) throws(DiagnosticList) {
    self.scenario = scenario
    self.from = from
    var reports: [Report] = []
    // The organisations besides the cluster, projected once: their accounts do not depend on
    // the cluster's statute.
    let organisations =
      scenario.organisations.isEmpty
      ? nil : try GroupProjection.run(scenario, ruleSet: ruleSet, strict: strict, messages: messages)
    for statute in Self.statutes {
      let variant = Self.variant(scenario, statute: statute, from: from)
      let projection = try Projection.run(
        variant, ruleSet: ruleSet, strict: strict, legalLimitsAsWarnings: true, messages: messages)
      var indicators = Self.indicators(projection, ruleSet: ruleSet)
      if let organisations {
        let consolidated = organisations.consolidated(with: projection)
        for key in Self.consolidatedKeys { indicators["consolidated_\(key)"] = consolidated[key] }
      }
      reports.append(
        Report(
          statute: statute, projection: projection, indicators: indicators,
          conditional: Self.conditional(projection, ruleSet: ruleSet),
          eligibility: Self.eligibility(projection, at: from), voteShares: Self.voteShares(scenario, statute: statute),
          constraints: ConstraintChecker(scenario: variant, ruleSet: ruleSet, month: from).check(statute, projection: projection)))
    }
    self.reports = reports
  }

  static func indicators(_ p: Projection, ruleSet: RuleSet) -> [String: [String: Double]] {
    var out: [String: [String: Double]] = [:]
    for period in p.periods {
      func sum(_ rule: String) -> Double { Money.cents(p.evaluation.total(rule, months: period.monthIndices) ?? 0) }
      let closed = p.scenario.actuals[period.id] != nil
      out["result", default: [:]][period.id] = p.indicators["result"]?[period.id] ?? 0
      out["reserves", default: [:]][period.id] = p.indicators["reserves"]?[period.id] ?? 0
      out["subsidies_share", default: [:]][period.id] = p.indicators["subsidies_share"]?[period.id] ?? 0
      out["fte", default: [:]][period.id] = p.indicators["fte"]?[period.id] ?? 0
      if let low = p.indicators["lowest_cash"]?[period.id] { out["lowest_cash", default: [:]][period.id] = low }
      out["corporate_tax", default: [:]][period.id] =
        closed ? 0 : Money.cents(p.evaluation.value("is_year", month: period.monthIndices.last!) ?? 0)
      out["cice", default: [:]][period.id] = closed ? 0 : sum("cice_total")
      out["cir", default: [:]][period.id] = closed ? 0 : sum("cir_total")
      let conditional = closed ? 0 : conditionalItems.reduce(0) { $0 + sum($1.total) }
      out["result_without_conditional", default: [:]][period.id] = Money.cents((p.indicators["result"]?[period.id] ?? 0) - conditional)
      out["taxe_salaires", default: [:]][period.id] =
        closed ? 0 : Money.cents(p.evaluation.value("taxe_salaires_year_due", month: period.monthIndices.last!) ?? 0)
    }
    return out
  }

  /// Each conditional credit of an open period, with its conditions: the rule's own (its
  /// description) and, for the CIR, how likely each post's work qualifies.
  static func conditional(_ p: Projection, ruleSet: RuleSet) -> [ConditionalItem] {
    var out: [ConditionalItem] = []
    for period in p.periods where p.scenario.actuals[period.id] == nil {
      for (item, total, ruleName) in conditionalItems {
        let amount = Money.cents(p.evaluation.total(total, months: period.monthIndices) ?? 0)
        guard amount != 0, let rule = ruleSet.rule(named: ruleName) else { continue }
        // The rule's description lists its conditions, separated by semicolons.
        let language = p.language.rawValue
        var conditions = (rule.description(in: language) ?? rule.label(in: language) ?? rule.name).split(separator: ";").map {
          $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if item == "cir" {
          for position in p.scenario.positions where position.cirQualifies > 0 {
            conditions.append(
              Messages.of(p.language)(
                "statutes.cir_qualifies", ["position": position.id, "p": Messages.of(p.language).percent(position.cirQualifies, digits: 0)])
            )
          }
        }
        out.append(ConditionalItem(item: item, period: period.id, amount: amount, conditions: conditions, source: rule.source))
      }
    }
    return out
  }

  static func eligibility(_ p: Projection, at month: Month) -> [Eligibility] {
    let rs = p.evaluation.ruleSet
    guard let m = p.evaluation.situation.timeline.months.index(of: month) else { return [] }
    return rs.rules.filter { $0.group == "eligibility" }.map { rule in
      Eligibility(
        id: String(rule.name.dropFirst("eligibility.".count)), label: rule.label(in: p.language.rawValue) ?? rule.name,
        eligible: (p.evaluation.value(rule.name, month: m) ?? 0) != 0, source: rule.source)
    }
  }

  /// Vote shares by stakeholder group: in an association, one vote per member (organisations
  /// and individuals); in a cooperative, the governance's colleges or one associate one vote.
  /// Groups without a vote show 0.
  public static func voteShares(_ s: Scenario, statute: String) -> [String: Double] {
    var out: [String: Double] = [:]
    if statute == "association" {
      let organisations = s.members.filter { $0.kind == "organisation" }.reduce(0) { $0 + $1.count }
      let individuals = s.members.filter { $0.kind == "individual" }.reduce(0) { $0 + $1.count }
      let total = Double(organisations + individuals)
      out["member_organisations"] = total == 0 ? 0 : Double(organisations) / total
      if individuals > 0 { out["individual_members"] = Double(individuals) / total }
      for g in s.governance?.groups ?? [] where out[g.id] == nil { out[g.id] = 0 }
      return out
    }
    return s.governance?.forStatute(statute)?.voteShares() ?? [:]
  }
}
