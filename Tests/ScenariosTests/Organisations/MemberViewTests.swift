import Foundation
import Planner
import TestSupport
import Testing

@testable import Scenarios

/// Each member's view: what it pays is the cluster's dues and the group's invoices; alone,
/// the same hours at its own statute and headcount; the saving is the difference.
@Suite struct MemberViewTests {
  static let scenario = try! ScenarioLoader.load(repositoryPath("scenarios/eage-2012.yaml").path)
  static let group = try! GroupProjection.run(scenario, ruleSet: ShippedRules.ruleSet)
  static let view = try! MemberView.run(group, ruleSet: ShippedRules.ruleSet)

  @Test func paysWhatTheClusterAndTheGroupCharge() throws {
    let g = try #require(Self.group.groups.first)
    let ev = Self.group.cluster.evaluation
    let ids = try #require(ev.situation.entities["member"])
    #expect(Self.view.members.count == Self.scenario.members.filter { $0.kind == "organisation" }.count)
    for row in Self.view.members {
      let r = try #require(ids.firstIndex(of: row.id))
      for period in Self.group.cluster.periods {
        let f = try #require(row.periods[period.id])
        let dues = Money.cents(period.monthIndices.reduce(0) { $0 + (ev.value("member_dues", row: r, month: $1) ?? 0) })
        #expect(f.pays["dues"] == dues)
        #expect((f.pays["invoices"] ?? 0) == (g.invoices[row.id]?[period.id] ?? 0))
        #expect(f.netWithGroup == Money.sum(Array(f.pays.values)))
      }
    }
    // The members' invoices and the cluster's add up to what the group invoices.
    for period in ["2012", "2013"] {
      let members = Money.sum(Self.view.members.map { $0.periods[period]?.pays["invoices"] ?? 0 })
      let cluster = g.invoices[LinkedOrganisation.cluster]?[period] ?? 0
      #expect(Money.sum([members, cluster]) == Money.sum(g.invoices.values.map { $0[period] ?? 0 }))
    }
  }

  @Test func aloneIsTheSameHoursAsItsOwnStaff() throws {
    for row in Self.view.members {
      for period in ["2012", "2013", "2014", "2015"] {
        let f = try #require(row.periods[period])
        let alone = try #require(f.costAlone, "\(row.id) \(period)")
        #expect(alone > 0)
        let group = Money.sum([f.pays["invoices"] ?? 0, f.pays["vat"] ?? 0])
        #expect(f.saving == Money.cents(alone - group))
      }
      // Before the group, nothing to compare.
      #expect(row.periods["2010-2011"]?.costAlone == nil)
    }
    // Le Fil uses a quarter of the management controller and of the payroll officer and a
    // tenth of the network administrator: alone, those hours cost it less than the whole
    // charges they carry in the group (its share of the rent, software and fees) but more
    // than the pay alone.
    let leFil = try #require(Self.view.members.first { $0.id == "le_fil" })
    let f = try #require(leFil.periods["2013"])
    let pay = (0.25 * 2600 + 0.25 * 2000 + 0.10 * 1100) * 12
    #expect(f.costAlone! > pay && f.costAlone! < f.pays["invoices"]!)
    #expect(leFil.employer == "association" && leFil.headcount == 16 && leFil.headcountGiven)
    #expect(Self.view.members.first { $0.id == "yes_high_tech" }?.employer == "group")
  }
}
