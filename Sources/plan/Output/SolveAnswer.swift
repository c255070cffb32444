import Foundation
import Planner
import Scenarios

/// `plan solve`'s answer for a committee: the value in the input's unit beside the scenario's,
/// the exercises it applies to, the target's figure at the answer, and what the answer means
/// in euros in every projected exercise (the dues per member and in total for a dues input,
/// the result, as the scenario has it and at the answer).
struct SolveAnswer {
  var path: Solver.Path
  var text: String
  var target: Solver.Target
  var targetText: String
  var scenario: Scenario
  var m: Messages

  /// The projected exercises (not recorded).
  var projected: [String] { scenario.exercises.map(\.id).filter { scenario.actuals[$0] == nil } }

  /// The input in its unit: a rate as a percentage, money in euros.
  func input(_ x: Double) -> String {
    if case .duesRate = path { return m.percent(x, digits: 4) }
    return m.euros(x)
  }

  /// The target's figure: a probability as a percentage, money in euros.
  func metric(_ x: Double) -> String {
    if case .probability = target.metric { return m.percent(x) }
    return m.euros(x)
  }

  /// The input's value in the scenario, and the exercises (or months) the input applies to.
  var current: (value: Double, scope: String) {
    let all = m("solve.scope.exercises", ["list": projected.joined(separator: ", ")])
    switch path {
    case .duesRate(nil): return (scenario.dues.rate, all)
    case .duesRate(let e?): return (scenario.dues.rateByExercise[e] ?? scenario.dues.rate, m("solve.scope.single", ["exercise": e]))
    case .duesCap: return (scenario.dues.cap, all)
    case .subsidy(let id, let e):
      return (scenario.subsidies.first { $0.id == id }?.amounts[e] ?? 0, m("solve.scope.single", ["exercise": e]))
    case .gross(let id, let e):
      return (scenario.positions.first { $0.id == id }?.gross[e] ?? 0, m("solve.scope.single", ["exercise": e]))
    case .openingBalance: return (scenario.treasury.openingBalance ?? 0, m("solve.scope.opening"))
    case .overdraftLimit: return (scenario.treasury.overdraftLimit, m("solve.scope.every_month"))
    }
  }

  func render(_ a: Solver.Answer, base: Projection, found: Projection?) -> String {
    var out = m("solve.heading", ["vary": text, "target": targetText]) + "\n"
    let range = m("solve.range", ["low": input(a.range.lowerBound), "high": input(a.range.upperBound)])
    switch a.outcome {
    case .unmet:
      out +=
        "  "
        + m(
          "solve.unmet",
          [
            "range": range, "target": targetText, "low": metric(a.ends.low), "high": metric(a.ends.high),
            "at_low": input(a.range.lowerBound), "at_high": input(a.range.upperBound),
          ]) + "\n"
    case .metEverywhere:
      out += "  " + m("solve.everywhere", ["range": range, "value": input(a.value ?? 0), "metric": metric(a.metricAtValue ?? 0)]) + "\n"
    case .met:
      let (now, scope) = current
      out += "  " + m("solve.answer", ["value": input(a.value ?? 0), "current": input(now), "scope": scope]) + "\n"
      out += "  " + m("solve.metric", ["target": targetText, "metric": metric(a.metricAtValue ?? 0)]) + "\n"
    }
    if let found { out += "\n" + meaning(base: base, found: found) }
    out += "\n" + m.count("solve.evaluations", a.evaluations) + "\n"
    return out
  }

  /// The figures that move, by projected exercise: the scenario's and the answer's.
  func meaning(base: Projection, found: Projection) -> String {
    let pad = ProjectionTable.pad, left = ProjectionTable.left
    let dues = "produits/autres_produits/cotisations"
    func row(_ p: Projection, _ key: String, _ e: String) -> Double {
      key == "dues" ? (p.budget.first { $0.path == dues && $0.budget == "total" }?.values[e] ?? 0) : (p.indicators[key]?[e] ?? 0)
    }
    var keys = ["result", "reserves"]
    if case .duesRate = path { keys = ["dues_per_member", "dues"] + keys }
    if path == .duesCap { keys = ["dues_per_member", "dues"] + keys }
    if path == .openingBalance || path == .overdraftLimit { keys = ["lowest_cash"] + keys }
    let labels = keys.flatMap {
      [m("solve.row.\($0)", ["which": m("solve.which.scenario")]), m("solve.row.\($0)", ["which": m("solve.which.answer")])]
    }
    let width = labels.map(\.count).max()! + 4
    var out = m("solve.meaning") + "\n" + pad("", width) + projected.map { left($0, 14) }.joined() + "\n"
    for key in keys {
      for (p, which) in [(base, "solve.which.scenario"), (found, "solve.which.answer")] {
        out +=
          pad("  " + m("solve.row.\(key)", ["which": m(which)]), width) + projected.map { left(m.amount(row(p, key, $0)), 14) }.joined()
          + "\n"
      }
    }
    return out
  }
}
