import Foundation
import Planner
import TestSupport
import Testing

@testable import Scenarios

/// The CERFA n° 12156 layout (scenarios/rules/cerfa.yaml): its totals are the budget's, its
/// headings the sums of their lines, charges in accounts 6x and produits in 7x; a layout that
/// leaves a line of the budget out, or counts one twice, is refused.
@Suite struct LayoutFiguresTests {
  static let scenarios = ["baseline", "scic-2013", "stop-end-2013", "emploi-avenir-2013"]

  @Test(arguments: scenarios) func cerfaTotalsAreTheBudgetsTotals(_ name: String) throws {
    let s = try ScenarioLoader.load(repositoryPath("scenarios/\(name).yaml").path)
    let p = try Projection.run(s, ruleSet: ShippedRules.ruleSet, legalLimitsAsWarnings: true)
    let layout = try #require(ShippedRules.ruleSet.layouts["cerfa"])
    let f = LayoutFigures(layout, p)
    for period in p.periods {
      for column in ["fonctionnement", "projets", "total"] {
        for part in ["charges", "produits"] {
          let total = f.rows.first { $0.path == "\(part)/total" && $0.budget == column }?.values[period.id]
          let budget = p.budget.first { $0.path == "\(part)/total" && $0.budget == column }?.values[period.id]
          #expect(total == budget, "\(name) \(period.id) \(column) \(part)")
          let headings = f.rows.filter { $0.depth == 1 && $0.path.hasPrefix(part + "/") && $0.budget == column }
          #expect(headings.allSatisfy { $0.account.hasPrefix(part == "charges" ? "6" : "7") })
          for h in headings {
            let lines = f.rows.filter { $0.depth == 2 && $0.path.hasPrefix(h.path + "/") && $0.budget == column }
            if !lines.isEmpty { #expect(Money.sum(lines.map { $0.values[period.id] ?? 0 }) == h.values[period.id]) }
          }
        }
        // The volunteers' hours valued on both sides, 864 and 870, as the projection values them.
        let v864 = f.rows.first { $0.account == "864" && $0.budget == column }?.values[period.id] ?? 0
        let v870 = f.rows.first { $0.account == "870" && $0.budget == column }?.values[period.id] ?? 0
        #expect(v864 == v870 && v864 == (column == "total" ? p.inKind[period.id] ?? 0 : 0))
      }
    }
  }

  @Test func aLayoutThatLeavesOutOrRepeatsALineIsRefused() throws {
    var layout = try #require(ShippedRules.ruleSet.layouts["cerfa"])
    #expect(LayoutFigures.check(layout, ShippedRules.ruleSet).isEmpty)
    // 606 left out, then counted twice, then misspelt.
    layout.parts[0].rows[0].rows[1].from = []
    let left = LayoutFigures.check(layout, ShippedRules.ruleSet)
    #expect(
      left.map(\.message) == [
        "layout 'cerfa' leaves out the budget's line 'charges/achats/fournitures': its totals would not be the budget's"
      ])
    layout.parts[0].rows[0].rows[1].from = ["charges/achats/fournitures", "charges/achats/fournitures"]
    #expect(
      LayoutFigures.check(layout, ShippedRules.ruleSet).map(\.message) == [
        "layout 'cerfa' counts the budget's line 'charges/achats/fournitures' 2 times"
      ])
    layout.parts[0].rows[0].rows[1].from = ["charges/achats/fourniture"]
    let misspelt = LayoutFigures.check(layout, ShippedRules.ruleSet).map(\.message)
    #expect(
      misspelt.first == "layout 'cerfa': the budget has no line 'charges/achats/fourniture'; did you mean 'charges/achats/fournitures'?")
  }
}
