extension ChunkContext {
  /// Applies a scale parameter (barème) to a base, month by month: the brackets in force at
  /// each month, thresholds that are multiples of other parameters looked up at that month.
  func scale(_ name: String, _ mode: Scale.Mode, _ base: Block) -> Block {
    let p = evaluator.ruleSet.parameters[name]!
    guard case .scale(let versions) = p.values else { return .scalar(.nan) }
    // Thresholds and rates of each month.
    var table: [[(Double, Double)]?] = []
    for month in timeline.months {
      guard let i = p.versionIndex(at: month) else {
        table.append(nil)
        continue
      }
      table.append(
        versions[i].brackets.map { b in
          switch b.threshold {
          case .amount(let a): return (a, b.rate)
          case .parameter(let t, let times):
            let tp = evaluator.ruleSet.parameters[t]
            let value = tp.flatMap { try? $0.value(at: month).value } ?? .nan
            return (value * times, b.rate)
          }
        })
    }
    var out = [Double](repeating: 0, count: base.rows * months * base.width)
    for r in 0..<base.rows {
      for m in 0..<months {
        for v in 0..<base.width {
          let x = base[r, m, v]
          guard let brackets = table[m] else {
            out[(r * months + m) * base.width + v] = .nan
            continue
          }
          var result = 0.0
          switch mode {
          case .marginal:
            for (k, (t, rate)) in brackets.enumerated() where x > t {
              let upper = k + 1 < brackets.count ? brackets[k + 1].0 : .infinity
              result += rate * (min(x, upper) - t)
            }
          case .bracketRate:
            for (t, rate) in brackets where x >= t { result = rate }
          }
          out[(r * months + m) * base.width + v] = result
        }
      }
    }
    return Block(rows: base.rows, months: months, width: base.width, data: out)
  }
}
