import Foundation
import Planner
import TestSupport
import Testing

@testable import Scenarios

@Suite struct SimulationTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/simulation")

  static func load(_ name: String) throws -> Scenario {
    try ScenarioLoader.load(folder.appendingPathComponent(name).path)
  }

  static func simulate(_ name: String, draws: Int, seed: UInt64 = 7, threads: Int = 2) throws -> Simulation {
    try Simulation.run(try load(name), ruleSet: ShippedRules.ruleSet, draws: draws, seed: seed, threads: threads)
  }

  /// One Bernoulli subsidy: P(deficit) = 1 − p, within three standard errors.
  @Test func bernoulliDeficitProbability() throws {
    let s = try Self.load("bernoulli.yaml")
    let p = s.subsidies[0].renewalProbability["2012"]!
    let n = 20_000
    let sim = try Simulation.run(s, ruleSet: ShippedRules.ruleSet, draws: n, seed: 11, threads: 2)
    let estimate = try #require(sim.probabilities["deficit"]?["2012"])
    let exact = 1 - p
    #expect(abs(estimate - exact) <= 3 * (exact * (1 - exact) / Double(n)).squareRoot())
  }

  /// A uniform amount: mean and percentiles of the subsidies against the closed forms.
  @Test func uniformAmount() throws {
    let s = try Self.load("uniform.yaml")
    guard case .uniform(let a, let b) = s.subsidies[0].amountDistribution["2012"]! else {
      Issue.record("expected a uniform distribution")
      return
    }
    let n = 20_000
    let sim = try Simulation.run(s, ruleSet: ShippedRules.ruleSet, draws: n, seed: 3, threads: 2)
    let summary = try #require(sim.indicators["subsidies"]?["2012"])
    let sd = (b - a) / 12.squareRoot()
    #expect(abs(summary.mean - (a + b) / 2) <= 3 * sd / Double(n).squareRoot())
    // A quantile's standard error: sqrt(q(1 − q) / n) / density.
    for (q, value) in [(0.05, summary.p5), (0.5, summary.p50), (0.95, summary.p95)] {
      let exact = a + q * (b - a)
      let se = (q * (1 - q) / Double(n)).squareRoot() * (b - a)
      #expect(abs(value - exact) <= 3 * se + 0.01, "p\(Int(q * 100))")
    }
  }

  /// The same seed gives the same figures whatever the number of threads.
  @Test func deterministicAcrossThreads() throws {
    let one = try Self.simulate("sensitivity.yaml", draws: 5000, threads: 1)
    let two = try Self.simulate("sensitivity.yaml", draws: 5000, threads: 2)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let a = try encoder.encode(one.indicators), b = try encoder.encode(two.indicators)
    #expect(a == b)
    #expect(one.probabilities == two.probabilities)
    #expect(one.sensitivity.map(\.coefficient) == two.sensitivity.map(\.coefficient))
    let other = try Self.simulate("sensitivity.yaml", draws: 5000, seed: 8, threads: 2)
    #expect(try encoder.encode(other.indicators) != a)
  }

  /// The input with ten times the spread explains most of the variance, and the two
  /// coefficients are in the ratio of their standard deviations.
  @Test func sensitivityRanking() throws {
    let sim = try Self.simulate("sensitivity.yaml", draws: 20_000)
    #expect(sim.sensitivity.map(\.input) == ["subsidy large", "subsidy small"])
    let large = sim.sensitivity[0].coefficient, small = sim.sensitivity[1].coefficient
    let sdLarge = 40_000 / (2 * 1.6448536269514722), sdSmall = 2000 / 12.squareRoot()
    let expectedLarge = sdLarge / (sdLarge * sdLarge + sdSmall * sdSmall).squareRoot()
    #expect(abs(large - expectedLarge) < 0.02)
    #expect(small > 0 && small < 0.1)
  }

  /// Goal seek with a known answer: the dues rate that balances the year is charges / payroll.
  @Test func solveKnownAnswer() throws {
    let s = try Self.load("solve.yaml")
    let charges = s.items[0].amounts["2012"]!, payroll = s.members[0].payroll[2011]!
    let solver = Solver(s, ruleSet: ShippedRules.ruleSet)
    let answer = try solver.solve(.duesRate(exercise: nil), in: 0...0.1, target: Solver.Target("result(2012) >= 0")!)
    let value = try #require(answer.value)
    #expect(abs(value - charges / payroll) <= 2e-6)
    // The figure given beside the answer is the answer's own, as a projection of it gives it.
    let projected = try Projection.run(try solver.applying(.duesRate(exercise: nil), value), ruleSet: ShippedRules.ruleSet)
    #expect(answer.metricAtValue == projected.indicators["result"]?["2012"])
    #expect(try #require(answer.metricAtValue) >= 0)
    let none = try solver.solve(.duesRate(exercise: nil), in: 0...0.01, target: Solver.Target("result(2012) >= 0")!)
    #expect(none.value == nil)
    guard case .unmet = none.outcome else {
      Issue.record("expected no answer")
      return
    }
    #expect(none.ends.low < 0 && none.ends.high < 0)
  }

  /// A rate varied for one exercise only moves that exercise: the other keeps the scenario's.
  @Test func solveOneExercise() throws {
    let s = try Self.load("solve-two-years.yaml")
    let solver = Solver(s, ruleSet: ShippedRules.ruleSet)
    let a = try solver.solve(.duesRate(exercise: "2013"), in: 0...0.1, target: Solver.Target("result(2013) > 0")!)
    let value = try #require(a.value)
    #expect(abs(value - 0.025) <= 2e-6)
    #expect(try #require(a.metricAtValue) > 0)
    let p = try Projection.run(try solver.applying(.duesRate(exercise: "2013"), value), ruleSet: ShippedRules.ruleSet)
    let base = try Projection.run(s, ruleSet: ShippedRules.ruleSet)
    #expect(p.indicators["result"]?["2012"] == base.indicators["result"]?["2012"])
    #expect(p.indicators["result"]?["2013"] == a.metricAtValue)
  }

  @Test func solveProbabilityTarget() throws {
    let s = try Self.load("bernoulli.yaml")
    // The rent that keeps P(deficit) at most 10 %: with a 70 % chance of no grant, only a
    // rent of 0 does; with the range starting above 0 no value meets it.
    let a = try Solver(s, ruleSet: ShippedRules.ruleSet).solve(
      .subsidy(id: "grant", exercise: "2012"), in: 0...50000, target: Solver.Target("P(deficit, 2012) <= 10 %")!, draws: 500)
    #expect(a.value == nil)
  }

  @Test func targetsParse() {
    #expect(Solver.Target("reserves(2013-12) >= 10000 EUR") == Solver.Target("reserves(2013-12)>=10000"))
    #expect(Solver.Target("P(deficit, 2013) <= 10 %")?.threshold == 0.1)
    #expect(Solver.Target("profit(2013) > 0") == nil)
    #expect(Solver.Target("result(2013) > 0")?.strict == true)
    #expect(Solver.Target("result(2013) ≥ 0")?.strict == false)
    #expect(Solver.Target("P(deficit, 2013) < 10%")?.atLeast == false)
    #expect(Solver.Path("positions.coordinateur.gross.2013") == .gross(position: "coordinateur", exercise: "2013"))
  }
}

@Suite struct PercentileTests {
  /// Percentiles by selection are exactly those of the sorted values (nearest rank).
  @Test(arguments: [1, 2, 3, 10, 101, 1000, 4096])
  func selectionEqualsSorting(_ n: Int) {
    var g = SplitMix64(seed: UInt64(n))
    let values = (0..<n).map { _ in (g.uniform() * 50).rounded() }  // with ties
    let sorted = values.sorted()
    func rank(_ p: Double) -> Double { sorted[min(max(0, Int((p * Double(n)).rounded(.up)) - 1), n - 1)] }
    let s = Simulation.summary(values)
    #expect(s.p5 == rank(0.05))
    #expect(s.p50 == rank(0.5))
    #expect(s.p95 == rank(0.95))
  }

  /// The summary from whole cents (as the chunks keep results, reserves and balances) is the
  /// summary of the same values in euros: mean, and percentiles with ties and negatives.
  @Test(arguments: [1, 2, 3, 10, 101, 1000, 4096])
  func summaryFromCentsEqualsSummaryInEuros(_ n: Int) {
    var g = SplitMix64(seed: UInt64(n) + 100)
    let cents = (0..<n).map { _ in Int32((g.uniform() - 0.6) * 2_000_000) / (n > 100 ? 7 : 1) }
    let euros = Simulation.summary(cents.map { Double($0) / 100 }), fromCents = Simulation.summary(cents: cents)
    #expect(fromCents.mean == euros.mean && fromCents.p5 == euros.p5 && fromCents.p50 == euros.p50 && fromCents.p95 == euros.p95)
  }

  /// Ranks found by counting among whole cents are those of the sorted values, whatever the
  /// span (one cent a bin, wider bins, the whole 32 bits), with a mass point (many draws at
  /// the plan's figure), ties, and all values equal.
  @Test(arguments: [
    (n: 1, span: 10, mass: 0.0), (n: 7, span: 3, mass: 0.0), (n: 5000, span: 60_000, mass: 0.0), (n: 5000, span: 70_000, mass: 0.3),
    (n: 200_000, span: 40_000_000, mass: 0.4), (n: 20_000, span: Int(UInt32.max), mass: 0.1), (n: 3000, span: 0, mass: 0.0),
  ])
  func rankedByCountingEqualsSorting(_ n: Int, _ span: Int, _ mass: Double) {
    var g = SplitMix64(seed: UInt64(n + span))
    let values = (0..<n).map { _ -> Int32 in
      if g.uniform() < mass { return 1234 }
      // Over the whole 32 bits, the low bits of a uniform number; else a span about zero.
      let offset = Int64(g.uniform() * Double(span))
      return span > Int(Int32.max) ? Int32(truncatingIfNeeded: offset) : Int32(offset - Int64(span / 3))
    }
    let sorted = values.sorted()
    let ks = [0, n / 20, n / 2, n / 2, n - 1 - n / 20, n - 1].map { max(0, $0) }
    #expect(Simulation.ranked(cents: values, ks) == ks.map { sorted[$0] })
  }

  /// Values are taken as whole cents only when each is its cents' value to the bit.
  @Test func exactCents() {
    #expect(Simulation.exactCents([0.1, -12.34, 5, 19_999_999.99]) == [10, -1234, 500, 1_999_999_999])
    for bad in [0.123, -0.0, 1e12, .nan, .infinity, 0.1 + 0.2] { #expect(Simulation.exactCents([1, bad]) == nil, "\(bad)") }
  }

  /// Drawn subsidies are declared finite to the engine only when every amount is a number
  /// below the bound in size; otherwise the engine scans their months as any input's.
  @Test func allSmaller() {
    #expect(Simulation.allSmaller([], than: 1e300))
    #expect(Simulation.allSmaller([0, -0.0, 1.5, -2e299, 9.99e299, .leastNonzeroMagnitude], than: 1e300))
    for bad in [1e300, -1e300, 1.7e308, .infinity, -.infinity, .nan, -.nan] {
      #expect(!Simulation.allSmaller([1, 2, bad, 3], than: 1e300), "\(bad)")
    }
  }

  /// With an employers' group that invoices a fee (its result is not zero), each draw's
  /// consolidated result is the cluster's plus the group's, which draws nothing.
  @Test func consolidatedWithOrganisations() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/organisations/fee-taxable.yaml").path
    let s = try ScenarioLoader.load(path)
    let sim = try Simulation.run(s, ruleSet: ShippedRules.ruleSet, draws: 300, seed: 7)
    let g = try GroupProjection.run(s, ruleSet: ShippedRules.ruleSet)
    for period in ["2013", "2014"] {
      let shift = Money.sum(g.groups.map { $0.projection.indicators["result"]?[period] ?? 0 })
      #expect(shift > 0, "the fee is the group's margin")
      let own = try #require(sim.indicators["result"]?[period]), consolidated = try #require(sim.indicators["consolidated_result"]?[period])
      for (a, b) in [(own.mean, consolidated.mean), (own.p5, consolidated.p5), (own.p50, consolidated.p50), (own.p95, consolidated.p95)] {
        #expect(abs(a + shift - b) < 1e-6)
      }
      #expect(sim.probabilities["consolidated_deficit"]?[period] != nil)
    }
    #expect(
      try Simulation.run(
        ScenarioLoader.load(repositoryPath("scenarios/baseline.yaml").path), ruleSet: ShippedRules.ruleSet, draws: 50, seed: 1
      ).indicators["consolidated_result"] == nil)
  }

  /// The chunk size (chosen by the rows that vary) changes the memory and the speed, never
  /// the figures: each draw's inputs come from its own index. With chunks of 64 on one
  /// thread, four chunks reuse the spread subsidies of the one before (the rows that do not
  /// vary are not written again) and the last, narrower one lays them out afresh.
  @Test func theChunkSizeChangesNoFigure() throws {
    let s = try ScenarioLoader.load(repositoryPath("scenarios/uncertain-positions.yaml").path)
    // Starts drawn among a few months are tabulated: only the subsidies' rows vary per draw.
    #expect(Simulation.chunkSize(s, months: 62) == 1024, "starts tabulated")
    #expect(Simulation.chunkSize(try ScenarioLoader.load(repositoryPath("scenarios/baseline.yaml").path), months: 62) == 1024)
    // A start that can be any of many months (or without bound) is not: the 30 positions vary.
    let drawn = try #require(s.positions.firstIndex { $0.startDelay != nil })
    for delay in [Distribution.normal(mean: 2, sd: 1), .uniform(low: 0, high: 30)] {
      var t = s
      t.positions[drawn].startDelay = delay
      #expect(Simulation.chunkSize(t, months: 62) == 256, "\(delay)")
    }
    #expect(Simulation.wholeMonths(.uniform(low: 0, high: 4)) == 5 && Simulation.wholeMonths(.triangular(low: -2, mode: 1, high: 3.5)) == 4)
    let a = try Simulation.run(s, ruleSet: ShippedRules.ruleSet, draws: 300, seed: 3, chunkSize: 64)
    let b = try Simulation.run(s, ruleSet: ShippedRules.ruleSet, draws: 300, seed: 3, threads: 2, chunkSize: 256)
    for key in ["result", "reserves", "lowest_cash", "fte"] {
      for p in a.periods {
        #expect(
          a.indicators[key]?[p]?.p50 == b.indicators[key]?[p]?.p50 && a.indicators[key]?[p]?.mean == b.indicators[key]?[p]?.mean,
          "\(key) \(p)")
      }
    }
    #expect(a.probabilities == b.probabilities)
    #expect(a.sensitivity.map(\.input) == b.sensitivity.map(\.input))
  }

  /// The subsidy rows the sampler says vary (`DrawSampler.varies`: an open exercise's
  /// renewal in doubt or drawn amount) do vary; every other row holds the plan's amount in
  /// every draw, which the spreading and the cash plan take once for all the draws.
  @Test func rowsThatDoNotVaryHoldThePlan() throws {
    let s = try ScenarioLoader.load(repositoryPath("scenarios/baseline.yaml").path)
    var planner = try ScenarioPlanner(s, ruleSet: ShippedRules.ruleSet)
    let situation = try planner.situation()
    let sampler = DrawSampler(planner.scenario, timeline: situation.timeline, seed: 3)
    let w = 500
    let chunk = sampler.chunk(0..<w)
    #expect(sampler.varies.contains(true) && sampler.varies.contains(false))
    for (row, varies) in sampler.varies.enumerated() {
      let values = chunk.subsidies[(row * w)..<((row + 1) * w)]
      if varies {
        #expect(Set(values).count > 1, "row \(row)")
      } else {
        #expect(values.allSatisfy { $0 == sampler.subsidyPlan[row].amount }, "row \(row)")
      }
    }
  }

  /// The positions' rules computed once per start month and looked up for each draw give
  /// the very figures of computing every draw in full.
  @Test func tabulationChangesNoFigure() throws {
    let s = try ScenarioLoader.load(repositoryPath("scenarios/uncertain-positions.yaml").path)
    let a = try Simulation.run(s, ruleSet: ShippedRules.ruleSet, draws: 512, seed: 5, chunkSize: 128)
    let b = try Simulation.run(s, ruleSet: ShippedRules.ruleSet, draws: 512, seed: 5, chunkSize: 128, tabulate: false)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    #expect(try encoder.encode(a.indicators) == encoder.encode(b.indicators))
    #expect(a.probabilities == b.probabilities)
    #expect(try encoder.encode(a.sensitivity) == encoder.encode(b.sensitivity))
    #expect(try encoder.encode(a.cashSensitivity) == encoder.encode(b.cashSensitivity))
    #expect(a.indicators["fte"]?.values.contains { $0.p5 != $0.p95 } == true, "the draws move the staff")
  }

  /// A CDI that follows a CDD at once on the same post, drawn to start later: in that draw no
  /// CDI follows at the CDD's end, so its 10 % indemnity is due (L1243-8) and the
  /// CIF-CDD contribution too; on time, neither.
  @Test func aLateCDIMakesTheCDDsIndemnityDue() throws {
    let s = try ScenarioLoader.load(repositoryPath("scenarios/uncertain-positions.yaml").path)
    var planner = try ScenarioPlanner(s, ruleSet: ShippedRules.ruleSet)
    let situation = try planner.situation()
    let sampler = DrawSampler(planner.scenario, timeline: situation.timeline, seed: 1)
    let f = try #require(Simulation.followers(planner.scenario, ruleSet: ShippedRules.ruleSet, situation: situation, sampler: sampler))
    let ids = planner.scenario.positions.map(\.id)
    let pair = try #require(f.pairs.first { ids[$0.fixedTerm] == "charges_mission_1" })
    #expect(ids[pair.cdi] == "charges_mission_cdi")
    // Two draws: the CDI on time, then two months late.
    let rows = ids.count
    var starts = [Double](repeating: 0, count: rows * 2)
    for (r, p) in planner.scenario.positions.enumerated() {
      (starts[r * 2], starts[r * 2 + 1]) = (Double(p.start.ordinal), Double(p.start.ordinal))
    }
    starts[pair.cdi * 2 + 1] += 2
    let blocks = f.blocks(starts: starts, width: 2)
    let follows = try #require(blocks["position.cdi_follows"]), due = try #require(blocks["position.indemnity_due"])
    #expect(follows[pair.fixedTerm, 0, 0] == 1 && follows[pair.fixedTerm, 0, 1] == 0)
    #expect(due[pair.fixedTerm, 0, 0] == 0 && due[pair.fixedTerm, 0, 1] == 1)
    // Only that contract's inputs move.
    for r in 0..<rows where r != pair.fixedTerm { #expect(follows[r, 0, 0] == follows[r, 0, 1] && due[r, 0, 0] == due[r, 0, 1]) }
  }

  /// A CDI dismissed inside the horizon, after a CDD on its post: on time it keeps the CDD's
  /// seniority (art. L1243-11 C. trav.); two months late the chain is broken and its seniority
  /// starts at its own drawn start, so its severance pay is smaller. Nothing else moves.
  @Test func aLateCDIStartsItsOwnSeniority() throws {
    let s = try SimulationTests.load("late-cdi-dismissed.yaml")
    var planner = try ScenarioPlanner(s, ruleSet: ShippedRules.ruleSet)
    let situation = try planner.situation()
    let seniority = try #require(Simulation.seniority(planner.scenario, ruleSet: ShippedRules.ruleSet, situation: situation))
    let ids = planner.scenario.positions.map(\.id)
    let cdi = try #require(ids.firstIndex(of: "charges_mission_cdi")), cdd = try #require(ids.firstIndex(of: "charges_mission_1"))
    #expect(seniority.ended == [cdi])
    var starts = [Double](repeating: 0, count: ids.count * 2)
    for (r, p) in planner.scenario.positions.enumerated() {
      (starts[r * 2], starts[r * 2 + 1]) = (Double(p.start.ordinal), Double(p.start.ordinal))
    }
    starts[cdi * 2 + 1] += 2
    let block = seniority.block(starts: starts, width: 2)
    #expect(block[cdi, 0, 0] == Double(planner.scenario.positions[cdd].start.ordinal))
    #expect(block[cdi, 0, 1] == starts[cdi * 2 + 1])
    let base = try #require(situation.inputs["position.seniority_start"])
    for r in ids.indices where r != cdi { #expect(block[r, 0, 0] == base[r, 0, 0] && block[r, 0, 1] == base[r, 0, 0]) }
    // The severance pay of June 2015 in the two draws: the scenario's on time, less when late.
    var variation = Variation(count: 2)
    let startBlock = Block(rows: ids.count, months: 1, width: 2, data: starts)
    variation.inputs["position.start"] = { _ in startBlock }
    variation.inputs["position.seniority_start"] = { _ in block }
    let ev = try Evaluator(ShippedRules.ruleSet, situation).run(variation)
    let june = Month(2015, 6).ordinal - situation.timeline.months.first.ordinal
    let planned = try Evaluator(ShippedRules.ruleSet, situation).run()
    let onTime = try #require(ev.value("severance_pay", row: cdi, month: june, variant: 0))
    let late = try #require(ev.value("severance_pay", row: cdi, month: june, variant: 1))
    #expect(onTime > 0 && onTime == planned.value("severance_pay", row: cdi, month: june))
    #expect(late > 0 && late < onTime)
    // Without a dismissal in the horizon, the draws leave the seniority alone.
    var shipped = try ScenarioPlanner(
      try ScenarioLoader.load(repositoryPath("scenarios/uncertain-positions.yaml").path), ruleSet: ShippedRules.ruleSet)
    #expect(Simulation.seniority(shipped.scenario, ruleSet: ShippedRules.ruleSet, situation: try shipped.situation()) == nil)
  }

  /// A renewal decided by comparing the draw with Φ⁻¹(p) fails exactly when Φ of the draw
  /// reaches p: far from the threshold and right beside it.
  @Test func renewalThresholdDecidesAsTheDistributionFunction() {
    var g = SplitMix64(seed: 3, stream: 0)
    var differ = 0
    for p in [0.3, 0.4, 0.5, 0.6, 0.7, 0.85, 0.9, 0.95, 0.99999] {
      let q = NormalLaw.quantile(p)
      var xs = (0..<20_000).map { _ in 2 * g.normal() }
      xs += (-200...200).map { q + Double($0) * 1e-8 }
      for x in xs where DrawSampler.fails(x, renewal: p, threshold: q) != (NormalLaw.cdf(x) >= p) { differ += 1 }
    }
    #expect(differ == 0)
  }
}
