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
  }

  @Test func stopEnd2013MakesIndemnitiesDue() throws {
    let v = try Self.project("stop-end-2013.yaml")
    #expect(total(v, "charges/remunerations", "2013") > total(Self.baseline, "charges/remunerations", "2013"))
    let extra =
      total(v, "charges/remunerations/charges_mission", "2013") - total(Self.baseline, "charges/remunerations/charges_mission", "2013")
    let gross = v.scenario.positions.first { $0.id == "charges_mission_2" }!.gross["2013"]!
    #expect(isClose(extra, Money.cents(gross * 12 * ShippedRules.parameter("indemnite_fin_contrat_taux", "2013-01")), tolerance: 1e-9))
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
    #expect(
      d == [
        "position 'coordinateur': indemnity_due: false → true",
        "position 'charges_mission_2': indemnity_due: false → true",
        "position 'administration_2013': indemnity_due: false → true",
      ])
  }
}
