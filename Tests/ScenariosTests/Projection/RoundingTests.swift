import Foundation
import Planner
import TestSupport
import Testing

@testable import Scenarios

/// One rounding rule across commands: the budget's lines are whole cents every month, so a
/// period's result is the same summed by lines (`plan run`) or by months (`explain`, `solve`,
/// `simulate`); the reserves are the cumulative results; a stock is explained at its end.
@Suite struct RoundingTests {
  static let scenarios = ["baseline", "scic-2013", "ues-2013", "stop-end-2013", "fse-late", "cdd-chain", "emploi-avenir-2013"]

  static func projection(_ name: String, by kind: Period.Kind = .exercise) throws -> Projection {
    let s = try ScenarioLoader.load(repositoryPath("scenarios/\(name).yaml").path)
    return try Projection.run(s, ruleSet: ShippedRules.ruleSet, by: kind, legalLimitsAsWarnings: true)
  }

  @Test(arguments: scenarios) func theResultIsTheSameByLinesAndByMonths(_ name: String) throws {
    let p = try Self.projection(name)
    for period in p.periods where p.scenario.actuals[period.id] == nil {
      let byMonths = Money.cents(period.monthIndices.reduce(0) { $0 + (p.evaluation.value("result", month: $1) ?? 0) })
      #expect(byMonths == p.indicators["result"]?[period.id], "\(name) \(period.id)")
      let explained = try ProjectionExplainer(p).explain(line: "result", period: period.id)
      #expect(Money.cents(explained.value) == p.indicators["result"]?[period.id], "\(name) \(period.id) explained")
    }
  }

  @Test(arguments: scenarios) func reservesAreTheCumulativeResults(_ name: String) throws {
    for kind in [Period.Kind.exercise, .year] {
      let p = try Self.projection(name, by: kind)
      var reserves = Money.cents((p.evaluation.value("reserves", month: 0) ?? 0) - (p.evaluation.value("result", month: 0) ?? 0))
      for period in p.periods {
        reserves = Money.sum([reserves, p.indicators["result"]![period.id]!])
        #expect(p.indicators["reserves"]?[period.id] == reserves, "\(name) \(kind) \(period.id)")
        // The stock explained is its value at the period's end, the figure `run` shows.
        let explained = try ProjectionExplainer(p).explain(line: "reserves", period: period.id)
        #expect(explained.formula?.hasPrefix("its value at the end of") == true)
        if p.scenario.actuals.isEmpty || kind == .exercise {
          #expect(Money.cents(explained.value) == reserves, "\(name) \(kind) \(period.id) explained")
        }
      }
    }
  }

  /// Every line of the budget is whole cents each month: rounded (`rounding: cents`) or
  /// made of amounts spread in cents (`rounding: none`: items, subsidies).
  @Test(arguments: ["scic-2013", "individual-members-2012", "emploi-avenir-2013"]) func everyLineIsWholeCentsEachMonth(_ name: String)
    throws
  {
    let p = try Self.projection(name)
    let rules = p.evaluation.ruleSet.rules.filter { $0.table == "budget" && $0.path != nil }
    let paths = Set(rules.compactMap(\.path))
    for rule in rules where !paths.contains(where: { $0.hasPrefix(rule.path! + "/") }) && !rule.path!.hasSuffix("/total") {
      for m in 0..<p.evaluation.situation.timeline.monthCount {
        let v = p.evaluation.value(rule.name, month: m) ?? 0
        #expect(abs(v * 100 - (v * 100).rounded()) < 1e-6, "\(name) \(rule.name) \(m): \(v)")
      }
    }
  }
}
