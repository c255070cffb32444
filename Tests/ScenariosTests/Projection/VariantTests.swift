import Foundation
import Planner
import TestSupport
import Testing

@testable import Scenarios

@Suite struct VariantTests {
  static func project(_ name: String) throws -> Projection {
    let path = ShippedRules.folder.deletingLastPathComponent().appendingPathComponent(name).path
    return try Projection.run(try ScenarioLoader.load(path), ruleSet: ShippedRules.ruleSet)
  }

  static let baseline = try! project("baseline.yaml")

  func total(_ p: Projection, _ path: String, _ period: String) -> Double {
    p.budget.first { $0.path == path && $0.budget == "total" }?.values[period] ?? 0
  }

  @Test func europeStops2013() throws {
    let v = try Self.project("europe-stops-2013.yaml")
    let fse = v.scenario.subsidies.first { $0.id == "fse" }!
    #expect(fse.amounts["2013"] == 0)
    let lost = Self.baseline.scenario.subsidies.first { $0.id == "fse" }!.amounts["2013"]!
    #expect(total(v, "produits/subventions/europe", "2013") == 0)
    #expect(isClose(v.indicators["result"]!["2013"]!, Self.baseline.indicators["result"]!["2013"]! - lost, tolerance: 1e-9))
    #expect(v.indicators["result"]!["2012"] == Self.baseline.indicators["result"]!["2012"])
    // The variant writes 2013 only: 2012's amount is the base's, and explanations say so.
    #expect(fse.amounts.locations["2012"]?.file.hasSuffix("baseline.yaml") == true)
    #expect(fse.amounts.locations["2013"]?.file.hasSuffix("europe-stops-2013.yaml") == true)
    let explained = ExplanationRenderer.text(try ProjectionExplainer(v).explain(line: "produits/subventions/europe", period: "2012"))
    #expect(explained.contains("(subsidy 'fse')  [scenario \(fse.amounts.locations["2012"]!)]"))
    #expect(!explained.contains("europe-stops-2013.yaml"))
  }

  /// Wound up at 2013-12: the coordinator's CDD à objet défini ends without a CDI after it
  /// (its 10 % indemnity falls due), the CIFRE's CDD is ended before its term (the pay up to
  /// it, L1243-4), nothing happens after.
  @Test func stopEnd2013CarriesTheCostOfStopping() throws {
    let v = try Self.project("stop-end-2013.yaml")
    let dissolved = try #require(v.scenario.organisation.dissolved)
    let coordinator = v.scenario.positions.first { $0.id == "coordinateur" }!
    let rate = ShippedRules.parameter("indemnite_fin_contrat_taux", "2013-01")
    let coordinatorExtra =
      total(v, "charges/remunerations/coordinateur", "2013") - total(Self.baseline, "charges/remunerations/coordinateur", "2013")
    // The indemnity is on the contract's whole pay: the 2013 months and the pay the source
    // records for 2010-2011 (the coordinator alone on his line), the latter in the last month.
    let recorded = v.scenario.actuals["2010-2011"]!.budget["charges/remunerations/coordinateur"]!.values.reduce(0, +)
    #expect(
      isClose(
        coordinatorExtra, Money.cents(coordinator.gross["2013"]! * 12 * rate) + Money.cents(recorded * rate), tolerance: 0.011))

    let cifre = v.scenario.positions.first { $0.id == "responsable_rd" }!
    let term = cifre.start.adding(months: Int(ShippedRules.parameter("cifre_duree_contrat", "2013-01")) - 1)
    let monthsLeft = Double(dissolved.distance(to: term))
    #expect(monthsLeft > 0)
    // The 2013 pay of the R&D line is the same in both; the stop adds the damages.
    let cifreExtra =
      total(v, "charges/remunerations/responsable_rd", "2013") - total(Self.baseline, "charges/remunerations/responsable_rd", "2013")
    #expect(isClose(cifreExtra, Money.cents(cifre.gross["2013"]! * monthsLeft), tolerance: 1e-6))

    // The CDIs are ended: notice and severance pay on top of the 2013 pay.
    #expect(
      total(v, "charges/remunerations/charges_mission", "2013") > total(Self.baseline, "charges/remunerations/charges_mission", "2013"))
    for period in ["2014", "2015"] {
      #expect(total(v, "charges/total", period) == 0)
      #expect(total(v, "produits/total", period) == 0)
    }
  }

  /// The source's chain of CDDs costs the 2012 CDDs' indemnities, which the lawful baseline
  /// (a CDI after them) does not owe (L1243-10).
  @Test func theCDDChainCostsTheIndemnities() throws {
    let v = try Self.project("cdd-chain.yaml")
    let rate = ShippedRules.parameter("indemnite_fin_contrat_taux", "2012-01")
    let pay2012 = ["charges_mission_1", "administration_2012"].map { id in
      v.scenario.positions.first { $0.id == id }!.gross["2012"]! * 12
    }.reduce(0, +)
    let extra = total(v, "charges/remunerations", "2012") - total(Self.baseline, "charges/remunerations", "2012")
    #expect(isClose(extra, Money.cents(pay2012 * rate), tolerance: 1e-6))
    #expect(v.warnings.contains { $0.id == .scenarioLegalLimit && $0.message.contains("L1242-8") })
  }

  @Test func individualMembers2012() throws {
    let v = try Self.project("individual-members-2012.yaml")
    let members = v.scenario.members.first { $0.kind == "individual" }!
    let extra =
      total(v, "produits/autres_produits/cotisations", "2012") - total(Self.baseline, "produits/autres_produits/cotisations", "2012")
    #expect(isClose(extra, Double(members.count) * v.scenario.dues.individual, tolerance: 1e-9))
    #expect(
      total(v, "produits/autres_produits/cotisations", "2010-2011")
        == total(Self.baseline, "produits/autres_produits/cotisations", "2010-2011"))
  }

  @Test func differencesAreListed() throws {
    let v = try Self.project("stop-end-2013.yaml")
    let d = ScenarioDiff.differences(Self.baseline.scenario, v.scenario)
    #expect(d == ["organisation dissolved: – → 2013-12"])
  }
}
