import Foundation
import Planner
import TestSupport
import Testing

@testable import Scenarios

@Suite struct StatuteTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")
  static let scenarios = ShippedRules.folder.deletingLastPathComponent()

  static func load(_ path: String) throws -> Scenario { try ScenarioLoader.load(path) }
  static func shipped(_ name: String) throws -> Scenario { try load(scenarios.appendingPathComponent(name).path) }

  /// The baseline under each statute from 2012-01, computed once for the tests that read it.
  static let baselineFrom2012 = try! StatuteComparison(
    try! shipped("baseline.yaml"), ruleSet: ShippedRules.ruleSet, from: Month(2012, 1))

  /// The CIR of the baseline's UES variant in 2012 (one statute projected, not three).
  static func uesCIR2012(_ s: Scenario) throws -> Double {
    let variant = StatuteComparison.variant(s, statute: "ues", from: Month(2012, 1))
    let p = try Projection.run(variant, ruleSet: ShippedRules.ruleSet, legalLimitsAsWarnings: true)
    return Money.cents(p.evaluation.total("cir_total", months: p.periods.first { $0.id == "2012" }!.monthIndices) ?? 0)
  }

  // MARK: Constraints

  static let violations =
    ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent("constraints").path)) ?? [])
    .filter { $0.hasSuffix(".yaml") }.sorted()

  /// One fixture per constraint, named after it: `plan check` reports it, located.
  @Test(arguments: violations)
  func eachConstraintViolated(_ name: String) throws {
    let path = Self.fixtures.appendingPathComponent("constraints/\(name)").path
    let rule = String(name.dropLast(".yaml".count))
    let outcome = ScenarioCheck.check(path)
    let errors = outcome.diagnostics.filter { $0.severity == .error }
    #expect(!errors.isEmpty)
    if rule == "service_civique.host" {
      #expect(errors.first?.id == .scenarioLegalLimit)
    } else {
      #expect(errors.contains { $0.id == .scenarioConstraint && $0.message.contains("\(rule) violated") }, "\(errors.map(\.message))")
    }
    #expect(errors.allSatisfy { $0.location?.file == path })
  }

  @Test(arguments: ["scic-2013.yaml", "ues-2013.yaml", "baseline.yaml"])
  func shippedScenariosMeetTheirConstraints(_ name: String) throws {
    let s = try Self.shipped(name)
    let p = try Projection.run(s, ruleSet: ShippedRules.ruleSet)
    for (from, statute) in s.organisation.statutes {
      let results = ConstraintChecker(scenario: s, ruleSet: ShippedRules.ruleSet, month: from).check(statute, projection: p)
      #expect(!results.isEmpty)
      #expect(results.allSatisfy { $0.status != .violated }, "\(results.filter { $0.status == .violated }.map(\.message))")
    }
  }

  @Test func everyConstraintHasAFixture() {
    let rules = [
      "association.franchise", "scic.categories", "scic.colleges", "scic.public_capital", "scic.indivisible_reserves",
      "ues.non_ess_capital", "ues.non_ess_votes", "service_civique.host", "association.auditor", "scic.capital", "scic.auditor",
      "scic.legal_form", "group.governance", "group.capital", "group.associates", "subsidies.non_profit_only",
    ]
    #expect(Set(Self.violations.map { String($0.dropLast(".yaml".count)) }) == Set(rules))
  }

  /// The public bodies' limit moves from 20 % to 50 % with the ESS law (2014-08).
  @Test func publicCapitalLimitIsDated() throws {
    let s = try Self.load(Self.fixtures.appendingPathComponent("constraints/scic.public_capital.yaml").path)
    func status(_ m: Month) -> ConstraintResult.Status? {
      ConstraintChecker(scenario: s, ruleSet: ShippedRules.ruleSet, month: m).check("scic", projection: nil).first {
        $0.rule == "scic.public_capital"
      }?.status
    }
    #expect(status(Month(2013, 1)) == .violated)
    #expect(status(Month(2014, 9)) == .met)
  }

  // MARK: Money

  /// A SCIC deducts what it puts into indivisible reserves from the IS base; no reduced
  /// rate when natural persons hold less than 75 % of the capital.
  @Test func scicCorporateTax() throws {
    let s = try Self.load(Self.fixtures.appendingPathComponent("statutes/profit-scic.yaml").path)
    let p = try Projection.run(s, ruleSet: ShippedRules.ruleSet)
    let months = p.periods.first { $0.id == "2013" }!.monthIndices
    let profit = months.reduce(0) { $0 + p.evaluation.value("profit_before_tax", month: $1)! }
    #expect(profit > 0)
    let tax = p.evaluation.value("is_year", month: months.last!)!
    let normal = ShippedRules.parameter("is_taux_normal", "2013-06")
    #expect(isClose(tax, normal * profit * (1 - s.governance!.indivisibleReserves), tolerance: 1e-9))
  }

  /// A UES pays IS on its whole profit, at the reduced rate on the first 38,120 EUR when
  /// natural persons hold 75 % of the capital.
  @Test func uesCorporateTaxWithReducedRate() throws {
    let s = try Self.load(Self.fixtures.appendingPathComponent("statutes/profit-ues-natural-persons.yaml").path)
    let p = try Projection.run(s, ruleSet: ShippedRules.ruleSet)
    let months = p.periods.first { $0.id == "2013" }!.monthIndices
    let profit = months.reduce(0) { $0 + p.evaluation.value("profit_before_tax", month: $1)! }
    let threshold = ShippedRules.parameter("is_seuil_taux_reduit", "2013-06")
    #expect(profit > threshold)
    let expected =
      ShippedRules.parameter("is_taux_reduit", "2013-06") * threshold
      + ShippedRules.parameter("is_taux_normal", "2013-06") * (profit - threshold)
    #expect(isClose(p.evaluation.value("is_year", month: months.last!)!, expected, tolerance: 1e-9))
    // The IS is a charge: the result after tax is the profit less the tax, plus the tax
    // credits (CICE, CIR), which are neither subsidies nor taxable.
    let result = p.indicators["result"]!["2013"]!
    let credits = months.reduce(0) { $0 + p.evaluation.value("cice_total", month: $1)! + p.evaluation.value("cir_total", month: $1)! }
    #expect(abs(result - (profit - expected + credits)) < 0.05)
  }

  /// A group's commercial company: corporate tax on its whole profit, no associations'
  /// allowance on the taxe sur les salaires, no service civique; the associates vote by their
  /// capital.
  @Test func groupOfCompanies() throws {
    let c = Self.baselineFrom2012
    let byStatute = Dictionary(uniqueKeysWithValues: c.reports.map { ($0.statute, $0) })
    let group = try #require(byStatute["group"])
    let eligible = Dictionary(uniqueKeysWithValues: group.eligibility.map { ($0.id, $0.eligible) })
    #expect(eligible["service_civique"] == false && eligible["taxe_salaires_allowance"] == false)
    #expect(eligible["corporate_tax"] == true && eligible["mecenat"] == false)
    // The taxe sur les salaires is the association's before its allowance: the group pays
    // at least as much, and more wherever the association's allowance applied.
    for period in ["2012", "2013"] {
      let a = byStatute["association"]!.indicators["taxe_salaires"]?[period] ?? 0
      let g = group.indicators["taxe_salaires"]?[period] ?? 0
      #expect(g >= a, "\(period): \(g) < \(a)")
    }
    // Votes follow the capital.
    let s = try Self.shipped("scic-2013.yaml")
    let shares = StatuteComparison.voteShares(s, statute: "group")
    let g = try #require(s.governance)
    for grp in g.groups { #expect(isClose(shares[grp.id] ?? -1, grp.capital / g.totalCapital, tolerance: 1e-12)) }
    // The service civique volunteers of the baseline are hosted by a company: violated.
    #expect(group.constraints.contains { $0.rule == "service_civique.host" && $0.status == .violated })
    #expect(group.constraints.contains { $0.rule == "group.governance" && $0.status == .violated })
  }

  @Test func ciceFrom2013ForCompaniesOnly() throws {
    let c = Self.baselineFrom2012
    let byStatute = Dictionary(uniqueKeysWithValues: c.reports.map { ($0.statute, $0) })
    #expect(byStatute["association"]!.indicators["cice"]!["2013"] == 0)
    #expect(byStatute["scic"]!.indicators["cice"]!["2012"] == 0)
    #expect(byStatute["scic"]!.indicators["cice"]!["2013"]! > 0)
  }

  /// The conditional credits: the result without them is the result less the CIR and the
  /// CICE, each listed with its conditions and source; none for the association.
  @Test func conditionalCreditsAreShownApart() throws {
    let c = Self.baselineFrom2012
    for r in c.reports {
      for period in ["2012", "2013", "2014", "2015"] {
        let credits = r.conditional.filter { $0.period == period }.reduce(0) { $0 + $1.amount }
        let result = r.indicators["result"]![period]!, without = r.indicators["result_without_conditional"]![period]!
        #expect(isClose(without, result - credits, tolerance: 0.005), "\(r.statute) \(period)")
      }
      #expect(r.conditional.allSatisfy { !$0.conditions.isEmpty && $0.source != nil })
    }
    let association = c.reports.first { $0.statute == "association" }!, ues = c.reports.first { $0.statute == "ues" }!
    #expect(association.conditional.isEmpty)
    #expect(ues.conditional.contains { $0.item == "cir" && $0.period == "2012" })
    #expect(ues.conditional.contains { $0.item == "cice" && $0.period == "2013" })
  }

  /// The public subsidies that fund the research come off the CIR's base: marking none of
  /// them as such can only raise the credit.
  @Test func researchSubsidiesLowerTheCIR() throws {
    var s = try Self.shipped("baseline.yaml")
    let funded = try Self.uesCIR2012(s)
    for i in s.subsidies.indices { s.subsidies[i].fundsResearch = false }
    let unfunded = try Self.uesCIR2012(s)
    #expect(unfunded > funded)
    #expect(funded > 0)
    // Without the qualification, no CIR at all.
    for i in s.positions.indices { s.positions[i].cirQualifies = 0 }
    #expect(try Self.uesCIR2012(s) == 0)
  }

  /// The associations' allowance lowers the taxe sur les salaires; a company without VAT pays it in full.
  @Test func taxeSurLesSalairesAllowance() throws {
    let c = Self.baselineFrom2012
    let association = c.reports.first { $0.statute == "association" }!, scic = c.reports.first { $0.statute == "scic" }!
    let gross = scic.indicators["taxe_salaires"]!["2012"]!
    let allowance = ShippedRules.parameter("taxe_salaires_abattement", "2012-06")
    #expect(gross > allowance)
    #expect(association.indicators["taxe_salaires"]!["2012"]! < gross)
  }

  @Test func eligibilityDiffersByStatute() throws {
    let c = try StatuteComparison(try Self.shipped("baseline.yaml"), ruleSet: ShippedRules.ruleSet, from: Month(2013, 1))
    func eligible(_ statute: String, _ id: String) -> Bool? {
      c.reports.first { $0.statute == statute }?.eligibility.first { $0.id == id }?.eligible
    }
    for (id, association, company) in [
      ("mecenat", false, false), ("service_civique", true, false), ("cir", false, true), ("cice", false, true),
      ("taxe_salaires_allowance", true, false), ("corporate_tax", false, true), ("taxe_apprentissage", false, true),
      ("operating_subsidies", true, true),
    ] {
      #expect(eligible("association", id) == association, "\(id)")
      #expect(eligible("scic", id) == company, "\(id)")
      #expect(eligible("ues", id) == company, "\(id)")
    }
  }

  /// Conditional facts of a statute follow the scenario's answers: gifts open the mécénat
  /// reductions only with a rescrit; a lucrative association is subject to corporate tax.
  @Test func mecenatAndLucrativityAreConditions() throws {
    var s = try Self.shipped("baseline.yaml")
    s.organisation.mecenatRescrit = true
    s.organisation.lucrative = true
    let c = try StatuteComparison(s, ruleSet: ShippedRules.ruleSet, from: Month(2013, 1))
    let association = c.reports.first { $0.statute == "association" }!
    func eligible(_ id: String) -> Bool? { association.eligibility.first { $0.id == id }?.eligible }
    #expect(eligible("mecenat") == true)
    #expect(eligible("corporate_tax") == true)
    #expect(eligible("cice") == true)
    #expect(association.indicators["cice"]!["2013"]! > 0)
  }

  // MARK: Governance

  @Test func voteShares() throws {
    let scic = try Self.shipped("scic-2013.yaml")
    let shares = StatuteComparison.voteShares(scic, statute: "scic")
    #expect(isClose(shares.values.reduce(0, +), 1))
    let college = scic.governance!.colleges.first { $0.id == "salaries" }!.weight
    #expect(isClose(shares["employees"]!, college))
    let association = StatuteComparison.voteShares(scic, statute: "association")
    #expect(association["member_organisations"] == 1)
    #expect(association["employees"] == 0)
    let individuals = StatuteComparison.voteShares(try Self.shipped("individual-members-2012.yaml"), statute: "association")
    #expect(isClose(individuals["individual_members"]!, 40.0 / 52.0))
  }

  /// With the employers' group, each statute's consolidated figures: the cluster under that
  /// statute plus the group (whose accounts do not change with it).
  @Test func consolidatedUnderEachStatute() throws {
    let s = try ScenarioLoader.load(Self.scenarios.appendingPathComponent("eage-2012.yaml").path)
    let c = try StatuteComparison(s, ruleSet: ShippedRules.ruleSet, from: Month(2013, 1))
    let g = try GroupProjection.run(s, ruleSet: ShippedRules.ruleSet)
    let groupResult = try #require(g.groups.first?.projection.indicators["result"])
    for r in c.reports {
      for period in ["2013", "2014"] {
        let own = try #require(r.indicators["result"]?[period])
        #expect(r.indicators["consolidated_result"]?[period] == Money.sum([own, groupResult[period] ?? 0]), "\(r.statute) \(period)")
        #expect(r.indicators["consolidated_lowest_cash"]?[period] != nil)
      }
    }
    // The association as the scenario is: the consolidation of plan run.
    let association = try #require(c.reports.first { $0.statute == "association" })
    for key in ["result", "reserves", "lowest_cash"] {
      #expect(association.indicators["consolidated_\(key)"] == g.indicators[key], "\(key)")
    }
    // Without organisations, none.
    #expect(Self.baselineFrom2012.reports.allSatisfy { $0.indicators["consolidated_result"] == nil })
  }
}
