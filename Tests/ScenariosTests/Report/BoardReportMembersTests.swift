import Foundation
import Planner
import TestSupport
import Testing

@testable import Scenarios

/// The report's chapter on what the cluster and its group cost each member: present for a
/// scenario with organisations, its totals the sums of the lines shown.
@Suite struct BoardReportMembersTests {
  static func report(_ name: String) throws -> BoardReport {
    let s = try ScenarioLoader.load(repositoryPath("scenarios/\(name)").path)
    return try BoardReport(
      scenarios: [s], ruleSet: ShippedRules.ruleSet, statutes: false, draws: 0, seed: 1, threads: 1, messages: .of(.fr), version: "test")
  }

  @Test func membersChapterWithTheGroup() throws {
    let r = try Self.report("eage-2012.yaml")
    let html = r.html()
    let m = Messages.of(.fr)
    #expect(html.contains("id=\"membres-eage-2012\""))
    let view = try #require(r.members["eage-2012"])
    for row in view.members { #expect(html.contains(">\(SVGChart.escape(row.name))</th>"), "\(row.name)") }
    // The row of all members: each exercise's sums of the members' lines.
    let totalRow = try #require(
      html.split(separator: "\n").first { $0.contains("<tr class=\"total\">") && $0.contains(m("report.members.total")) })
    for period in ["2012", "2015"] {
      let paid = Money.sum(view.members.compactMap { $0.periods[period]?.netWithGroup })
      let saving = Money.sum(view.members.compactMap { $0.periods[period]?.saving })
      #expect(
        totalRow.contains(">\(SVGChart.escape(m.amount(paid)))</td>") && totalRow.contains(">\(SVGChart.escape(m.amount(saving)))</td>"),
        "\(period)")
    }
    // What the members answer for, and the consolidation.
    let group = try #require(r.organisations["eage-2012"]?.groups.first)
    #expect(html.contains(SVGChart.escape(m.euros(group.jointLiability["2013"]!))))
    #expect(!(try Self.report("baseline.yaml").html().contains("id=\"membres-")))
  }
}
