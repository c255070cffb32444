import Dispatch
import Foundation
import Planner
import Synchronization

/// A Monte Carlo simulation of a scenario: N draws of its uncertain inputs, evaluated by
/// the batch engine in chunks on several threads, summarised by exercise.
public struct Simulation: Sendable {
  public struct Summary: Sendable, Encodable {
    public var mean: Double
    public var p5: Double
    public var p50: Double
    public var p95: Double
  }

  public struct Sensitivity: Sendable, Encodable {
    public var input: String
    public var coefficient: Double
  }

  public var scenario: String
  public var draws: Int
  public var seed: UInt64
  /// The exercises simulated (the projected ones).
  public var periods: [String]
  /// `indicator → period → summary`.
  public var indicators: [String: [String: Summary]]
  public var probabilities: [String: [String: Double]]
  /// Standardised regression coefficients of the last exercise's reserves, largest first.
  public var sensitivity: [Sensitivity]
  /// Seconds spent in the engine (with the draws) and in the statistics; never printed in
  /// outputs (they would differ from run to run), for the benchmark.
  public var engineSeconds = 0.0
  public var statisticsSeconds = 0.0

  /// Per-draw values of one chunk.
  struct ChunkResult: Sendable {
    /// `[indicator][exercise][draw in chunk]`.
    var values: [[[Double]]]
    /// `[input][draw in chunk]`.
    var inputs: [[Double]]
  }

  static let indicatorNames = ["result", "reserves", "subsidies", "fte"]

  /// Runs the simulation.
  /// - Parameters:
  ///   - progress: called after each chunk with the number of draws done (from any thread).
  public static func run(
    _ scenario: Scenario, ruleSet: RuleSet, draws: Int, seed: UInt64, threads: Int = 1, chunkSize: Int = 1024,
    progress: (@Sendable (Int) -> Void)? = nil
  ) throws(DiagnosticList) -> Simulation {
    guard (1...Limits.draws).contains(draws) else {
      throw DiagnosticList([.error(.simulateTooLarge, "\(draws) draws; a simulation has 1 to \(Limits.draws) draws")])
    }
    let needed = estimatedBytes(scenario, draws: draws),
      available = min(Limits.simulationBytes, Int(ProcessInfo.processInfo.physicalMemory / 2))
    guard needed <= available else {
      throw DiagnosticList([
        .error(
          .simulateTooLarge,
          "\(draws) draws need about \(gibibytes(needed)) of memory; at most \(gibibytes(available)) may be used here; simulate fewer draws"
        )
      ])
    }
    var planner = try ScenarioPlanner(scenario, ruleSet: ruleSet)
    let situation = try planner.situation()
    // The scenario as it runs (after a dissolution, nothing is drawn).
    let scenario = planner.scenario
    let keep: Set<String> = ["result", "reserves", "produits.subventions.f", "produits.subventions.p", "staffing.paid_hours"]
    let evaluator = try Evaluator(ruleSet, situation, options: EvaluationOptions(chunkSize: chunkSize, keep: keep))
    let timeline = situation.timeline
    let sampler = DrawSampler(scenario, timeline: timeline, seed: seed)
    let open = sampler.open
    guard !open.isEmpty else {
      throw DiagnosticList([.error(.simulateNothingOpen, "every exercise of the scenario is closed: nothing is uncertain")])
    }
    let hoursPerYear = (try? ruleSet.parameters["full_time_hours_per_year"]?.value(at: timeline.months.last).value) ?? 1820
    let inputNames = Self.inputNames(scenario, sampler: sampler)
    let chunkCount = (draws + chunkSize - 1) / chunkSize
    let results = Mutex<[ChunkResult?]>(Array(repeating: nil, count: chunkCount))
    let failure = Mutex<DiagnosticList?>(nil)
    let done = Mutex(0)
    let threadCount = max(1, min(threads, chunkCount))
    let started = DispatchTime.now().uptimeNanoseconds
    DispatchQueue.concurrentPerform(iterations: threadCount) { t in
      var pool = BufferPool()
      var cache = InvariantCache()
      var c = t
      while c < chunkCount {
        let range = (c * chunkSize)..<min(draws, (c + 1) * chunkSize)
        do throws(DiagnosticList) {
          let r = try Self.chunk(
            range, evaluator: evaluator, sampler: sampler, scenario: scenario, timeline: timeline, open: open,
            hoursPerYear: hoursPerYear, inputs: inputNames, pool: &pool, cache: &cache)
          results.withLock { $0[c] = r }
          let n = done.withLock { (d: inout Int) -> Int in
            d += range.count
            return d
          }
          progress?(n)
        } catch {
          failure.withLock { $0 = error }
          return
        }
        c += threadCount
      }
    }
    if let error = failure.withLock({ $0 }) { throw error }
    let chunks = results.withLock { $0.compactMap { $0 } }
    let engineDone = DispatchTime.now().uptimeNanoseconds
    var simulation = Self.summarise(scenario, chunks: chunks, draws: draws, seed: seed, timeline: timeline, open: open, inputs: inputNames)
    simulation.engineSeconds = Double(engineDone - started) / 1e9
    simulation.statisticsSeconds = Double(DispatchTime.now().uptimeNanoseconds - engineDone) / 1e9
    return simulation
  }

  /// The memory a simulation needs, about: per draw, the indicators of each simulated
  /// exercise and the inputs of the regression, kept and copied for the statistics
  /// (measured: 0.4 GiB for a million draws of the baseline), and the engine's buffers.
  public static func estimatedBytes(_ s: Scenario, draws: Int) -> Int {
    let periods = s.exercises.filter { s.actuals[$0.id] == nil }.count
    let inputs = s.subsidies.count + 3
    return 64 << 20 + draws * (32 * periods + 32 * inputs + 24)
  }

  static func gibibytes(_ bytes: Int) -> String { String(format: "%.1f GiB", Double(bytes) / Double(1 << 30)) }

  static func inputNames(_ s: Scenario, sampler: DrawSampler) -> [String] {
    var names: [String] = []
    for sub in s.subsidies
    where sampler.open.contains(where: { e in
      let id = sampler.timeline.exercises[e].id
      return (sub.renewalProbability[id].map { $0 < 1 } ?? false) || sub.amountDistribution[id] != nil
    }) {
      names.append("subsidy \(sub.id)")
    }
    if s.uncertainty.memberLeavingProbability > 0 { names.append("members leaving") }
    if s.uncertainty.duesCollection != nil { names.append("dues collection rate") }
    if s.positions.contains(where: { $0.startDelay != nil }) { names.append("start delays") }
    if s.positions.contains(where: { $0.cirQualifies > 0 && $0.cirQualifies < 1 }) { names.append("CIR qualification") }
    return names
  }

  static func chunk(
    _ range: Range<Int>, evaluator: Evaluator, sampler: DrawSampler, scenario: Scenario, timeline: Timeline, open: [Int],
    hoursPerYear: Double, inputs: [String], pool: inout BufferPool, cache: inout InvariantCache
  ) throws(DiagnosticList) -> ChunkResult {
    let w = range.count, months = timeline.monthCount
    let drawn = sampler.chunk(range)
    let exercises = timeline.exercises.count
    // Subsidies: each exercise's amount spread over its months in whole cents that add up
    // (the rule of `Money.share`), computed once per subsidy, exercise and draw.
    var subsidy = [Double](repeating: 0, count: scenario.subsidies.count * months * w)
    var base = [Double](repeating: 0, count: w), extra = [Double](repeating: 0, count: w)
    subsidy.withUnsafeMutableBufferPointer { out in
      drawn.subsidies.withUnsafeBufferPointer { amounts in
        for s in scenario.subsidies.indices {
          for e in 0..<exercises {
            let range = timeline.months(ofExercise: e), n = Double(range.count)
            let from = (s * exercises + e) * w
            for b in 0..<w {
              let cents = (amounts[from + b] * 100).rounded()
              base[b] = (cents / n).rounded(.down)
              extra[b] = cents - base[b] * n
            }
            for (i, m) in range.enumerated() {
              let to = (s * months + m) * w, threshold = n - Double(i)
              for b in 0..<w { out[to + b] = (base[b] + (threshold <= extra[b] ? 1 : 0)) / 100 }
            }
          }
        }
      }
    }
    let memberRows = drawn.memberLeft.count / w
    let left = drawn.memberLeft, starts = drawn.positionStart, dues = drawn.duesCollection
    // Only what varies is given per draw: the rest is evaluated once for the whole chunk.
    var blocks: [String: Block] = ["subsidy.amount": Block(rows: scenario.subsidies.count, months: months, width: w, data: subsidy)]
    if inputs.contains("members leaving") { blocks["member.left"] = Block(rows: memberRows, months: 1, width: w, data: left) }
    if inputs.contains("start delays") {
      blocks["position.start"] = Block(rows: scenario.positions.count, months: 1, width: w, data: starts)
    }
    if inputs.contains("dues collection rate") { blocks["dues_collection_rate"] = Block(rows: 1, months: 1, width: w, data: dues) }
    if inputs.contains("CIR qualification") {
      blocks["position.cir_qualifies"] = Block(rows: scenario.positions.count, months: 1, width: w, data: drawn.cirQualifies)
    }
    var variation = Variation(count: range.upperBound)
    for (key, block) in blocks { variation.inputs[key] = { _ in block } }
    let ev = try evaluator.evaluate(variation, variants: range, pool: &pool, cache: &cache)
    var values = Array(repeating: Array(repeating: [Double](repeating: 0, count: w), count: open.count), count: indicatorNames.count)
    /// A kept rule's values for some months, summed, per draw.
    func sums(_ rule: String, _ ms: Range<Int>) -> [Double] { ev.totals(rule, months: ms)! }
    for (k, e) in open.enumerated() {
      let ms = timeline.months(ofExercise: e)
      let fullTime = WorkTime.fullTimeHours(months: ms.count, hoursPerYear: hoursPerYear)
      values[0][k] = sums("result", ms)
      values[1][k] = sums("reserves", (ms.upperBound - 1)..<ms.upperBound)
      values[2][k] = zip(sums("produits.subventions.f", ms), sums("produits.subventions.p", ms)).map { $0 + $1 }
      values[3][k] = sums("staffing.paid_hours", ms).map { $0 / fullTime }
    }
    // The inputs of the sensitivity analysis, per draw.
    var x: [[Double]] = []
    for i in scenario.subsidies.indices where inputs.contains("subsidy \(scenario.subsidies[i].id)") {
      var total = [Double](repeating: 0, count: w)
      for e in open { for b in 0..<w { total[b] += drawn.subsidies[(i * exercises + e) * w + b] } }
      x.append(total)
    }
    if inputs.contains("members leaving") {
      let last = Double(timeline.months.last.ordinal)
      x.append((0..<w).map { b in Double((0..<memberRows).filter { left[$0 * w + b] < last }.count) })
    }
    if inputs.contains("dues collection rate") { x.append(dues) }
    if inputs.contains("start delays") {
      let base = scenario.positions.map { Double($0.start.ordinal) }
      x.append((0..<w).map { b in base.indices.reduce(0) { $0 + starts[$1 * w + b] - base[$1] } })
    }
    if inputs.contains("CIR qualification") {
      x.append((0..<w).map { b in scenario.positions.indices.reduce(0) { $0 + drawn.cirQualifies[$1 * w + b] } })
    }
    return ChunkResult(values: values, inputs: x)
  }
}
