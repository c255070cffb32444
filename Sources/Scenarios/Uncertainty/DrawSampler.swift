import Planner

/// Draws the uncertain inputs of a scenario, one draw at a time, from the draw's own seeded
/// generator: the same seed gives the same draws whatever the chunks and threads.
struct DrawSampler: Sendable {
  let scenario: Scenario
  let timeline: Timeline
  let seed: UInt64
  /// Exercises that are projected (not closed): only they are uncertain.
  let open: [Int]

  /// For each subsidy and exercise: the amount as given, its distribution and renewal
  /// probability (looked up once, not at every draw).
  let subsidyPlan: [[(amount: Double, distribution: Distribution?, renewal: Double?)]]

  init(_ scenario: Scenario, timeline: Timeline, seed: UInt64) {
    self.scenario = scenario
    self.timeline = timeline
    self.seed = seed
    open = timeline.exercises.indices.filter { scenario.actuals[timeline.exercises[$0].id] == nil }
    subsidyPlan = scenario.subsidies.map { s in
      timeline.exercises.map { e in (s.amounts[e.id] ?? 0, s.amountDistribution[e.id], s.renewalProbability[e.id]) }
    }
  }

  /// One draw's values.
  struct Draw {
    /// Amount of each subsidy in each exercise (index of exercise).
    var subsidies: [[Double]]
    var memberLeft: [Double]
    var duesCollection: Double
    var positionStart: [Double]
  }

  func draw(_ index: Int) -> Draw {
    var g = SplitMix64(seed: seed, stream: UInt64(index))
    let rho = scenario.uncertainty.publicBudgetsCorrelation
    var subsidies = subsidyPlan.map { $0.map(\.amount) }
    for e in open {
      let common = g.normal()
      for i in subsidyPlan.indices {
        let plan = subsidyPlan[i][e]
        let own = g.normal()
        let u = g.uniform(), z = g.normal()
        var amount = plan.distribution?.sample(u: u, z: z) ?? plan.amount
        if let p = plan.renewal, p < 1 {
          let x = rho * common + (1 - rho * rho).squareRoot() * own
          if NormalLaw.cdf(x) >= p { amount = 0 }
        }
        subsidies[i][e] = amount
      }
    }
    var left: [Double] = []
    let q = scenario.uncertainty.memberLeavingProbability
    let firstOpen = open.first.map { timeline.exercises[$0].months.first } ?? timeline.months.last
    for m in scenario.members {
      var leaves = Double((m.left ?? Month(9999, 12)).ordinal)
      if q > 0 {
        var year = firstOpen.year
        while year <= timeline.months.last.year {
          if g.uniform() < q {
            leaves = min(leaves, Double(Month(year, 1).ordinal) - 1)
            break
          }
          year += 1
        }
      }
      for _ in 0..<max(1, m.count) { left.append(leaves) }
    }
    let dues = scenario.uncertainty.duesCollection?.sample(u: g.uniform(), z: g.normal()) ?? scenario.dues.collectionRate
    var starts: [Double] = []
    for p in scenario.positions {
      var start = Double(p.start.ordinal)
      if let delay = p.startDelay, p.start >= firstOpen {
        start += max(0, delay.sample(u: g.uniform(), z: g.normal()).rounded(.down))
      }
      starts.append(start)
    }
    return Draw(subsidies: subsidies, memberLeft: left, duesCollection: dues, positionStart: starts)
  }
}
