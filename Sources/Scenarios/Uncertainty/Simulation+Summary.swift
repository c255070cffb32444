import Planner

extension Simulation {
  static func summarise(
    _ scenario: Scenario, chunks: [ChunkResult], draws: Int, seed: UInt64, timeline: Timeline, open: [Int], inputs: [String],
    floor: Double? = nil, organisations: [String: [String: Double]]? = nil
  ) -> Simulation {
    let periods = open.map { timeline.exercises[$0].id }
    var indicators: [String: [String: Summary]] = [:]
    var probabilities: [String: [String: Double]] = ["deficit": [:], "negative_reserves": [:]]
    for (i, name) in indicatorNames.enumerated() {
      // Without a cash plan (no treasury rule pack), no lowest cash.
      guard chunks.allSatisfy({ !$0.values[i].isEmpty }) else { continue }
      for (k, period) in periods.enumerated() {
        let all = chunks.flatMap { $0.values[i][k] }
        indicators[name, default: [:]][period] = summary(all)
        if name == "result" { probabilities["deficit"]![period] = Double(all.filter { $0 < -0.005 }.count) / Double(all.count) }
        if name == "reserves" { probabilities["negative_reserves"]![period] = Double(all.filter { $0 < -0.005 }.count) / Double(all.count) }
        // With organisations: the consolidation's, each draw plus their (certain) figure.
        if let shift = organisations?[name]?[period] {
          let consolidated = all.map { $0 + shift }
          indicators["consolidated_\(name)", default: [:]][period] = summary(consolidated)
          probabilities[name == "result" ? "consolidated_deficit" : "consolidated_negative_reserves", default: [:]][period] =
            Double(consolidated.filter { $0 < -0.005 }.count) / Double(consolidated.count)
        }
        if name == "lowest_cash", let floor {
          probabilities["cash_below_zero", default: [:]][period] = Double(all.filter { $0 < -0.005 }.count) / Double(all.count)
          probabilities["cash_below_floor", default: [:]][period] = Double(all.filter { $0 < floor - 0.005 }.count) / Double(all.count)
        }
      }
    }
    let horizon = chunks.flatMap(\.horizonLowest)
    if let floor, !horizon.isEmpty {
      probabilities["cash_below_zero", default: [:]]["horizon"] = Double(horizon.filter { $0 < -0.005 }.count) / Double(horizon.count)
      probabilities["cash_below_floor", default: [:]]["horizon"] =
        Double(horizon.filter { $0 < floor - 0.005 }.count) / Double(horizon.count)
      indicators["lowest_cash", default: [:]]["horizon"] = summary(horizon)
    }
    // Sensitivity: standardised coefficients of the last exercise's reserves, and of the
    // horizon's lowest cash, on the inputs.
    var columns: [(String, [Double])] = []
    for (j, name) in inputs.enumerated() {
      let x = chunks.flatMap { $0.inputs[j] }
      if standardDeviation(x) > 0 { columns.append((name, x)) }
    }
    let sensitivity = regression(chunks.flatMap { $0.values[1][periods.count - 1] }, on: columns)
    let cashSensitivity = horizon.isEmpty ? [] : regression(horizon, on: columns)
    var simulation = Simulation(
      scenario: scenario.id, draws: draws, seed: seed, periods: periods, indicators: indicators, probabilities: probabilities,
      sensitivity: sensitivity)
    simulation.cashSensitivity = cashSensitivity
    return simulation
  }

  /// Standardised regression coefficients of `y` on the columns, largest first.
  static func regression(_ y: [Double], on columns: [(String, [Double])]) -> [Sensitivity] {
    var sensitivity: [Sensitivity] = []
    let sy = standardDeviation(y)
    if !columns.isEmpty, sy > 0, y.count > columns.count + 1 {
      let n = y.count, k = columns.count
      var data = [Double](repeating: 0, count: n * k)
      for (j, (_, x)) in columns.enumerated() {
        let m = mean(x), s = standardDeviation(x)
        for r in 0..<n { data[r * k + j] = (x[r] - m) / s }
      }
      let my = mean(y)
      let target = y.map { ($0 - my) / sy }
      if let beta = Matrix(rows: n, columns: k, data: data).leastSquares(target) {
        sensitivity = zip(columns, beta).map { Sensitivity(input: $0.0, coefficient: ($1 * 1e6).rounded() / 1e6) }
          .sorted { abs($0.coefficient) > abs($1.coefficient) || (abs($0.coefficient) == abs($1.coefficient) && $0.input < $1.input) }
      }
    }
    return sensitivity
  }

  /// Mean (summed in draw order, so the same whatever the threads) and percentiles by
  /// nearest rank on the sorted values.
  static func summary(_ values: [Double]) -> Summary {
    // Nearest-rank percentiles by selection (no full sort): each rank's value is found in
    // linear time, the work array partitioned around it.
    var work = values
    func rank(_ p: Double) -> Int { min(max(0, Int((p * Double(work.count)).rounded(.up)) - 1), work.count - 1) }
    let ranks = [rank(0.05), rank(0.5), rank(0.95)]
    var found: [Double] = []
    var low = 0
    for k in ranks {
      found.append(select(&work, k, from: low))
      low = k
    }
    return Summary(mean: Money.cents(mean(values)), p5: Money.cents(found[0]), p50: Money.cents(found[1]), p95: Money.cents(found[2]))
  }

  /// The k-th smallest value of `a` (0-based), moving it to index k with smaller values
  /// before it; `from` is a lower bound already partitioned (quickselect, median of three).
  static func select(_ a: inout [Double], _ k: Int, from start: Int) -> Double {
    var lo = start, hi = a.count - 1
    while lo < hi {
      let mid = lo + (hi - lo) / 2
      if a[mid] < a[lo] { a.swapAt(mid, lo) }
      if a[hi] < a[lo] { a.swapAt(hi, lo) }
      if a[hi] < a[mid] { a.swapAt(hi, mid) }
      let pivot = a[mid]
      var i = lo, j = hi
      while i <= j {
        while a[i] < pivot { i += 1 }
        while pivot < a[j] { j -= 1 }
        if i <= j {
          a.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      if k <= j { hi = j } else if k >= i { lo = i } else { return a[k] }
    }
    return a[k]
  }

  static func mean(_ x: [Double]) -> Double { x.isEmpty ? 0 : x.reduce(0, +) / Double(x.count) }

  static func standardDeviation(_ x: [Double]) -> Double {
    guard x.count > 1 else { return 0 }
    let m = mean(x)
    return (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)).squareRoot()
  }
}
