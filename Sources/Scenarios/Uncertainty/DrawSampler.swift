import Planner

/// Draws the uncertain inputs of a scenario, one draw at a time, from the draw's own seeded
/// generator: the same seed gives the same draws whatever the chunks and threads.
struct DrawSampler: Sendable {
  let scenario: Scenario
  let timeline: Timeline
  let seed: UInt64
  /// Exercises that are projected (not closed): only they are uncertain.
  let open: [Int]

  /// For each subsidy and exercise (`[subsidy * exercises + exercise]`): the amount as given,
  /// its distribution and renewal probability (looked up once, not at every draw), and the
  /// renewal's threshold on the normal scale, Φ⁻¹(p), and the distribution's share below zero.
  let subsidyPlan: [(amount: Double, distribution: Distribution?, renewal: Double?, threshold: Double, belowZero: Double)]
  /// For each subsidy and exercise (`[subsidy * exercises + exercise]`): whether a draw can
  /// give it another amount than the plan's (an open exercise with an amount's distribution
  /// or a renewal in doubt). The other rows hold the plan's amount in every draw.
  let varies: [Bool]

  /// Whether a renewal fails: Φ(x) ≥ p. Away from the threshold Φ⁻¹(p) (more than 10⁻⁶, where
  /// Φ moves by more than 10⁻¹⁰ for the probabilities a scenario takes) the comparison of `x`
  /// with it decides the same, without computing Φ; near it, Φ decides.
  @inline(__always)
  static func fails(_ x: Double, renewal p: Double, threshold q: Double) -> Bool {
    guard p > 1e-4, p < 1 - 1e-4, Swift.abs(x - q) > 1e-6 else { return NormalLaw.cdf(x) >= p }
    return x > q
  }

  init(_ scenario: Scenario, timeline: Timeline, seed: UInt64) {
    self.scenario = scenario
    self.timeline = timeline
    self.seed = seed
    open = timeline.exercises.indices.filter { scenario.actuals[timeline.exercises[$0].id] == nil }
    subsidyPlan = scenario.subsidies.flatMap { s in
      timeline.exercises.map { e in
        let p = s.renewalProbability[e.id]
        let d = s.amountDistribution[e.id]
        return (s.amounts[e.id] ?? 0, d, p, p.map(NormalLaw.quantile) ?? .nan, d?.belowZero ?? 0)
      }
    }
    let (open, plans, exercises) = (open, subsidyPlan, timeline.exercises.count)
    varies = plans.indices.map { i in
      open.contains(i % exercises) && (plans[i].distribution != nil || (plans[i].renewal.map { $0 < 1 } ?? false))
    }
  }

  /// The draws of a chunk, laid out for the engine: one contiguous row of the chunk's width
  /// per (subsidy, exercise), per member, per position.
  struct Chunk {
    var width: Int
    /// `[(subsidy * exercises + exercise) * width + draw]`.
    var subsidies: [Double]
    var memberLeft: [Double]
    var duesCollection: [Double]
    var positionStart: [Double]
    /// Whether each position's work qualifies for the CIR, drawn from `cir_qualifies`.
    var cirQualifies: [Double]
    /// `[funder * width + draw]`: the balance's delay in whole months, for the funders of
    /// `delayFunders`.
    var balanceDelays: [Double] = []
  }

  /// The funders whose payment delay is uncertain, in order.
  var delayFunders: [String] { scenario.uncertainty.paymentDelays.keys.sorted() }

  /// Draws a chunk. Each draw has its own generator, and takes only the numbers its
  /// uncertain inputs need, always in the same order.
  func chunk(_ range: Range<Int>) -> Chunk {
    let w = range.count, exercises = timeline.exercises.count
    let subsidyCount = scenario.subsidies.count
    // Each row holds the plan's amount; the draws then write the rows that vary.
    var subsidies = Self.rows(subsidyPlan.map(\.amount), width: w)
    let memberRows = scenario.members.reduce(0) { $0 + max(1, $1.count) }
    var left = [Double](repeating: 0, count: memberRows * w)
    var dues = [Double](repeating: scenario.dues.collectionRate, count: w)
    let funders = delayFunders
    var delays = [Double](repeating: 0, count: funders.count * w)
    let rho = scenario.uncertainty.publicBudgetsCorrelation, rhoRest = (1 - rho * rho).squareRoot()
    let q = scenario.uncertainty.memberLeavingProbability
    let firstOpen = open.first.map { timeline.exercises[$0].months.first } ?? timeline.months.last
    let baseLeft = scenario.members.flatMap { m in Array(repeating: Double((m.left ?? Month(9999, 12)).ordinal), count: max(1, m.count)) }
    let lastYear = timeline.months.last.year
    // What the draws read, taken out of the scenario once a chunk: plain values in arrays
    // (reading a position or a dictionary in the loop over the draws copied and released
    // their parts for every draw).
    let duesLaw = scenario.uncertainty.duesCollection
    let plannedStart = scenario.positions.map { Double($0.start.ordinal) }
    let startDelay = scenario.positions.map { $0.start >= firstOpen ? $0.startDelay : nil }
    let cir = scenario.positions.map(\.cirQualifies)
    let delayLaws = funders.map { scenario.uncertainty.paymentDelays[$0]! }
    let positionCount = plannedStart.count
    // What no draw changes is written a row at a time, not a value in each draw's loop: the
    // members when none leaves, the starts without a delay, the work that qualifies or not.
    let drawnStarts = (0..<positionCount).filter { startDelay[$0] != nil }
    let drawnQualifies = (0..<positionCount).filter { cir[$0] > 0 && cir[$0] < 1 }
    if q <= 0 { for r in 0..<memberRows { for b in 0..<w { left[r * w + b] = baseLeft[r] } } }
    var starts = Self.rows(plannedStart, width: w), qualifies = Self.rows(cir, width: w)
    // Each open exercise's rows that vary (`varies`), in the subsidies' order (the others
    // take no number), one exercise after the other: `drawnRows[ends[k - 1]..<ends[k]]` for
    // the k-th open exercise.
    let byExercise = open.map { e in (0..<subsidyCount).map { $0 * exercises + e }.filter { varies[$0] } }
    let drawnRows = byExercise.flatMap { $0 }, drawnPlans = drawnRows.map { subsidyPlan[$0] }
    let ends = byExercise.reduce(into: [Int]()) { $0.append(($0.last ?? 0) + $1.count) }
    // The loop over the draws reads its arrays by index: iterating an array retains and
    // releases it, a cost that showed for every draw.
    for (b, index) in range.enumerated() {
      var g = SplitMix64(seed: seed, stream: UInt64(index))
      var k = 0
      for x in 0..<ends.count {
        let common = rho > 0 ? g.normal() : 0
        while k < ends[x] {
          let plan = drawnPlans[k], row = drawnRows[k]
          k += 1
          var amount = plan.amount
          if let d = plan.distribution {
            let u = g.uniform()
            amount = d.sample(u: u, z: 0, belowZero: plan.belowZero)
          }
          if let p = plan.renewal, p < 1 {
            let x = rho * common + rhoRest * g.normal()
            if Self.fails(x, renewal: p, threshold: plan.threshold) { amount = 0 }
          }
          subsidies[row * w + b] = amount
        }
      }
      for r in 0..<(q > 0 ? memberRows : 0) {
        var leaves = baseLeft[r]
        var year = firstOpen.year
        while year <= lastYear {
          if g.uniform() < q {
            leaves = min(leaves, Double(Month(year, 1).ordinal) - 1)
            break
          }
          year += 1
        }
        left[r * w + b] = leaves
      }
      if let d = duesLaw { dues[b] = d.sample(u: g.uniform(), z: 0) }
      for j in 0..<drawnStarts.count {
        let r = drawnStarts[j]
        starts[r * w + b] = plannedStart[r] + max(0, startDelay[r]!.sample(u: g.uniform(), z: 0).rounded(.down))
      }
      // Drawn last, so that the draws above stay those of earlier versions.
      for j in 0..<drawnQualifies.count {
        let r = drawnQualifies[j]
        qualifies[r * w + b] = g.uniform() < cir[r] ? 1 : 0
      }
      // Payment delays, in whole months up to a payment term's longest.
      for f in 0..<delayLaws.count {
        let d = delayLaws[f].sample(u: g.uniform(), z: 0)
        delays[f * w + b] = min(Double(PaymentTerms.maximumMonths), max(0, d.rounded(.down)))
      }
    }
    return Chunk(
      width: w, subsidies: subsidies, memberLeft: left, duesCollection: dues, positionStart: starts, cirQualifies: qualifies,
      balanceDelays: delays)
  }

  /// One row of `width` values for each of `values`, each row filled with its value.
  static func rows(_ values: [Double], width w: Int) -> [Double] {
    [Double](unsafeUninitializedCapacity: values.count * w) { buffer, count in
      for (r, v) in values.enumerated() where w > 0 {
        let row = buffer.baseAddress! + r * w
        for b in 0..<w { row[b] = v }
      }
      count = values.count * w
    }
  }
}
