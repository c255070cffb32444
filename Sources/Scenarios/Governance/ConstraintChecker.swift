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
              message:
                "\(period.id): lucrative receipts \(Money.format(turnover)) EUR, franchise \(Money.format(limit)) EUR (above it, commercial taxes apply)",
              source: source))
        }
      }
      out += auditor(projection)
    case "scic":
      out += scic()
    case "ues":
      out += ues()
    default:
      break
    }
    // Service civique only in a non-profit or public body.
    if let p = projection {
      let hosted = p.warnings.filter { $0.id == .scenarioLegalLimit && $0.subject == "service_civique_host" }
      let rule = ruleSet.rule(named: "service_civique_host")
      out.append(
        ConstraintResult(
          rule: "service_civique.host", status: hosted.isEmpty ? (statute == "association" ? .met : .notApplicable) : .violated,
          message: hosted.isEmpty
            ? (statute == "association"
              ? "the association may host service civique volunteers" : "no service civique volunteer after the change")
            : "\(hosted.count) service civique volunteers would be hosted by a \(statute.uppercased()) ("
              + hosted.compactMap { $0.message.split(separator: "'").dropFirst().first.map(String.init) }.joined(separator: ", ") + ")",
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
          message:
            "\(period.id): subsidies \(Money.format(subsidies)) EUR (public aids included), at least \(Money.format(threshold)) EUR: "
            + (appointed
              ? "a commissaire aux comptes is appointed"
              : "a commissaire aux comptes must be appointed (organisation: auditor: true, its fees an item)"),
          source: source))
    }
    return out
  }

  func scic() -> [ConstraintResult] {
    guard let g = scenario.governance else {
      return [
        ConstraintResult(
          rule: "scic.governance", status: .violated,
          message: "the scenario describes no governance (groups of associates, colleges, capital)", source: "Loi 47-1775 titre II ter")
      ]
    }
    var out: [ConstraintResult] = []
    let categories = Set(g.groups.filter { $0.associates > 0 }.map(\.category))
    if let (minimum, source) = parameter("scic_categories_minimum") {
      let ok = categories.count >= Int(minimum) && categories.contains("employees") && categories.contains("beneficiaries")
      out.append(
        ConstraintResult(
          rule: "scic.categories", status: ok ? .met : .violated,
          message:
            "\(categories.count) categories of associates (\(categories.sorted().joined(separator: ", "))); at least \(Int(minimum)), employees and beneficiaries among them",
          source: source))
    }
    if g.colleges.isEmpty {
      out.append(
        ConstraintResult(
          rule: "scic.colleges", status: .notApplicable, message: "no colleges: one associate, one vote",
          source: "Loi 47-1775 art. 19 octies"))
    } else if let (low, source) = parameter("scic_college_minimum"), let (high, _) = parameter("scic_college_maximum") {
      let total = g.colleges.reduce(0) { $0 + $1.weight }
      let outside = g.colleges.filter { $0.weight < low - 1e-9 || $0.weight > high + 1e-9 }
      let ok = outside.isEmpty && abs(total - 1) < 1e-9
      var message =
        "colleges " + g.colleges.map { "\($0.id) \(percent($0.weight))" }.joined(separator: ", ")
        + "; each between \(percent(low)) and \(percent(high))"
      if abs(total - 1) >= 1e-9 { message += "; the weights add up to \(percent(total)), not 100 %" }
      out.append(ConstraintResult(rule: "scic.colleges", status: ok ? .met : .violated, message: message, source: source))
    }
    if let (limit, source) = parameter("scic_public_capital_maximum") {
      let share = g.capitalShare { $0.publicBody }
      out.append(
        ConstraintResult(
          rule: "scic.public_capital", status: share <= limit + 1e-9 ? .met : .violated,
          message: "public bodies hold \(percent(share)) of the capital; at most \(percent(limit)) at \(month)", source: source))
    }
    // The company form: a SAS only from the loi ESS; an SA with its capital and its auditor.
    if g.legalForm == "sas", let (allowed, source) = parameter("scic_sas_permise") {
      out.append(
        ConstraintResult(
          rule: "scic.legal_form", status: allowed == 1 ? .met : .violated,
          message: allowed == 1 ? "a SCIC may be an SAS at \(month)" : "a SCIC may not be an SAS at \(month) (SARL or SA)", source: source))
    }
    if g.legalForm == "sa" {
      if let (minimum, source) = parameter("scic_sa_capital_minimum") {
        out.append(
          ConstraintResult(
            rule: "scic.capital", status: g.totalCapital >= minimum - 1e-9 ? .met : .violated,
            message: "a SCIC SA has \(Money.format(g.totalCapital)) EUR of capital; at least \(Money.format(minimum)) EUR", source: source))
      }
      let appointed = scenario.organisation.auditor
      out.append(
        ConstraintResult(
          rule: "scic.auditor", status: appointed ? .met : .violated,
          message: appointed
            ? "a commissaire aux comptes is appointed"
            : "a SCIC SA appoints a commissaire aux comptes (organisation: auditor: true, its fees an item)",
          source: "Art. L225-218 C. com."))
    }
    if let (minimum, source) = parameter("scic_indivisible_reserves_minimum") {
      out.append(
        ConstraintResult(
          rule: "scic.indivisible_reserves", status: g.indivisibleReserves >= minimum - 1e-9 ? .met : .violated,
          message: "\(percent(g.indivisibleReserves)) of the surplus to indivisible reserves; at least \(percent(minimum))", source: source)
      )
    }
    return out
  }

  func ues() -> [ConstraintResult] {
    guard let g = scenario.governance?.forStatute("ues") else {
      return [
        ConstraintResult(
          rule: "ues.governance", status: .violated, message: "the scenario describes no governance (groups of associates, capital)",
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
        message: "associates that are not social-economy bodies hold \(percent(capital)) of the capital; at most \(percent(limit))",
        source: source),
      ConstraintResult(
        rule: "ues.non_ess_votes", status: votes <= limit + 1e-9 ? .met : .violated,
        message: "associates that are not social-economy bodies hold \(percent(votes)) of the votes; at most \(percent(limit))",
        source: source),
    ]
  }
}
