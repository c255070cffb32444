import Dispatch
import Planner

extension Simulation {
  static func summarise(
    _ scenario: Scenario, chunks: [ChunkResult], draws: Int, seed: UInt64, timeline: Timeline, open: [Int], inputs: [String],
    floor: Double? = nil, organisations: [String: [String: Double]]? = nil, threads: Int = 1
  ) -> Simulation {
    let periods = open.map { timeline.exercises[$0].id }
    var indicators: [String: [String: Summary]] = [:]
    var probabilities: [String: [String: Double]] = ["deficit": [:], "negative_reserves": [:]]
    // Each indicator and exercise on its own (its draws gathered, its percentiles selected),
    // on the threads asked, then put together in order: the same figures for any threads.
    // (Without a cash plan, no treasury rule pack, no lowest cash.)
    let tasks: [(indicator: Int, period: Int)] = indicatorNames.indices.filter { i in chunks.allSatisfy { !$0.values[i].isEmpty } }
      .flatMap { i in periods.indices.map { (i, $0) } }
    typealias Outcome = (summaries: [(String, Summary)], probabilities: [(String, Double)])
    let outcomes = Slots<Outcome>(count: tasks.count)
    let workers = max(1, min(threads, tasks.count))
    DispatchQueue.concurrentPerform(iterations: workers) { t in
      for task in stride(from: t, to: tasks.count, by: workers) {
        let (i, k) = tasks[task]
        let name = indicatorNames[i], period = periods[k]
        var summaries: [(String, Summary)] = [], found: [(String, Double)] = []
        let count = chunks.reduce(0) { $0 + $1.width }
        // The share of the draws below a limit.
        let share: (Double) -> Double
        let shift = organisations?[name]?[period]
        if shift == nil, let x = Self.constant(chunks.map { $0.values[i][k] }) {
          // The same value in every draw (the FTE without uncertain positions, a financing
          // that costs nothing, an exercise that no draw changes): its percentiles are that
          // value, its mean the values added in draw order, as below; nothing to gather.
          var sum = 0.0
          for _ in 0..<count { sum += x }
          let average = count == 0 ? 0 : sum / Double(count), cents = Money.cents(x)
          summaries.append((name, Summary(mean: Money.cents(average), p5: cents, p50: cents, p95: cents)))
          share = { limit in x < limit ? 1 : 0 }
        } else if shift == nil, chunks.allSatisfy({ $0.values[i][k].isCents }) {
          // Whole cents, as the chunks keep them: half the memory of the same values in
          // euros, and the same figures (a cent's value in euros is increasing in the cent).
          var cents: [Int32] = []
          cents.reserveCapacity(count)
          for c in chunks { if case .cents(let v) = c.values[i][k] { cents.append(contentsOf: v) } }
          summaries.append((name, summary(cents: cents)))
          share = { limit in Double(cents.reduce(0) { Double($1) / 100 < limit ? $0 + 1 : $0 }) / Double(cents.count) }
        } else {
          // Gathered in one array of the exact size (growing it by doubling held up to twice).
          var all: [Double] = []
          all.reserveCapacity(count)
          for c in chunks { c.append(i, k, to: &all) }
          summaries.append((name, summary(&all)))
          share = { limit in Self.share(all, below: limit) }
          // With organisations: the consolidation's, each draw plus their (certain) figure.
          if let shift {
            let consolidated = all.map { $0 + shift }
            summaries.append(("consolidated_\(name)", summary(consolidated)))
            found.append(
              (
                name == "result" ? "consolidated_deficit" : "consolidated_negative_reserves",
                Self.share(consolidated, below: -0.005)
              ))
          }
        }
        if name == "result" { found.append(("deficit", share(-0.005))) }
        if name == "reserves" { found.append(("negative_reserves", share(-0.005))) }
        if name == "lowest_cash", let floor {
          found.append(("cash_below_zero", share(-0.005)))
          found.append(("cash_below_floor", share(floor - 0.005)))
        }
        outcomes.set(task, (summaries, found))
      }
    }
    for (task, outcome) in zip(tasks, outcomes.values) {
      let period = periods[task.period]
      for (name, summary) in outcome.summaries { indicators[name, default: [:]][period] = summary }
      for (name, p) in outcome.probabilities { probabilities[name, default: [:]][period] = p }
    }
    let horizon = chunks.flatMap(\.horizonLowest)
    if let floor, !horizon.isEmpty {
      probabilities["cash_below_zero", default: [:]]["horizon"] = share(horizon, below: -0.005)
      probabilities["cash_below_floor", default: [:]]["horizon"] = share(horizon, below: floor - 0.005)
      // Whole cents (each draw's lowest balance is rounded to the cent): found by counting.
      indicators["lowest_cash", default: [:]]["horizon"] = exactCents(horizon).map { summary(cents: $0) } ?? summary(horizon)
    }
    // Sensitivity: standardised coefficients of the last exercise's reserves, and of the
    // horizon's lowest cash, on the inputs (from the chunks' moments, merged in order).
    var moments = chunks.first?.moments ?? Moments([])
    for c in chunks.dropFirst() { moments.merge(c.moments) }
    let sensitivity = regression(moments, inputs: inputs, y: inputs.count)
    let cashSensitivity = horizon.isEmpty ? [] : regression(moments, inputs: inputs, y: inputs.count + 1)
    var simulation = Simulation(
      scenario: scenario.id, draws: draws, seed: seed, periods: periods, indicators: indicators, probabilities: probabilities,
      sensitivity: sensitivity)
    simulation.cashSensitivity = cashSensitivity
    return simulation
  }

  /// Standardised regression coefficients of variable `y` on the inputs that vary, largest
  /// first: the normal equations of the standardised variables (their correlations), solved
  /// by LAPACK, from the moments alone (no per-draw copy of the inputs: a million draws kept
  /// three copies of them, 300 MB).
  static func regression(_ m: Moments, inputs: [String], y: Int) -> [Sensitivity] {
    let sy = m.standardDeviation(y)
    guard sy > 0 else { return [] }
    // An input that does not vary (its deviation nothing beside its size) is left out.
    let kept = inputs.indices.filter { m.standardDeviation($0) > 1e-12 * max(1, abs(m.mean[$0])) }
    guard !kept.isEmpty, m.n > kept.count + 1 else { return [] }
    let k = kept.count
    var c = [Double](repeating: 0, count: k * k), r = [Double](repeating: 0, count: k)
    for (a, i) in kept.enumerated() {
      let si = m.standardDeviation(i)
      for (b, j) in kept.enumerated() { c[a * k + b] = m.covariance(i, j) / (si * m.standardDeviation(j)) }
      r[a] = m.covariance(i, y) / (si * sy)
    }
    guard let beta = Matrix(rows: k, columns: k, data: c).leastSquares(r) else { return [] }
    return zip(kept, beta).map { Sensitivity(input: inputs[$0], coefficient: ($1 * 1e6).rounded() / 1e6) }
      .sorted { abs($0.coefficient) > abs($1.coefficient) || (abs($0.coefficient) == abs($1.coefficient) && $0.input < $1.input) }
  }

  /// Mean (summed in draw order, so the same whatever the threads) and percentiles by
  /// nearest rank on the sorted values.
  static func summary(_ values: [Double]) -> Summary {
    var work = values
    return summary(&work)
  }

  /// The same, reordering `values` (no copy: a million draws' worth each).
  static func summary(_ values: inout [Double]) -> Summary {
    let average = mean(values)
    // Nearest-rank percentiles by selection (no full sort): each rank's value is found in
    // linear time, the array partitioned around it.
    var work: [Double] = []
    swap(&work, &values)
    defer { swap(&work, &values) }
    func rank(_ p: Double) -> Int { min(max(0, Int((p * Double(work.count)).rounded(.up)) - 1), work.count - 1) }
    let ranks = [rank(0.05), rank(0.5), rank(0.95)]
    var found: [Double] = []
    var low = 0
    for k in ranks {
      found.append(select(&work, k, from: low))
      low = k
    }
    return Summary(mean: Money.cents(average), p5: Money.cents(found[0]), p50: Money.cents(found[1]), p95: Money.cents(found[2]))
  }

  /// The same from whole cents: the mean of their values in euros summed in draw order, the
  /// percentiles found among the cents (the same ranks, the same values).
  static func summary(cents values: [Int32]) -> Summary {
    var sum = 0.0
    for c in values { sum += Double(c) / 100 }
    let average = values.isEmpty ? 0 : sum / Double(values.count)
    func rank(_ p: Double) -> Int { min(max(0, Int((p * Double(values.count)).rounded(.up)) - 1), values.count - 1) }
    let found = ranked(cents: values, [rank(0.05), rank(0.5), rank(0.95)]).map { Double($0) / 100 }
    return Summary(mean: Money.cents(average), p5: Money.cents(found[0]), p50: Money.cents(found[1]), p95: Money.cents(found[2]))
  }

  /// The value of columns that all hold one and the same value (to the bit), else `nil`.
  static func constant(_ columns: [ChunkResult.Column]) -> Double? {
    guard case .constant(let x) = columns.first else { return nil }
    for c in columns {
      guard case .constant(let y) = c, y.bitPattern == x.bitPattern else { return nil }
    }
    return x
  }

  /// The values as whole cents when each is exactly its cents' value in euros (`c / 100`, to
  /// the bit: the summary from the cents is then the same as from the values), else `nil`.
  static func exactCents(_ values: [Double]) -> [Int32]? {
    var cents: [Int32] = []
    cents.reserveCapacity(values.count)
    for x in values {
      let c = (x * 100).rounded()
      guard abs(c) < 2e9, (Double(Int32(c)) / 100).bitPattern == x.bitPattern else { return nil }  // −0 is not
      cents.append(Int32(c))
    }
    return cents
  }

  /// The values of ranks `ks` (0-based, ascending) among whole cents, by counting rather than
  /// partitioning: the span from the least to the greatest value cut into at most 2¹⁶ bins
  /// of a power of two cents each, one pass to count each bin, one to gather the few bins
  /// that hold the ranks, and a selection among those alone (three passes over the values in
  /// all, where a selection moves the whole array once per rank). The same values as sorting
  /// (`PercentileTests`).
  static func ranked(cents values: [Int32], _ ks: [Int]) -> [Int32] {
    guard let first = values.first else { return [] }
    let n = values.count
    var least = first, greatest = first
    values.withUnsafeBufferPointer { p in
      for v in p {
        least = min(least, v)
        greatest = max(greatest, v)
      }
    }
    let span = Int64(greatest) - Int64(least)
    var shift: Int64 = 0
    while span >> shift >= 1 << 16 { shift += 1 }
    let bins = Int(span >> shift) + 1
    guard bins > 1 else { return ks.map { _ in least } }
    var counts = [Int32](repeating: 0, count: bins)
    let base = Int64(least)
    values.withUnsafeBufferPointer { p in
      counts.withUnsafeMutableBufferPointer { c in
        for v in p { c[Int((Int64(v) - base) >> shift)] += 1 }
      }
    }
    // Each rank's bin, and its rank among that bin's values.
    var targets: [(bin: Int, rank: Int)] = []
    var bin = 0, before = 0
    for k in ks {
      precondition(k >= 0 && k < n, "a rank among the values")
      while before + Int(counts[bin]) <= k {
        before += Int(counts[bin])
        bin += 1
      }
      targets.append((bin, k - before))
    }
    // A bin one cent wide is its value; the others are gathered and their values selected.
    var answers = [Int32](repeating: 0, count: ks.count)
    var gathered: [Int: [Int32]] = [:]
    for (t, target) in targets.enumerated() where shift == 0 { answers[t] = Int32(base + Int64(target.bin)) }
    if shift > 0 {
      let wanted = Set(targets.map(\.bin))
      for b in wanted {
        gathered[b] = []
        gathered[b]!.reserveCapacity(Int(counts[b]))
      }
      let sortedBins = wanted.sorted()
      for v in values {
        let b = Int((Int64(v) - base) >> shift)
        if sortedBins.contains(b) { gathered[b]!.append(v) }
      }
      for (t, target) in targets.enumerated() { answers[t] = select(&gathered[target.bin]!, target.rank, from: 0) }
    }
    return answers
  }

  /// The k-th smallest value of `a` (0-based), moving it to index k with smaller values
  /// before it; `from` is a lower bound already partitioned (quickselect, median of three).
  static func select<T: Comparable>(_ a: inout [T], _ k: Int, from start: Int) -> T {
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

  /// The share of `values` below `limit`, counted in place (a filtered copy was a million
  /// draws' worth).
  static func share(_ values: [Double], below limit: Double) -> Double {
    Double(values.reduce(0) { $1 < limit ? $0 + 1 : $0 }) / Double(values.count)
  }

  static func mean(_ x: [Double]) -> Double { x.isEmpty ? 0 : x.reduce(0, +) / Double(x.count) }

  static func standardDeviation(_ x: [Double]) -> Double {
    guard x.count > 1 else { return 0 }
    let m = mean(x)
    return (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)).squareRoot()
  }
}
