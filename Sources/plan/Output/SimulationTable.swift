import Foundation
import Scenarios

/// `plan simulate` for a terminal.
enum SimulationTable {
  static let labels = [
    ("result", "Résultat"), ("reserves", "Réserves (end)"), ("subsidies", "Subventions"), ("fte", "FTE paid"),
    ("lowest_cash", "Lowest cash"), ("financing_cost", "Financing cost"),
  ]

  static func render(_ s: Simulation) -> String {
    var out = "\(s.scenario): \(s.draws) draws, seed \(s.seed)\n"
    for period in s.periods {
      out +=
        "\n\(period)\n" + ProjectionTable.pad("", 22) + ["mean", "p5", "p50", "p95"].map { ProjectionTable.left($0, 14) }.joined() + "\n"
      for (key, label) in labels {
        guard let v = s.indicators[key]?[period] else { continue }
        out +=
          ProjectionTable.pad("  " + label, 22) + [v.mean, v.p5, v.p50, v.p95].map { ProjectionTable.left(Money.format($0), 14) }.joined()
          + "\n"
      }
      out +=
        "  P(deficit) \(percent(s.probabilities["deficit"]?[period] ?? 0)), P(negative reserves) \(percent(s.probabilities["negative_reserves"]?[period] ?? 0))"
      if let p = s.probabilities["cash_below_zero"]?[period] { out += ", P(cash < 0) \(percent(p))" }
      out += "\n"
    }
    if let p = s.probabilities["cash_below_zero"]?["horizon"], let low = s.indicators["lowest_cash"]?["horizon"] {
      out += "\nOver the horizon: P(cash < 0 in some month) \(percent(p))"
      if let f = s.probabilities["cash_below_floor"]?["horizon"] { out += ", P(cash below the floor) \(percent(f))" }
      out += "; lowest cash p5 \(Money.format(low.p5)), p50 \(Money.format(low.p50)), p95 \(Money.format(low.p95))\n"
      out +=
        "  (each draw's subsidies paid on their terms, the rest of its result in its month; its advances and overdraft as the plan's)\n"
    }
    if !s.sensitivity.isEmpty {
      out += "\nWhat moves the \(s.periods.last!) reserves most (standardised regression coefficients)\n"
      for x in s.sensitivity { out += "  " + ProjectionTable.pad(x.input, 34) + coefficient(x.coefficient) + "\n" }
    }
    if !s.cashSensitivity.isEmpty {
      out += "\nWhat moves the lowest cash most (standardised regression coefficients)\n"
      for x in s.cashSensitivity { out += "  " + ProjectionTable.pad(x.input, 34) + coefficient(x.coefficient) + "\n" }
    }
    return out
  }

  static func renderStatutes(_ results: [(String, Simulation)]) -> String {
    guard let first = results.first?.1 else { return "" }
    var out = "\(first.scenario): \(first.draws) draws, seed \(first.seed), under each statute\n\n" + ProjectionTable.pad("", 30)
    out += results.map { ProjectionTable.left($0.0.uppercased(), 14) }.joined() + "\n"
    for period in first.periods {
      for (key, label) in [("deficit", "P(deficit)"), ("negative_reserves", "P(negative reserves)"), ("cash_below_zero", "P(cash < 0)")] {
        out += ProjectionTable.pad("  \(period) \(label)", 30)
        out += results.map { ProjectionTable.left(percent($0.1.probabilities[key]?[period] ?? 0), 14) }.joined() + "\n"
      }
      out += ProjectionTable.pad("  \(period) mean result", 30)
      out += results.map { ProjectionTable.left(Money.format($0.1.indicators["result"]?[period]?.mean ?? 0), 14) }.joined() + "\n"
    }
    return out
  }

  static func percent(_ p: Double) -> String { String(format: "%.1f %%", p * 100) }

  /// A coefficient to three decimals; one that rounds to zero is shown unsigned-positive.
  static func coefficient(_ c: Double) -> String { String(format: "%+.3f", abs(c) < 0.0005 ? 0 : c) }
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
