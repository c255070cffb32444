import Foundation
import Planner
import TestSupport
import Testing

@testable import Scenarios

/// `plan compare` with a scenario that names organisations: the consolidated figures are
/// compared too, and a scenario without any is its own consolidation.
@Suite struct ComparisonTests {
  static func shipped(_ name: String) throws -> Scenario { try ScenarioLoader.load(repositoryPath("scenarios/\(name)").path) }

  @Test func consolidatedRowsWithOrganisations() throws {
    let base = try Projection.run(try Self.shipped("baseline.yaml"), ruleSet: ShippedRules.ruleSet)
    let g = try GroupProjection.run(try Self.shipped("eage-2012.yaml"), ruleSet: ShippedRules.ruleSet)
    let c = Comparison(
      [base, g.cluster],
      consolidated: [base.scenario.id: Comparison.consolidated(base, nil), g.cluster.scenario.id: Comparison.consolidated(g.cluster, g)])
    func row(_ key: String) throws -> Comparison.Row { try #require(c.rows.first { $0.key == "consolidated.\(key)" }) }
    for period in ["2012", "2013", "2014"] {
      // The baseline alone: its own figures.
      #expect(try row("result").values["baseline"]?[period] == base.indicators["result"]?[period])
      #expect(
        try row("charges").values["baseline"]?[period]
          == base.budget.first { $0.path == "charges/total" && $0.budget == "total" }?.values[period])
      // With the group: the consolidation's.
      #expect(try row("result").values["eage-2012"]?[period] == g.indicators["result"]?[period])
      #expect(try row("lowest_cash").values["eage-2012"]?[period] == g.indicators["lowest_cash"]?[period])
      let charges = try #require(g.consolidation.first { $0.path == "charges/total" }?.consolidated[period])
      #expect(try row("charges").values["eage-2012"]?[period] == charges)
      // The members' invoices are income of the consolidation: it is larger than the cluster's.
      #expect(charges > (g.cluster.budget.first { $0.path == "charges/total" && $0.budget == "total" }?.values[period] ?? 0))
    }
    // Without organisations, no consolidated rows.
    #expect(!Comparison([base, base]).rows.contains { $0.key.hasPrefix("consolidated.") })
  }
}
