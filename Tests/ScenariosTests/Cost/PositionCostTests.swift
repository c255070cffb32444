import Planner
import TestSupport
import Testing

@testable import Scenarios

@Suite struct PositionCostTests {
  func cost(_ q: CostQuery) throws -> CostReport {
    try PositionCost.compute(q, ruleSet: ShippedRules.ruleSet).0
  }

  static let years = ["2010", "2011", "2012", "2013", "2014", "2015"]
  static let salaried = ["cdd", "cdd-objet-defini", "cdi", "cifre"]

  /// Every contract in every year: totals add up to their lines, and the employer cost is
  /// gross + indemnity + contributions − reductions.
  @Test(arguments: ["cdd", "cdd-objet-defini", "cdi", "cifre", "service-civique", "stage", "benevole"], years)
  func totalsAddUp(_ contract: String, _ year: String) throws {
    // September: the service civique's amounts are known from 2010-07.
    let month = Month(parsing: "\(year)-09")!
    let gross: Double
    var hours: Double? = nil
    switch contract {
    case "service-civique": (gross, hours) = (110, 104)
    case "stage": gross = 600
    case "benevole": (gross, hours) = (0, 20)
    case "cifre": gross = 2100
    default: gross = 2500
    }
    let category = contract == "cdd-objet-defini" || contract == "cifre" ? "cadre" : "non-cadre"
    let r = try cost(CostQuery(contract: contract, gross: gross, month: month, hours: hours, category: category))
    for group in ["employer_contributions", "reductions", "aids"] {
      let lines = r.lines.filter { $0.group == group }.map(\.amount)
      let total = group == "employer_contributions" ? r.employerContributions : group == "reductions" ? r.reductions : r.aids
      #expect(Money.sum(lines) == total, "\(group)")
    }
    #expect(r.employerCost == Money.sum([r.gross, r.endOfContractIndemnity, r.employerContributions, -r.reductions]))
    // The employee's side: its lines add up, the net pay is the gross and indemnity less them,
    // and only an employee has any.
    #expect(Money.sum(r.lines.filter { $0.group == "employee_contributions" }.map(\.amount)) == r.employeeContributions)
    #expect(r.netPay == Money.sum([r.gross, r.endOfContractIndemnity, -r.employeeContributions]))
    #expect((r.employeeContributions > 0) == Self.salaried.contains(contract))
    for line in r.lines where line.base != nil {
      #expect(line.amount == Money.cents(line.base! * line.rate!), "\(line.id)")
    }
    if Self.salaried.contains(contract) {
      #expect(r.employerContributions > 0)
      #expect(r.lines.contains { $0.id == "maladie" })
    } else {
      #expect(!r.lines.contains { $0.id == "fillon" })
    }
    #expect(r.endOfContractIndemnity > 0 || !(contract == "cdd" || contract == "cdd-objet-defini"))
  }

  /// The reference's own worked total (§2.7): in 2012, a non-cadre paid at most one PSS by an
  /// employer of fewer than 10 employees bears 40.15 % of employer contributions before the
  /// Fillon reduction (AT at 1.1 %), without the taxes on payroll.
  @Test func theReferenceWorkedTotal() throws {
    let r = try cost(CostQuery(contract: "cdi", gross: 2000, month: Month(2012, 6), vatLiable: true, headcount: 3))
    let rates = [
      "maladie_employeur", "vieillesse_plafonnee_employeur", "vieillesse_deplafonnee_employeur",
      "allocations_familiales_employeur", "accidents_travail_bureau", "csa_employeur", "chomage_employeur",
      "ags_employeur", "arrco_t1_employeur", "agff_t1_employeur",
    ].map { ShippedRules.parameter($0, "2012-06") }
    // FNAL 0.1 % and training 0.55 % come from scales by headcount.
    let expected = (rates.reduce(0, +) + 0.001 + 0.0055) * 2000
    #expect(isClose(expected, 0.4015 * 2000, tolerance: 1e-6))
    #expect(isClose(r.employerContributions, expected, tolerance: 1e-6))
  }

  /// Thresholds of 10 and 20 employees: versement transport, training, FNAL, construction, Fillon's maximum.
  @Test(arguments: [(9, 10), (19, 20)])
  func headcountThresholds(_ below: Int, _ at: Int) throws {
    func lines(_ n: Int) throws -> [String: Double] {
      let r = try cost(CostQuery(contract: "cdi", gross: 1500, month: Month(2013, 6), headcount: n))
      return Dictionary(uniqueKeysWithValues: r.lines.map { ($0.id, $0.rate ?? $0.amount) })
    }
    let b = try lines(below), a = try lines(at)
    if at == 10 {
      #expect(b["versement_transport"] == nil)
      #expect(a["versement_transport"] == ShippedRules.parameter("versement_transport_taux", "2013-06"))
      #expect(b["formation"]! < a["formation"]!)
    } else {
      #expect(b["fnal_plafonnee"]! < a["fnal_plafonnee"]!)
      #expect(b["construction"] == nil && a["construction"] == ShippedRules.parameter("construction_taux", "2013-06"))
      #expect(b["fillon"]! > a["fillon"]!)
    }
  }

  /// At the SMIC the Fillon coefficient is its maximum T, each year (0.281 until 2014, 0.2795 in 2015).
  @Test(arguments: years.dropFirst())
  func fillonAtTheSmic(_ year: String) throws {
    let month = Month(parsing: "\(year)-06")!
    let smic = Money.cents(ShippedRules.parameter("smic_horaire", "\(year)-06") * 151.67)
    let r = try cost(CostQuery(contract: "cdi", gross: smic + 0.01, month: month, headcount: 3))
    let fillon = try #require(r.lines.first { $0.id == "fillon" })
    let expectedT = year == "2015" ? 0.2795 : 0.281
    #expect(isClose(fillon.rate!, expectedT, tolerance: 1e-3))
  }

  @Test func theCddIndemnityBearsContributionsAndEntersTheFillonBase() throws {
    let with = try cost(CostQuery(contract: "cdd", gross: 1600, month: Month(2012, 6)))
    let without = try cost(CostQuery(contract: "cdd", gross: 1600, month: Month(2012, 6), indemnityDue: false))
    #expect(with.endOfContractIndemnity == 160)
    #expect(with.lines.first { $0.id == "maladie" }?.base == 1760)
    #expect(with.lines.first { $0.id == "fillon" }?.base == 1760)
    #expect(without.endOfContractIndemnity == 0)
    #expect(with.employerCost > without.employerCost)
  }

  /// The CIF-CDD (L6322-37): 1 % of a CDD's pay, a CIFRE's CDD included, not when a CDI on
  /// the same post follows, nor on a CAE, nor on a CDI.
  @Test func theCifCddIsNotDueWhenACdiFollowsNorOnACae() throws {
    func cif(_ q: CostQuery) throws -> Double { try cost(q).lines.first { $0.id == "cif_cdd" }?.amount ?? 0 }
    let month = Month(2012, 6)
    // Its base is the pay with the 10 % indemnity: 1,760 €.
    #expect(try cif(CostQuery(contract: "cdd", gross: 1600, month: month)) == 17.6)
    #expect(try cif(CostQuery(contract: "cdd", gross: 1600, month: month, cdiFollows: true)) == 0)
    // A CDD that a CDI follows owes no indemnity either (L1243-11).
    #expect(try cost(CostQuery(contract: "cdd", gross: 1600, month: month, cdiFollows: true)).endOfContractIndemnity == 0)
    #expect(try cif(CostQuery(contract: "cifre", gross: 2100, month: month, category: "cadre")) == 21)
    #expect(try cif(CostQuery(contract: "cdd", gross: 1600, month: month, duration: 12, aid: "cui-cae", aidRate: 0.7)) == 0)
    #expect(try cif(CostQuery(contract: "cdi", gross: 1600, month: month)) == 0)
  }

  @Test func shortCddSurchargeFromJuly2013() throws {
    let before = try cost(CostQuery(contract: "cdd", gross: 1600, month: Month(2013, 6), duration: 1))
    let after = try cost(CostQuery(contract: "cdd", gross: 1600, month: Month(2013, 7), duration: 1))
    let mid = try cost(CostQuery(contract: "cdd", gross: 1600, month: Month(2013, 7), duration: 3))
    #expect(before.lines.first { $0.id == "chomage" }?.rate == 0.04)
    #expect(isClose(after.lines.first { $0.id == "chomage" }!.rate!, 0.07))
    #expect(isClose(mid.lines.first { $0.id == "chomage" }!.rate!, 0.055))
  }

  @Test func internsBearContributionsOnTheExcessOnly() throws {
    let at = try cost(CostQuery(contract: "stage", gross: 436.05, month: Month(2012, 6)))
    let above = try cost(CostQuery(contract: "stage", gross: 536.05, month: Month(2012, 6)))
    #expect(at.employerContributions == 0)
    #expect(above.lines.first { $0.id == "maladie" }?.base == 100)
    #expect(!above.lines.contains { $0.id == "chomage" || $0.id == "fillon" })
  }

  @Test func taxeSurLesSalairesOnlyWithoutVat() throws {
    let association = try cost(CostQuery(contract: "cdi", gross: 2000, month: Month(2012, 6)))
    let vat = try cost(CostQuery(contract: "cdi", gross: 2000, month: Month(2012, 6), vatLiable: true))
    #expect(association.taxeSalaires > 0)
    #expect(vat.taxeSalaires == 0)
    #expect(isClose(association.employerContributions - vat.employerContributions, association.taxeSalaires))
  }

  @Test func cifreAidsDependOnTheEmployer() throws {
    let association = try cost(CostQuery(contract: "cifre", gross: 2000, month: Month(2012, 6), category: "cadre"))
    let scic = try cost(CostQuery(contract: "cifre", gross: 2000, month: Month(2012, 6), category: "cadre", employer: "scic"))
    let research = try cost(
      CostQuery(contract: "cifre", gross: 2000, month: Month(2012, 6), category: "cadre", employer: "scic", research: true))
    let researchAssociation = try cost(
      CostQuery(contract: "cifre", gross: 2000, month: Month(2012, 6), category: "cadre", research: true))
    let anrt = Money.cents(ShippedRules.parameter("cifre_subvention_anrt_annuelle", "2012-06") / 12)
    #expect(association.aids == anrt)
    #expect(researchAssociation.aids == anrt)
    // The CIR only when the work qualifies as R&D (a condition, never assumed).
    #expect(scic.aids == anrt)
    #expect(!scic.lines.contains { $0.id == "cir" })
    #expect(research.aids > anrt)
    #expect(research.lines.contains { $0.id == "cir" })
  }

  struct LegalCase: Sendable, CustomTestStringConvertible {
    var name: String
    var query: CostQuery
    var rule: String
    var testDescription: String { name }
  }

  static let legalCases: [LegalCase] = [
    .init(
      name: "CDD à objet défini of 12 months",
      query: CostQuery(contract: "cdd-objet-defini", gross: 3000, month: Month(2012, 1), category: "cadre", duration: 12),
      rule: "cdd_objet_defini_duration"),
    .init(
      name: "CDD à objet défini for a non-cadre", query: CostQuery(contract: "cdd-objet-defini", gross: 3000, month: Month(2012, 1)),
      rule: "cdd_objet_defini_for_cadres"),
    .init(
      name: "volunteer at 50 h a week", query: CostQuery(contract: "service-civique", gross: 110, month: Month(2012, 1), hours: 216.67),
      rule: "service_civique_weekly_hours"),
    .init(
      name: "service civique hosted by a SCIC",
      query: CostQuery(contract: "service-civique", gross: 110, month: Month(2012, 1), hours: 104, employer: "scic"),
      rule: "service_civique_host"),
    .init(
      name: "service civique of 3 months",
      query: CostQuery(contract: "service-civique", gross: 110, month: Month(2012, 1), hours: 104, duration: 3),
      rule: "service_civique_duration"),
    .init(
      name: "intern of 6 months under the minimum", query: CostQuery(contract: "stage", gross: 300, month: Month(2012, 1)),
      rule: "stage_gratification"),
    .init(
      name: "CIFRE under the ANRT floor", query: CostQuery(contract: "cifre", gross: 1500, month: Month(2012, 1), category: "cadre"),
      rule: "cifre_salary"),
    .init(name: "pay under the SMIC", query: CostQuery(contract: "cdi", gross: 1000, month: Month(2012, 1)), rule: "pay_below_smic"),
  ]

  @Test(arguments: legalCases)
  func legalLimitsAreErrorsWithTheirSource(_ c: LegalCase) {
    do {
      _ = try PositionCost.compute(c.query, ruleSet: ShippedRules.ruleSet)
      Issue.record("expected a legal-limit error")
    } catch {
      let d = error.diagnostics.first
      #expect(d?.id == .costLegalLimit)
      let rule = ShippedRules.ruleSet.rule(named: c.rule)!
      #expect(d?.location == rule.location)
      #expect(d?.message == "legal limit broken: \(rule.label(in: "en")!) (\(rule.source!))")
      #expect(d?.message(in: .of(.fr)) == "limite légale enfreinte : \(rule.label(in: "fr")!) (\(rule.source!))")
    }
  }

  @Test func anInternOfTwoMonthsNeedsNoGratification() throws {
    let r = try cost(CostQuery(contract: "stage", gross: 0, month: Month(2012, 1), duration: 2))
    #expect(r.employerCost == 0)
  }

  @Test func unknownOptionValues() {
    #expect(throws: DiagnosticList.self) { try cost(CostQuery(contract: "interim", gross: 1, month: Month(2012, 1))) }
  }
}
