import Planner

/// Checks the legal constraints of a statute on a scenario at a month: the parameters (limits
/// and their sources) come from the rule packs (`statutes.yaml`).
public struct ConstraintChecker {
  public let scenario: Scenario
  public let ruleSet: RuleSet
  public let month: Month

  public init(scenario: Scenario, ruleSet: RuleSet, month: Month) {
    self.scenario = scenario
    self.ruleSet = ruleSet
    self.month = month
  }

  /// A parameter's value at the month, with its reference (and, when the rule pack marks
  /// the value unconfirmed, that mark: an unconfirmed fact stays marked in every output).
  func parameter(_ name: String) -> (value: Double, source: String?)? {
    guard let v = try? ruleSet.parameters[name]?.value(at: month) else { return nil }
    return (v.value, v.unconfirmed.map { "\(v.reference ?? name) (UNCONFIRMED: \($0))" } ?? v.reference)
  }

  func percent(_ x: Double) -> String { "\(Money.format(x * 100).replacing(".00", with: "")) %" }

  /// The constraints of `statute`, given the projection of the scenario under it.
  public func check(_ statute: String, projection: Projection?) -> [ConstraintResult] {
    var out: [ConstraintResult] = []
    switch statute {
    case "association":
      if let (limit, source) = parameter("association_franchise_lucrative"), let p = projection {
        for period in p.periods where scenario.statute(at: Month(parsing: period.to)!) == "association" {
          let turnover = p.budget.first { $0.path == "produits/chiffre_affaires" && $0.budget == "total" }?.values[period.id] ?? 0
          out.append(
            ConstraintResult(
              rule: "association.franchise", status: turnover <= limit ? .met : .violated,
              Phrase("constraint.franchise", ["period": .text(period.id), "turnover": .euros(turnover), "limit": .euros(limit)]),
              source: source))
        }
      }
      out += auditor(projection)
    case "scic":
      out += scic()
    case "ues":
      out += ues()
    case "group":
      out += group()
    default:
      break
    }
    if statute != "association" { out += nonProfitSubsidies(projection) }
    // Service civique only in a non-profit or public body.
    if let p = projection {
      let hosted = p.warnings.filter { $0.id == .scenarioLegalLimit && $0.subject == "service_civique_host" }
      let rule = ruleSet.rule(named: "service_civique_host")
      out.append(
        ConstraintResult(
          rule: "service_civique.host", status: hosted.isEmpty ? (statute == "association" ? .met : .notApplicable) : .violated,
          hosted.isEmpty
            ? Phrase(statute == "association" ? "constraint.service_civique.may_host" : "constraint.service_civique.none")
            : Phrase(
              "constraint.service_civique.hosted",
              [
                "count": .integer(hosted.count), "statute": .phrase(Phrase("statute.\(statute)")),
                "list": .list(hosted.compactMap { $0.message.split(separator: "'").dropFirst().first.map(String.init) }),
              ]),
          source: rule?.source))
    }
    return out
  }

  /// An association with public subsidies above the threshold appoints a commissaire aux
  /// comptes (and pays its fees).
  func auditor(_ projection: Projection?) -> [ConstraintResult] {
    guard let p = projection, let (threshold, source) = parameter("association_cac_seuil_subventions") else { return [] }
    var out: [ConstraintResult] = []
    for period in p.periods where scenario.statute(at: Month(parsing: period.to)!) == "association" {
      let subsidies = p.budget.first { $0.path == "produits/subventions" && $0.budget == "total" }?.values[period.id] ?? 0
      guard subsidies >= threshold else { continue }
      let appointed = scenario.organisation.auditor
      out.append(
        ConstraintResult(
          rule: "association.auditor", status: appointed ? .met : .violated,
          Phrase(
            appointed ? "constraint.auditor.appointed" : "constraint.auditor.required",
            ["period": .text(period.id), "subsidies": .euros(subsidies), "threshold": .euros(threshold)]),
          source: source))
    }
    return out
  }

  func scic() -> [ConstraintResult] {
    guard let g = scenario.governance else {
      return [
        ConstraintResult(
          rule: "scic.governance", status: .violated,
          Phrase("constraint.scic.no_governance"), source: "Loi 47-1775 titre II ter")
      ]
    }
    var out: [ConstraintResult] = []
    let categories = Set(g.groups.filter { $0.associates > 0 }.map(\.category))
    if let (minimum, source) = parameter("scic_categories_minimum") {
      let ok = categories.count >= Int(minimum) && categories.contains("employees") && categories.contains("beneficiaries")
      out.append(
        ConstraintResult(
          rule: "scic.categories", status: ok ? .met : .violated,
          Phrase(
            "constraint.scic.categories",
            ["count": .integer(categories.count), "list": .list(categories.sorted()), "minimum": .integer(Int(minimum))]),
          source: source))
    }
    if g.colleges.isEmpty {
      out.append(
        ConstraintResult(
          rule: "scic.colleges", status: .notApplicable, Phrase("constraint.scic.no_colleges"),
          source: "Loi 47-1775 art. 19 octies"))
    } else if let (low, source) = parameter("scic_college_minimum"), let (high, _) = parameter("scic_college_maximum") {
      let total = g.colleges.reduce(0) { $0 + $1.weight }
      let outside = g.colleges.filter { $0.weight < low - 1e-9 || $0.weight > high + 1e-9 }
      let ok = outside.isEmpty && abs(total - 1) < 1e-9
      let arguments: [String: Phrase.Argument] = [
        "colleges": .list(g.colleges.map { "\($0.label) \(percent($0.weight))" }), "low": .percent(low), "high": .percent(high),
        "total": .percent(total),
      ]
      out.append(
        ConstraintResult(
          rule: "scic.colleges", status: ok ? .met : .violated,
          Phrase(abs(total - 1) >= 1e-9 ? "constraint.scic.colleges.total" : "constraint.scic.colleges", arguments), source: source))
    }
    if let (limit, source) = parameter("scic_public_capital_maximum") {
      let share = g.capitalShare { $0.publicBody }
      out.append(
        ConstraintResult(
          rule: "scic.public_capital", status: share <= limit + 1e-9 ? .met : .violated,
          Phrase("constraint.scic.public_capital", ["share": .percent(share), "limit": .percent(limit), "month": .month(month)]),
          source: source))
    }
    // The company form: a SAS only from the loi ESS; an SA with its capital and its auditor.
    if g.legalForm == "sas", let (allowed, source) = parameter("scic_sas_permise") {
      out.append(
        ConstraintResult(
          rule: "scic.legal_form", status: allowed == 1 ? .met : .violated,
          Phrase(allowed == 1 ? "constraint.scic.sas" : "constraint.scic.no_sas", ["month": .month(month)]), source: source))
    }
    if g.legalForm == "sa" {
      if let (minimum, source) = parameter("scic_sa_capital_minimum") {
        out.append(
          ConstraintResult(
            rule: "scic.capital", status: g.totalCapital >= minimum - 1e-9 ? .met : .violated,
            Phrase("constraint.scic.capital", ["capital": .euros(g.totalCapital), "minimum": .euros(minimum)]), source: source))
      }
      let appointed = scenario.organisation.auditor
      out.append(
        ConstraintResult(
          rule: "scic.auditor", status: appointed ? .met : .violated,
          Phrase(appointed ? "constraint.scic.auditor.appointed" : "constraint.scic.auditor.required"),
          source: "Art. L225-218 C. com."))
    }
    if let (minimum, source) = parameter("scic_indivisible_reserves_minimum") {
      out.append(
        ConstraintResult(
          rule: "scic.indivisible_reserves", status: g.indivisibleReserves >= minimum - 1e-9 ? .met : .violated,
          Phrase("constraint.scic.indivisible_reserves", ["share": .percent(g.indivisibleReserves), "minimum": .percent(minimum)]),
          source: source)
      )
    }
    return out
  }

  /// A group's commercial company (SAS or SARL): its form, its capital, the SARL's most
  /// associates; votes by capital.
  func group() -> [ConstraintResult] {
    guard let g = scenario.governance?.forStatute("group") else {
      return [
        ConstraintResult(
          rule: "group.governance", status: .violated, Phrase("constraint.group.no_governance"),
          source: "Art. L223-1 and L227-1 C. com.")
      ]
    }
    var out: [ConstraintResult] = []
    switch g.legalForm {
    case "sas", "sarl":
      out.append(
        ConstraintResult(
          rule: "group.legal_form", status: .met, Phrase("constraint.group.form", ["form": .phrase(Phrase("legal_form.\(g.legalForm)"))]),
          source: g.legalForm == "sas" ? "Art. L227-1 C. com." : "Art. L223-1 C. com."))
    default:
      out.append(
        ConstraintResult(
          rule: "group.legal_form", status: .notApplicable, Phrase("constraint.group.form_not_modelled", ["form": .text(g.legalForm)]),
          source: "Art. L224-1 ff. C. com."))
    }
    if let (minimum, source) = parameter("societe_capital_minimum") {
      out.append(
        ConstraintResult(
          rule: "group.capital", status: g.totalCapital >= minimum - 1e-9 ? .met : .violated,
          Phrase("constraint.group.capital", ["capital": .euros(g.totalCapital), "minimum": .euros(minimum)]), source: source))
    }
    if g.legalForm == "sarl", let (maximum, source) = parameter("sarl_associes_maximum") {
      out.append(
        ConstraintResult(
          rule: "group.associates", status: Double(g.totalAssociates) <= maximum + 1e-9 ? .met : .violated,
          Phrase("constraint.group.associates", ["count": .integer(g.totalAssociates), "maximum": .integer(Int(maximum))]),
          source: source))
    }
    let shares = g.voteShares()
    out.append(
      ConstraintResult(
        rule: "group.votes", status: .met,
        Phrase(
          "constraint.group.votes",
          ["list": .list(g.groups.map { "\($0.label) \(percent(shares[$0.id] ?? 0))" })]),
        source: g.legalForm == "sarl" ? "Art. L223-28 C. com." : "Art. L227-9 C. com. (the statutes; here by capital)"))
    return out
  }

  /// Subsidies the scenario marks as reserved to non-profit bodies (`non_profit_only`), with
  /// amounts in the exercises under a company's statute.
  func nonProfitSubsidies(_ projection: Projection?) -> [ConstraintResult] {
    let reserved = scenario.subsidies.filter(\.nonProfitOnly)
    guard !reserved.isEmpty else { return [] }
    let after = scenario.exercises.filter { $0.months.last >= month }.map(\.id)
    let kept = reserved.filter { s in after.contains { (s.amounts[$0] ?? 0) > 0 } }
    let total = kept.reduce(0.0) { sum, s in sum + after.reduce(0) { $0 + (s.amounts[$1] ?? 0) } }
    return [
      ConstraintResult(
        rule: "subsidies.non_profit_only", status: kept.isEmpty ? .met : .violated,
        kept.isEmpty
          ? Phrase("constraint.non_profit_subsidies.none", ["list": .list(reserved.map(\.name))])
          : Phrase("constraint.non_profit_subsidies.kept", ["list": .list(kept.map(\.name)), "total": .euros(total)]),
        source: "the scenario (subsidies: non_profit_only)",
        location: kept.first.map { $0.fieldLocations["non_profit_only"] ?? $0.location })
    ]
  }

  func ues() -> [ConstraintResult] {
    guard let g = scenario.governance?.forStatute("ues") else {
      return [
        ConstraintResult(
          rule: "ues.governance", status: .violated, Phrase("constraint.ues.no_governance"),
          source: "Loi 47-1775 titre II bis")
      ]
    }
    guard let (limit, source) = parameter("ues_non_ess_maximum") else { return [] }
    let capital = g.capitalShare { !$0.socialEconomy }
    let shares = g.voteShares()
    let votes = g.groups.filter { !$0.socialEconomy }.reduce(0) { $0 + (shares[$1.id] ?? 0) }
    return [
      ConstraintResult(
        rule: "ues.non_ess_capital", status: capital <= limit + 1e-9 ? .met : .violated,
        Phrase("constraint.ues.non_ess_capital", ["share": .percent(capital), "limit": .percent(limit)]),
        source: source),
      ConstraintResult(
        rule: "ues.non_ess_votes", status: votes <= limit + 1e-9 ? .met : .violated,
        Phrase("constraint.ues.non_ess_votes", ["share": .percent(votes), "limit": .percent(limit)]),
        source: source),
    ]
  }
}
