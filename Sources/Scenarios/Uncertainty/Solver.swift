import Foundation
import Planner

/// Goal seek: the value of one input of a scenario that meets a target, found by bracketing
/// on batches (many candidate values evaluated together by the engine), then narrowing the
/// bracket until it is a cent (or 1e-6 of a rate) wide.
public struct Solver {
  /// What can be varied.
  public enum Path: Sendable, Equatable {
    /// The dues rate: of every projected exercise (`nil`), or of one (`dues.rate.2013`).
    case duesRate(exercise: String?)
    case duesCap
    case subsidy(id: String, exercise: String)
    case gross(position: String, exercise: String)
    case openingBalance, overdraftLimit

    /// `dues.rate`, `dues.rate.EXERCISE`, `dues.cap`, `subsidies.ID.EXERCISE`,
    /// `positions.ID.gross.EXERCISE`, `treasury.opening_balance`, `treasury.overdraft_limit`.
    public init?(_ text: String) {
      let p = text.split(separator: ".").map(String.init)
      switch p.count {
      case 2 where p == ["dues", "rate"]: self = .duesRate(exercise: nil)
      case 3 where p[0] == "dues" && p[1] == "rate": self = .duesRate(exercise: p[2])
      case 2 where p == ["dues", "cap"]: self = .duesCap
      case 2 where p == ["treasury", "opening_balance"]: self = .openingBalance
      case 2 where p == ["treasury", "overdraft_limit"]: self = .overdraftLimit
      case 3 where p[0] == "subsidies": self = .subsidy(id: p[1], exercise: p[2])
      case 4 where p[0] == "positions" && p[2] == "gross": self = .gross(position: p[1], exercise: p[3])
      default: return nil
      }
    }
  }

  /// What must hold.
  public struct Target: Sendable, Equatable {
    public enum Metric: Sendable, Equatable {
      case result(String)
      case reserves(String)
      case probability(String, exercise: String)
      /// The lowest balance of the cash plan in a period (`horizon`: over the whole plan).
      case minCash(String)
    }
    public var metric: Metric
    public var atLeast: Bool
    /// `>` or `<`: the threshold itself does not meet the target.
    public var strict = false
    public var threshold: Double

    /// `result(2013) >= 0`, `reserves(2013-12) >= 10000 EUR`, `P(deficit, 2013) <= 10 %`,
    /// `min_cash(2012) >= 0`, `P(cash_below_zero, horizon) <= 5 %`.
    public init?(_ text: String) {
      let t = text.replacing(" ", with: "").replacing("≥", with: ">=").replacing("≤", with: "<=")
      let op: String
      if t.contains(">=") {
        op = ">="
      } else if t.contains("<=") {
        op = "<="
      } else if t.contains(">") {
        op = ">"
      } else if t.contains("<") {
        op = "<"
      } else {
        return nil
      }
      strict = op.count == 1
      let sides = t.components(separatedBy: op)
      guard sides.count == 2 else { return nil }
      guard let v = Literal.value(sides[1]) else { return nil }
      threshold = v
      atLeast = op.hasPrefix(">")
      let lhs = sides[0]
      guard let open = lhs.firstIndex(of: "("), lhs.hasSuffix(")") else { return nil }
      let name = String(lhs[..<open]), arg = String(lhs[lhs.index(after: open)..<lhs.index(before: lhs.endIndex)])
      switch name {
      case "result": metric = .result(arg)
      case "reserves": metric = .reserves(arg)
      case "min_cash": metric = .minCash(arg)
      case "P":
        let a = arg.split(separator: ",").map(String.init)
        guard a.count == 2, ["deficit", "negative_reserves", "cash_below_zero", "cash_below_floor"].contains(a[0]),
          (0...1).contains(threshold)
        else { return nil }
        metric = .probability(a[0], exercise: a[1])
      default: return nil
      }
    }
  }

  public struct Answer: Sendable {
    public enum Outcome: Sendable {
      /// The value found, at the boundary (to a cent, or 1e-6 of a rate).
      case met
      /// Every value of the range meets the target: `value` is the range's low end.
      case metEverywhere
      /// No value of the range meets it: `ends` are the metric at the range's ends.
      case unmet
    }
    public var outcome: Outcome
    /// The value found, or nil when no value of the range meets the target.
    public var value: Double?
    public var metricAtValue: Double?
    /// The range searched and the metric at its ends.
    public var range: ClosedRange<Double>
    public var ends: (low: Double, high: Double)
    public var evaluations: Int
  }

  public let scenario: Scenario
  public let ruleSet: RuleSet

  public init(_ scenario: Scenario, ruleSet: RuleSet) {
    self.scenario = scenario
    self.ruleSet = ruleSet
  }

  /// The value of `path` in `range` that meets `target`, assuming the metric moves one way
  /// as the value grows. With a probability target, each candidate is simulated with
  /// `draws` draws (same seed for all).
  public func solve(_ path: Path, in range: ClosedRange<Double>, target: Target, draws: Int = 2000, seed: UInt64 = 42)
    throws(DiagnosticList) -> Answer
  {
    let metric: ([Double]) throws(DiagnosticList) -> [Double]
    if case .probability = target.metric {
      metric = { (xs) throws(DiagnosticList) in try self.probabilities(path, xs, target: target, draws: draws, seed: seed) }
    } else if projects(path, target) {
      metric = { (xs) throws(DiagnosticList) in try self.projected(path, xs, target: target) }
    } else {
      metric = { (xs) throws(DiagnosticList) in try self.batch(path, xs, target: target) }
    }
    func meets(_ m: Double) -> Bool {
      if target.strict { return target.atLeast ? m > target.threshold + 1e-9 : m < target.threshold - 1e-9 }
      return target.atLeast ? m >= target.threshold - 1e-9 : m <= target.threshold + 1e-9
    }
    var (lo, hi) = (range.lowerBound, range.upperBound)
    // A simulation or a projection per candidate: a few at a time, not a batch of 65.
    let oneByOne: Bool = {
      if case .probability = target.metric { return true }
      return projects(path, target)
    }()
    let k = oneByOne ? 9 : 65
    var evaluations = 0
    let ends = try metric([lo, hi])
    evaluations += 2
    let (okLo, okHi) = (meets(ends[0]), meets(ends[1]))
    if !okLo && !okHi {
      return Answer(outcome: .unmet, value: nil, metricAtValue: nil, range: range, ends: (ends[0], ends[1]), evaluations: evaluations)
    }
    if okLo && okHi {
      return Answer(
        outcome: .metEverywhere, value: lo, metricAtValue: ends[0], range: range, ends: (ends[0], ends[1]), evaluations: evaluations)
    }
    // The boundary lies between lo and hi: narrow it with grids of candidates.
    // The answer is found to a cent (money) or to 1e-6 (a rate), whatever the range: the
    // tolerance is in the input's unit, never relative to the range.
    let tolerance = isRate(path) ? 1e-6 : 0.005
    var best = okLo ? lo : hi
    var bestMetric = okLo ? ends[0] : ends[1]
    while hi - lo > tolerance {
      let xs = (0..<k).map { lo + (hi - lo) * Double($0) / Double(k - 1) }
      let ms = try metric(xs)
      evaluations += k
      guard let flip = (1..<k).first(where: { meets(ms[$0 - 1]) != meets(ms[$0]) }) else { break }
      (lo, hi) = (xs[flip - 1], xs[flip])
      if meets(ms[flip]) { (best, bestMetric) = (xs[flip], ms[flip]) } else { (best, bestMetric) = (xs[flip - 1], ms[flip - 1]) }
      if case .probability = target.metric, evaluations > 60 { break }
    }
    // The answer as shown (to 1e-6 of a rate, to the cent) is evaluated again, so that the
    // figure printed beside it is its own; rounded the wrong way, it moves one step towards
    // the end of the range that meets the target.
    let step = isRate(path) ? 1e-6 : 0.01
    var value = isRate(path) ? (best * 1e6).rounded() / 1e6 : Money.cents(best)
    var metricAtValue = try metric([value])[0]
    evaluations += 1
    if !meets(metricAtValue) {
      value = isRate(path) ? ((value + (okHi ? step : -step)) * 1e6).rounded() / 1e6 : Money.cents(value + (okHi ? step : -step))
      metricAtValue = try metric([value])[0]
      evaluations += 1
    }
    if !meets(metricAtValue) { (value, metricAtValue) = (best, bestMetric) }
    // Money to the cent, as every command shows it (a probability as it is).
    if case .probability = target.metric {} else { metricAtValue = Money.cents(metricAtValue) }
    return Answer(
      outcome: .met, value: value, metricAtValue: metricAtValue, range: range, ends: (ends[0], ends[1]), evaluations: evaluations)
  }

  func isRate(_ p: Path) -> Bool {
    if case .duesRate = p { return true }
    return false
  }

  /// Whether candidates are projected with their cash plan, one by one: a cash target, or a
  /// path of the treasury (which moves no figure the batch engine computes).
  func projects(_ path: Path, _ target: Target) -> Bool {
    if case .minCash = target.metric { return true }
    return path == .openingBalance || path == .overdraftLimit
  }

  /// The deterministic metric for candidates, in one batch of the engine.
  func batch(_ path: Path, _ xs: [Double], target: Target) throws(DiagnosticList) -> [Double] {
    var planner = try ScenarioPlanner(scenario, ruleSet: ruleSet)
    let situation = try planner.situation()
    let t = situation.timeline
    let k = xs.count
    var variation = Variation(count: k)
    func exerciseMonths(_ id: String) throws(DiagnosticList) -> [Int] {
      guard let e = t.exercises.firstIndex(where: { $0.id == id }) else {
        throw DiagnosticList([.error(.solveUnknownExercise, Phrase("error.solve_unknown_exercise.1", ["id": .text("\(id)")]))])
      }
      return (0..<t.monthCount).filter { t.exerciseIndex[$0] == e }
    }
    /// The input `key` with its row `row` replaced, in the months `ms`, by `value(x, i)` for
    /// each candidate x (`i`: the month's place among `ms`).
    func rowsBlock(_ key: String, row: Int, months ms: [Int], value: (Double, Int) -> Double) -> Block {
      let base = situation.inputs[key]!.expanded(rows: situation.inputs[key]!.rows, months: t.monthCount, width: 1)
      var data = [Double](repeating: 0, count: base.rows * t.monthCount * k)
      for r in 0..<base.rows {
        for m in 0..<t.monthCount {
          let i = r == row ? ms.firstIndex(of: m) : nil
          for c in 0..<k { data[(r * t.monthCount + m) * k + c] = i.map { value(xs[c], $0) } ?? base[r, m, 0] }
        }
      }
      return Block(rows: base.rows, months: t.monthCount, width: k, data: data)
    }
    switch path {
    case .openingBalance, .overdraftLimit:
      // The cash plan's assumptions: projected one candidate at a time (`projected`).
      return try projected(path, xs, target: target)
    case .duesRate(let exercise?):
      let b = rowsBlock("dues_rate", row: 0, months: try exerciseMonths(exercise)) { x, _ in x }
      variation.inputs["dues_rate"] = { _ in b }
    case .duesRate(nil):
      let b = Block(rows: 1, months: 1, width: k, data: xs)
      variation.inputs["dues_rate"] = { _ in b }
    case .duesCap:
      let b = Block(rows: 1, months: 1, width: k, data: xs)
      variation.inputs["dues_cap"] = { _ in b }
    case .subsidy(let id, let exercise):
      guard let row = scenario.subsidies.firstIndex(where: { $0.id == id }) else {
        throw DiagnosticList([.error(.solveUnknownPath, Phrase("error.solve_unknown_path.1", ["id": .text("\(id)")]))])
      }
      let ms = try exerciseMonths(exercise)
      let b = rowsBlock("subsidy.amount", row: row, months: ms) { x, i in Money.share(of: x, month: i, of: ms.count) }
      variation.inputs["subsidy.amount"] = { _ in b }
    case .gross(let id, let exercise):
      guard let row = scenario.positions.firstIndex(where: { $0.id == id }) else {
        throw DiagnosticList([.error(.solveUnknownPath, Phrase("error.solve_unknown_path.2", ["id": .text("\(id)")]))])
      }
      let p = scenario.positions[row]
      let ms = try exerciseMonths(exercise).filter { p.start <= t.months[$0] && t.months[$0] <= p.end }
      let b = rowsBlock("position.gross", row: row, months: ms) { x, _ in x }
      variation.inputs["position.gross"] = { _ in b }
    }
    let evaluator = try Evaluator(ruleSet, situation, options: EvaluationOptions(keep: ["result", "reserves"]))
    let ev = try evaluator.run(variation)
    switch target.metric {
    case .result(let e):
      let ms = try exerciseMonths(e)
      return (0..<k).map { c in ev.total("result", months: ms, variant: c) ?? 0 }
    case .reserves(let at):
      let m: Int
      if let month = Month(parsing: at), let i = t.months.index(of: month) { m = i } else { m = try exerciseMonths(at).last! }
      return (0..<k).map { ev.value("reserves", month: m, variant: $0) ?? 0 }
    case .probability, .minCash:
      return []
    }
  }

  /// The scenario with the path set to `x`.
  public func applying(_ path: Path, _ x: Double) throws(DiagnosticList) -> Scenario {
    var s = scenario
    switch path {
    case .duesRate(nil): s.dues.rate = x
    case .duesRate(let e?): s.dues.rateByExercise.values[e] = x
    case .duesCap: s.dues.cap = x
    case .openingBalance: s.treasury.openingBalance = x
    case .overdraftLimit: s.treasury.overdraftLimit = x
    case .subsidy(let id, let e):
      guard let i = s.subsidies.firstIndex(where: { $0.id == id }) else {
        throw DiagnosticList([.error(.solveUnknownPath, Phrase("error.solve_unknown_path.1", ["id": .text("\(id)")]))])
      }
      s.subsidies[i].amounts.values[e] = x
      s.subsidies[i].amountDistribution[e] = nil
    case .gross(let id, let e):
      guard let i = s.positions.firstIndex(where: { $0.id == id }) else {
        throw DiagnosticList([.error(.solveUnknownPath, Phrase("error.solve_unknown_path.2", ["id": .text("\(id)")]))])
      }
      s.positions[i].gross.values[e] = x
    }
    return s
  }

  /// A metric of the projection with its cash plan, for candidates: one projection each.
  func projected(_ path: Path, _ xs: [Double], target: Target) throws(DiagnosticList) -> [Double] {
    var out: [Double] = []
    for x in xs {
      let p = try Projection.run(try applying(path, x), ruleSet: ruleSet, legalLimitsAsWarnings: true)
      switch target.metric {
      case .minCash(let period):
        guard let t = p.treasury else {
          throw DiagnosticList([.error(.scenarioRulesMissing, Phrase("error.scenario_rules_missing.5"))])
        }
        if period == "horizon" {
          out.append(t.months.map(\.closing).min() ?? 0)
        } else {
          guard let f = t.periods[period] else {
            throw DiagnosticList([.error(.solveUnknownExercise, Phrase("error.solve_unknown_exercise.2", ["period": .text("\(period)")]))])
          }
          out.append(f.lowestCash)
        }
      case .result(let e):
        guard let v = p.indicators["result"]?[e] else {
          throw DiagnosticList([.error(.solveUnknownExercise, Phrase("error.solve_unknown_exercise.3", ["e": .text("\(e)")]))])
        }
        out.append(v)
      case .reserves(let at):
        guard let v = p.indicators["reserves"]?[at] else {
          throw DiagnosticList([.error(.solveUnknownExercise, Phrase("error.solve_unknown_exercise.4", ["at": .text("\(at)")]))])
        }
        out.append(v)
      case .probability:
        return []
      }
    }
    return out
  }

  /// The probability metric for candidates: one simulation each.
  func probabilities(_ path: Path, _ xs: [Double], target: Target, draws: Int, seed: UInt64) throws(DiagnosticList) -> [Double] {
    guard case .probability(let name, let exercise) = target.metric else { return [] }
    var out: [Double] = []
    for x in xs {
      let s = try applying(path, x)
      let sim = try Simulation.run(s, ruleSet: ruleSet, draws: draws, seed: seed, threads: 2)
      guard let p = sim.probabilities[name]?[exercise] else {
        throw DiagnosticList([.error(.solveUnknownExercise, Phrase("error.solve_unknown_exercise.5", ["exercise": .text("\(exercise)")]))])
      }
      out.append(p)
    }
    return out
  }
}
