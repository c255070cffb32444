import Foundation
import Planner
import TestSupport
import Testing

@testable import Scenarios

/// The job aids (scenarios/rules/job-aids.yaml): the emploi d'avenir and the CUI-CAE, their
/// exemptions, their eligibility by statute and their contracts' own limits.
@Suite struct JobAidTests {
  func cost(_ q: CostQuery) throws -> CostReport {
    try PositionCost.compute(q, ruleSet: ShippedRules.ruleSet).0
  }

  func amount(_ r: CostReport, _ id: String) -> Double { r.lines.first { $0.id == id }?.amount ?? 0 }

  /// An emploi d'avenir at the SMIC in an association: the aid is the arrêté's rate of the
  /// SMIC for the hours; the CAE's exemption covers the assurances sociales and family
  /// allowances; no Fillon reduction, no taxe sur les salaires, apprentissage or construction.
  @Test func emploiAvenirInAnAssociation() throws {
    let month = "2013-03"
    let smic = ShippedRules.parameter("smic_horaire", month)
    let hours = ShippedRules.parameter("full_time_hours_per_month", month)
    let gross = Money.cents(smic * hours)
    let r = try cost(CostQuery(contract: "cdi", gross: gross, month: Month(parsing: month)!, headcount: 25, aid: "emploi-avenir"))
    let rate = ShippedRules.parameter("emploi_avenir_taux_cae", month)
    #expect(rate > 0)
    #expect(amount(r, "job_aid") == Money.cents(rate * smic * hours))
    let exempt = Money.sum(["maladie", "vieillesse_plafonnee", "vieillesse_deplafonnee", "allocations_familiales"].map { amount(r, $0) })
    #expect(exempt > 0)
    #expect(isClose(amount(r, "cae_exoneration"), exempt, tolerance: 0.011))
    for id in ["fillon", "taxe_salaires", "taxe_apprentissage", "construction"] {
      #expect(!r.lines.contains { $0.id == id }, "\(id)")
    }
    // The same contract without the aid has the Fillon reduction and the construction effort.
    let plain = try cost(CostQuery(contract: "cdi", gross: gross, month: Month(parsing: month)!, headcount: 25))
    #expect(amount(plain, "fillon") > 0)
    #expect(amount(plain, "construction") > 0)
    #expect(amount(plain, "job_aid") == 0)
  }

  /// Above the SMIC, only the pay up to the SMIC for the hours is exempt.
  @Test func theExemptionStopsAtTheSmic() throws {
    let month = "2013-03"
    let smic = ShippedRules.parameter("smic_horaire", month)
    let hours = ShippedRules.parameter("full_time_hours_per_month", month)
    let r = try cost(CostQuery(contract: "cdi", gross: 2 * smic * hours, month: Month(parsing: month)!, aid: "emploi-avenir"))
    let full = Money.sum(["maladie", "vieillesse_plafonnee", "vieillesse_deplafonnee", "allocations_familiales"].map { amount(r, $0) })
    #expect(isClose(amount(r, "cae_exoneration"), full / 2, tolerance: 0.011))
  }

  /// A company is in the market sector: no emploi d'avenir aid unless the prefect lists its
  /// sector (then the CIE form's rate), and the Fillon reduction instead of the exemption.
  @Test func aCompanyGetsTheMarketFormOnlyWhereThePrefectListsItsSector() throws {
    let month = Month(2013, 3)
    let q = CostQuery(contract: "cdi", gross: 1500, month: month, employer: "ues", aid: "emploi-avenir")
    let none = try cost(q)
    #expect(amount(none, "job_aid") == 0)
    #expect(amount(none, "cae_exoneration") == 0)
    #expect(amount(none, "fillon") > 0)
    var listed = q
    listed.marketSector = true
    let cie = try cost(listed)
    let smic = ShippedRules.parameter("smic_horaire", "2013-03")
    let hours = ShippedRules.parameter("full_time_hours_per_month", "2013-03")
    #expect(amount(cie, "job_aid") == Money.cents(ShippedRules.parameter("emploi_avenir_taux_cie", "2013-03") * smic * hours))
  }

  /// A CUI-CAE: the prefect's rate for the hours; a company cannot sign one.
  @Test func cuiCae() throws {
    let smic = ShippedRules.parameter("smic_horaire", "2012-03")
    let r = try cost(
      CostQuery(contract: "cdd", gross: 1100, month: Month(2012, 3), hours: 112.67, duration: 12, aid: "cui-cae", aidRate: 0.7))
    #expect(amount(r, "job_aid") == Money.cents(0.7 * smic * 112.67))
    #expect(r.endOfContractIndemnity == 0)
    #expect(throws: DiagnosticList.self) {
      try cost(CostQuery(contract: "cdi", gross: 1500, month: Month(2013, 3), employer: "scic", aid: "cui-cae", aidRate: 0.7))
    }
  }

  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/job-aids")

  /// A CDD signed under a job aid right after a CDD on the same post is lawful (L1242-3);
  /// the same chain without the aid is refused (L1242-8).
  @Test func anAidedCddIsOutsideTheRulesOnSuccessiveCdds() throws {
    let aided = try ScenarioLoader.load(Self.fixtures.appendingPathComponent("aided-cdd-after-cdd.yaml").path)
    let p = try Projection.run(aided, ruleSet: ShippedRules.ruleSet)
    #expect(!p.warnings.contains { $0.id == .scenarioLegalLimit })
    let unaided = try ScenarioLoader.load(Self.fixtures.appendingPathComponent("unaided-cdd-after-cdd.yaml").path)
    do {
      _ = try Projection.run(unaided, ruleSet: ShippedRules.ruleSet)
      Issue.record("the unaided chain of CDDs was accepted")
    } catch {
      #expect(error.diagnostics.contains { $0.id == .scenarioLegalLimit && $0.message.contains("L1242-8") })
    }
  }

  /// The shipped variant: the aid for 2013 is the arrêté's rate of each month's SMIC for the
  /// hours; the 2012 CDD's holder leaves, so its indemnity falls due.
  @Test func emploiAvenir2013Variant() throws {
    let v = try VariantTests.project("emploi-avenir-2013.yaml")
    let base = VariantTests.baseline
    func total(_ p: Projection, _ path: String, _ period: String) -> Double {
      p.budget.first { $0.path == path && $0.budget == "total" }?.values[period] ?? 0
    }
    let position = try #require(v.scenario.positions.first { $0.aid == "emploi-avenir" })
    let monthly = position.hours["2013"]! / 12
    var aid: [Double] = []
    for m in 1...12 {
      let month = String(format: "2013-%02d", m)
      let rate = ShippedRules.parameter("emploi_avenir_taux_cae", month)
      aid.append(
        Money.cents(
          rate * ShippedRules.parameter("smic_horaire", month) * min(monthly, ShippedRules.parameter("full_time_hours_per_month", month))))
    }
    let extraAids = total(v, "produits/subventions/asp", "2013") - total(base, "produits/subventions/asp", "2013")
    #expect(isClose(extraAids, Money.sum(aid), tolerance: 0.011))
    let cdd = try #require(v.scenario.positions.first { $0.id == "administration_2012" })
    let indemnity = Money.cents(cdd.gross["2012"]! * 12 * ShippedRules.parameter("indemnite_fin_contrat_taux", "2012-12"))
    let extraPay =
      total(v, "charges/remunerations/administration_communication", "2012")
      - total(base, "charges/remunerations/administration_communication", "2012")
    #expect(isClose(extraPay, indemnity, tolerance: 0.011))
  }
}
