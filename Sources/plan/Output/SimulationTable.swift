import Foundation
import Planner
import Scenarios

/// `plan simulate` for a terminal: the percentiles by exercise beside the plan's figure, the
/// probabilities, what moves the outcome most (inputs by their names), and a paragraph in
/// plain words for a committee.
enum SimulationTable {
  static let indicators = [
    "result", "reserves", "subsidies", "fte", "lowest_cash", "financing_cost", "consolidated_result", "consolidated_reserves",
  ]

  /// `plan` is the scenario's own projection (`plan run`), shown beside the draws.
  /// `consolidated`: with organisations, the plan's consolidated result and reserves.
  static func render(
    _ s: Simulation, scenario: Scenario, plan: Projection, consolidated: [String: [String: Double]]? = nil, m: Messages
  ) -> String {
    let pad = ProjectionTable.pad, left = ProjectionTable.left
    var out = m("simulate.title", ["title": scenario.title, "id": scenario.id, "draws": m.integer(s.draws), "seed": String(s.seed)]) + "\n"
    let columns = ["simulate.plan", "simulate.mean", "simulate.p5", "simulate.p50", "simulate.p95"].map { m($0) }
    let width = max(24, indicators.filter { s.indicators[$0] != nil }.map { m("indicator.\($0)").count + 4 }.max() ?? 0)
    for period in s.periods {
      out += "\n\(period)\n" + pad("", width) + columns.map { left($0, 15) }.joined() + "\n"
      for key in indicators {
        guard let v = s.indicators[key]?[period] else { continue }
        let planned =
          (key.hasPrefix("consolidated_")
          ? consolidated?[String(key.dropFirst("consolidated_".count))]?[period] : planValue(plan, key, period)).map(m.amount) ?? ""
        out +=
          pad("  " + m("indicator.\(key)"), width) + ([planned] + [v.mean, v.p5, v.p50, v.p95].map(m.amount)).map { left($0, 15) }.joined()
          + "\n"
      }
      var probabilities = [
        m("simulate.p.deficit", ["p": m.percent(s.probabilities["deficit"]?[period] ?? 0)]),
        m("simulate.p.negative_reserves", ["p": m.percent(s.probabilities["negative_reserves"]?[period] ?? 0)]),
      ]
      if let p = s.probabilities["cash_below_zero"]?[period] { probabilities.append(m("simulate.p.cash_below_zero", ["p": m.percent(p)])) }
      if let p = s.probabilities["consolidated_deficit"]?[period] {
        probabilities.append(m("simulate.p.consolidated_deficit", ["p": m.percent(p)]))
      }
      out += "  " + probabilities.joined(separator: " ; ") + "\n"
    }
    if s.indicators["consolidated_result"] != nil {
      out += "\n" + m("simulate.consolidated.note", ["list": scenario.organisations.map(\.name).joined(separator: ", ")]) + "\n"
    }
    if let p = s.probabilities["cash_below_zero"]?["horizon"], let low = s.indicators["lowest_cash"]?["horizon"] {
      var floor = ""
      if let f = s.probabilities["cash_below_floor"]?["horizon"] { floor = m("simulate.horizon.floor", ["p": m.percent(f)]) }
      out +=
        "\n"
        + m(
          "simulate.horizon",
          ["p": m.percent(p), "floor": floor, "p5": m.euros(low.p5), "p50": m.euros(low.p50), "p95": m.euros(low.p95)]) + "\n  "
        + m("simulate.horizon.method") + "\n"
    }
    let names = inputNames(scenario, plan: plan, m: m)
    if let last = s.periods.last, !s.sensitivity.isEmpty {
      out += "\n" + m("simulate.sensitivity", ["period": last]) + "\n"
      for x in s.sensitivity { out += "  " + pad(names(x.input), 44) + coefficient(x.coefficient) + "\n" }
    }
    if !s.cashSensitivity.isEmpty {
      out += "\n" + m("simulate.cash_sensitivity") + "\n"
      for x in s.cashSensitivity { out += "  " + pad(names(x.input), 44) + coefficient(x.coefficient) + "\n" }
    }
    out += "\n" + m("simulate.aloud") + "\n" + wrap(aloud(s, scenario: scenario, plan: plan, names: names, m: m), 100) + "\n"
    return out
  }

  /// The plan's figure for an indicator the simulation summarises.
  static func planValue(_ plan: Projection, _ key: String, _ period: String) -> Double? {
    switch key {
    case "subsidies": plan.budget.first { $0.path == "produits/subventions" && $0.budget == "total" }?.values[period]
    case "lowest_cash": plan.treasury?.periods[period]?.lowestCash
    default: plan.indicators[key]?[period]
    }
  }

  /// An input of the simulation by its name: a subsidy by its name, a funder by its budget
  /// line's label.
  static func inputNames(_ s: Scenario, plan: Projection, m: Messages) -> (String) -> String {
    { id in Simulation.name(of: id, scenario: s, projection: plan, messages: m) }
  }

  /// The paragraph to read aloud: each exercise's result in words, the last reserves, the
  /// cash, what matters most, and why the plan's figure is not the typical draw.
  static func aloud(_ s: Simulation, scenario: Scenario, plan: Projection, names: (String) -> String, m: Messages) -> String {
    var sentences: [String] = []
    let about = { (x: Double) in m.euros((x / 100).rounded() * 100, digits: 0) }
    for period in s.periods {
      guard let r = s.indicators["result"]?[period] else { continue }
      let p = s.probabilities["deficit"]?[period] ?? 0
      let args = [
        "period": period, "typical": about(abs(r.p50)), "low": about(r.p5), "high": about(r.p95), "p": m.percent(p),
        "signed": about(r.p50),
      ]
      sentences.append(
        m(p >= 1 ? "simulate.aloud.always_deficit" : p <= 0 ? "simulate.aloud.never_deficit" : "simulate.aloud.sometimes", args))
    }
    if let last = s.periods.last, let r = s.indicators["reserves"]?[last] {
      sentences.append(
        m(
          "simulate.aloud.reserves",
          ["period": last, "typical": about(r.p50), "p": m.percent(s.probabilities["negative_reserves"]?[last] ?? 0)]))
    }
    if let p = s.probabilities["cash_below_zero"]?["horizon"], let low = s.indicators["lowest_cash"]?["horizon"] {
      sentences.append(m("simulate.aloud.cash", ["p": m.percent(p), "typical": about(low.p50)]))
    }
    let ranked = s.sensitivity.filter { abs($0.coefficient) >= 0.05 }.prefix(3).map { x in
      scenario.subsidies.first { Simulation.InputID.subsidyPrefix + $0.id == x.input }?.name ?? names(x.input)
    }
    if ranked.count == 1 {
      sentences.append(m("simulate.aloud.matters.one", ["first": ranked[0]]))
    } else if ranked.count > 1 {
      sentences.append(m("simulate.aloud.matters", ["first": ranked[0], "then": ranked.dropFirst().joined(separator: m("list.and"))]))
    }
    // Why `plan run`'s figure is not the median: what the plan takes for certain that the draws vary.
    var why: [String] = []
    let uncertain = scenario.subsidies.filter { sub in s.periods.contains { (sub.renewalProbability[$0] ?? 1) < 1 } }
    if !uncertain.isEmpty {
      why.append(
        m("simulate.aloud.why.subsidies", ["list": uncertain.map { $0.name }.joined(separator: ", ")]))
    }
    if scenario.uncertainty.duesCollection != nil {
      why.append(m("simulate.aloud.why.dues", ["rate": m.percent(scenario.dues.collectionRate, digits: 0)]))
    }
    if scenario.uncertainty.memberLeavingProbability > 0 { why.append(m("simulate.aloud.why.members")) }
    if scenario.positions.contains(where: { $0.startDelay != nil }) { why.append(m("simulate.aloud.why.starts")) }
    if !why.isEmpty { sentences.append(m("simulate.aloud.why", ["list": why.joined(separator: m("list.semicolon"))])) }
    return sentences.joined(separator: " ")
  }

  /// `plan simulate --statutes`: the probabilities and the mean result under each statute.
  static func renderStatutes(_ results: [(String, Simulation)], scenario: Scenario, m: Messages) -> String {
    guard let first = results.first?.1 else { return "" }
    let pad = ProjectionTable.pad, left = ProjectionTable.left
    var out =
      m(
        "simulate.title.statutes",
        ["title": scenario.title, "id": scenario.id, "draws": m.integer(first.draws), "seed": String(first.seed)])
      + "\n\n" + pad("", 40)
    out += results.map { left(m("statute.\($0.0)"), 14) }.joined() + "\n"
    for period in first.periods {
      for key in ["deficit", "negative_reserves", "cash_below_zero"] {
        out += pad("  \(period) " + m("simulate.p.\(key)", ["p": ""]).trimmingCharacters(in: .whitespaces), 40)
        out += results.map { left(m.percent($0.1.probabilities[key]?[period] ?? 0), 14) }.joined() + "\n"
      }
      out += pad("  \(period) " + m("simulate.mean_result"), 40)
      out += results.map { left(m.amount($0.1.indicators["result"]?[period]?.mean ?? 0), 14) }.joined() + "\n"
    }
    return out
  }

  /// A coefficient to three decimals; one that rounds to zero is shown unsigned-positive.
  static func coefficient(_ c: Double) -> String { String(format: "%+.3f", abs(c) < 0.0005 ? 0 : c) }

  /// A paragraph broken into lines of at most `width` characters.
  static func wrap(_ text: String, _ width: Int) -> String {
    var lines: [String] = [], line = ""
    // A French punctuation mark that a space precedes (`;`, `:`, `»`) stays with its word.
    var words: [Substring] = []
    for word in text.split(separator: " ") {
      if let last = words.last, [";", ":", "»", "?", "!"].contains(word) {
        words[words.count - 1] = Substring(last + "\u{00A0}" + word)
      } else {
        words.append(word)
      }
    }
    for word in words {
      if !line.isEmpty, line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines.joined(separator: "\n")
  }
}

/// The JSON of `plan simulate` (no timing in it, so the same seed gives the same bytes).
struct SimulationDocument: Encodable {
  var formatVersion = 1
  var scenario: String
  var draws: Int
  var seed: UInt64
  var periods: [String]
  var indicators: [String: [String: Simulation.Summary]]
  var probabilities: [String: [String: Double]]
  var sensitivity: [Simulation.Sensitivity]
  var cashSensitivity: [Simulation.Sensitivity]

  enum CodingKeys: String, CodingKey {
    case formatVersion = "format_version"
    case scenario, draws, seed, periods, indicators, probabilities, sensitivity
    case cashSensitivity = "cash_sensitivity"
  }

  init(_ s: Simulation) {
    scenario = s.scenario
    draws = s.draws
    seed = s.seed
    periods = s.periods
    indicators = s.indicators
    probabilities = s.probabilities
    sensitivity = s.sensitivity
    cashSensitivity = s.cashSensitivity
  }
}
