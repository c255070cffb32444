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
  /// The same for the lowest cash over the horizon (empty without a cash plan).
  public var cashSensitivity: [Sensitivity] = []
  /// Seconds spent in the engine (with the draws) and in the statistics; never printed in
  /// outputs (they would differ from run to run), for the benchmark.
  public var engineSeconds = 0.0
  public var statisticsSeconds = 0.0

  /// Per-draw values of one chunk.
  struct ChunkResult: Sendable {
    /// `[indicator][exercise]`, each kept in the least memory that gives back the same
    /// values: once when the same for every draw of the chunk (the FTE and the financing cost
    /// of a scenario without uncertain positions or overdraft), as whole cents in 32 bits when
    /// every value is its cents (the lowest balances, results and reserves: within
    /// `Column.centsTolerance`), else as they are.
    var values: [[Column]]
    var width: Int = 0

    enum Column: Sendable {
      case constant(Double)
      case cents([Int32])
      case doubles([Double])

      var isCents: Bool {
        if case .cents = self { return true }
        return false
      }

      /// A value this close to a whole cent is that cent: the budget's lines are whole cents,
      /// and a sum of them (a result, reserves) differs from its cent only by binary rounding,
      /// far below what any summary shows (rounded to the cent).
      static let centsTolerance = 1e-7

      init(_ v: [Double]) {
        if let first = v.first, v.allSatisfy({ $0.bitPattern == first.bitPattern }), v.count > 1 {
          self = .constant(first)
          return
        }
        var cents: [Int32] = []
        cents.reserveCapacity(v.count)
        for x in v {
          let c = (x * 100).rounded()
          guard abs(c) < 2e9, abs(c / 100 - x) <= Self.centsTolerance else {
            self = .doubles(v)
            return
          }
          cents.append(Int32(c))
        }
        self = .cents(cents)
      }
    }

    /// Appends the chunk's values of an indicator for an exercise, one a draw.
    func append(_ indicator: Int, _ exercise: Int, to out: inout [Double]) {
      switch values[indicator][exercise] {
      case .constant(let x): out.append(contentsOf: repeatElement(x, count: width))
      case .cents(let c): for v in c { out.append(Double(v) / 100) }
      case .doubles(let v): out.append(contentsOf: v)
      }
    }
    /// `[input][draw in chunk]`.
    /// The moments of the inputs, the last exercise's reserves and the horizon's lowest cash
    /// (when there is a cash plan), for the regressions.
    var moments: Moments
    /// The lowest balance over the whole horizon, per draw (empty without a cash plan).
    var horizonLowest: [Double] = []
  }

  static let indicatorNames = ["result", "reserves", "subsidies", "fte", "lowest_cash", "financing_cost"]

  /// What each draw's cash plan differs from: the scenario's own plan, its subsidies' terms
  /// and monthly amounts, its result by month. A draw's balance is the plan's balance before
  /// any overdraft, plus its subsidies' differences paid on their terms and the rest of its
  /// result's difference paid in its month.
  struct CashBase: Sendable {
    /// The balance at each month's end before any financing: without the overdraft and the
    /// advances drawn, nor the interest paid on them.
    var balance: [Double]
    /// The plan itself (closed months keep it).
    var closing: [Double]
    var overdraft: [Double]
    var advances: [Double]
    /// Interest paid up to each month, and paid the month after each.
    var interestPaid: [Double]
    var interestNext: [Double]
    var subsidiesToCome: [Double]
    var closed: [Bool]
    var policy: TreasuryPolicy
    /// The result before the financing's interest (the draws' evaluation books none).
    var result: [Double]
    /// `[subsidy][month]`.
    var subsidyMonthly: [[Double]]
    /// `[subsidy][exercise]`: the advance's month, share and the balance's month (indices of
    /// the timeline; past its end when after the horizon).
    var terms: [[(advanceMonth: Int, advance: Double, balanceMonth: Int)]]
    var floor: Double
    /// Each subsidy's funder.
    var funders: [String]
    /// The lowest balance in the closed exercises (which no draw changes).
    var closedLowest: Double

    init?(_ p: Projection, ruleSet: RuleSet, subsidies: [Subsidy]) throws(DiagnosticList) {
      guard let t = p.treasury else { return nil }
      let timeline = p.evaluation.situation.timeline
      let months = timeline.monthCount
      var paid = 0.0
      let interestPaid = t.months.map { m in
        paid += m.disbursements["interest"] ?? 0
        return paid
      }
      self.interestPaid = interestPaid
      interestNext = t.months.indices.map { $0 + 1 < t.months.count ? (t.months[$0 + 1].disbursements["interest"] ?? 0) : 0 }
      let balance = t.months.indices.map { t.months[$0].closing - t.months[$0].overdraft - t.months[$0].advances + interestPaid[$0] }
      self.balance = balance
      closing = t.months.map(\.closing)
      overdraft = t.months.map(\.overdraft)
      advances = t.months.map(\.advances)
      subsidiesToCome = t.months.map(\.subsidiesToCome)
      policy = p.scenario.treasury
      let booked = { (m: Int) in
        (p.evaluation.value("charges.charges_financieres.f", month: m) ?? 0)
          + (p.evaluation.value("charges.charges_financieres.p", month: m) ?? 0)
      }
      result = (0..<months).map { (p.evaluation.value("result", month: $0) ?? 0) + booked($0) }
      let block = p.evaluation.situation.inputs["subsidy.amount"]
      subsidyMonthly = subsidies.indices.map { s in (0..<months).map { m in block.map { $0[s, m, 0] } ?? 0 } }
      let categories = ruleSet.input("subsidy.funder")?.categories ?? []
      let funderBlock = p.evaluation.situation.inputs["subsidy.funder"]
      let funders = subsidies.enumerated().map { s, subsidy in
        let f = Int(funderBlock.map { $0[s, 0, 0] } ?? 0)
        return categories.indices.contains(f) ? categories[f] : subsidy.funder
      }
      self.funders = funders
      var terms: [[(Int, Double, Int)]] = []
      for (s, subsidy) in subsidies.enumerated() {
        var row: [(Int, Double, Int)] = []
        for e in timeline.exercises {
          let first = timeline.months.first
          let x = try PaymentTerms.resolve(
            funder: funders[s], subsidy: subsidy, policy: p.scenario.treasury, ruleSet: ruleSet, at: e.months.first)
          row.append((first.distance(to: e.months.first) + x.advanceMonth, x.advance, first.distance(to: e.months.last) + x.balanceDelay))
        }
        terms.append(row)
      }
      self.terms = terms
      floor = t.floor
      let closed = p.planner.closedMonths
      self.closed = closed
      closedLowest = (0..<months).filter { closed[$0] }.map { t.months[$0].closing }.min() ?? .infinity
    }
  }

  /// The draws evaluated together: as many as keep a block of the rules that vary near 4 MB
  /// (a power of two from 64 to 1,024). The rows that vary in every draw are the subsidies';
  /// the positions' when their start is drawn and the members' when they may leave, only if
  /// they can take more values than the engine tabulates (a rule of a position that varies
  /// through a few start months is computed once per month and looked up per draw, so it
  /// makes no block per draw; with more values, every rule of the positions does). Measured on
  /// this machine: the baseline (8 subsidies × 62 months) is fastest at 512–1,024 draws a
  /// chunk (1e6 draws 4.8 s, 207 MiB at 512, before later gains); with uncertain positions
  /// (starts up to four months late: at most five values; members leaving: four), 128 draws
  /// a chunk, as when the positions were counted, took 10.4 s on one thread for a million
  /// draws and 188 MiB on two; 512 took 8.4 s and 163 MiB (glibc keeping freed memory for
  /// the next chunk, see `keepFreedMemory`). Since the pool of vectors is no longer copied
  /// at each chunk (`Evaluator`), 1,024 draws a chunk is faster than 512 on both (a million
  /// draws: the baseline 2.35 → 2.27 s, uncertain positions 5.9 → 5.5 s on one thread; 132
  /// and 157 MiB on two threads), 2,048 slower again (5.9 s, 185 MiB). The figures do not
  /// depend on it (each draw's inputs come from its own index; every shipped scenario's
  /// simulation the same bytes at 512 and 1,024).
  static func chunkSize(_ s: Scenario, months: Int) -> Int {
    var rows = max(1, s.subsidies.count)
    let limit = Evaluator.largestTabulatedSupport
    if s.positions.contains(where: { p in p.startDelay.map { (Self.wholeMonths($0) ?? Int.max) > limit } ?? false }) {
      rows = max(rows, s.positions.count)
    }
    if s.uncertainty.memberLeavingProbability > 0 {
      // A member leaves in one of the years of the horizon from its first projected one, or not.
      let years = s.exercises.filter { s.actuals[$0.id] == nil }.map(\.months)
      let first = years.map(\.first.year).min() ?? 0, last = years.map(\.last.year).max() ?? 0
      if last - first + 2 > limit { rows = max(rows, s.members.count) }
    }
    let width = 600_000 / max(1, rows * months)
    var size = 64
    while size * 2 <= min(width, 1024) { size *= 2 }
    return size
  }

  /// Whether every value is a number smaller than `bound` in size (none infinite or `NaN`):
  /// the largest magnitude's bits, in one pass that vectorises (the bits of a number that is
  /// not negative order as its value; an infinity's and a `NaN`'s come after every finite one).
  static func allSmaller(_ xs: [Double], than bound: Double) -> Bool {
    var largest: UInt64 = 0
    xs.withUnsafeBufferPointer { p in
      for x in p { largest = max(largest, x.bitPattern & 0x7FFF_FFFF_FFFF_FFFF) }
    }
    return largest < bound.bitPattern
  }

  /// How many whole months a start delay can be (a draw is rounded down, below zero taken as
  /// zero); `nil` when it has no bound (a normal law).
  static func wholeMonths(_ d: Distribution) -> Int? {
    func count(_ low: Double, _ high: Double) -> Int { Int(max(0, high.rounded(.down)) - max(0, low.rounded(.down))) + 1 }
    switch d {
    case .fixed: return 1
    case .uniform(let low, let high): return count(low, high)
    case .triangular(let low, _, let high): return count(low, high)
    case .normal: return nil
    }
  }

  /// Runs the simulation.
  /// - Parameters:
  ///   - progress: called after each chunk with the number of draws done (from any thread).
  public static func run(
    _ scenario: Scenario, ruleSet: RuleSet, draws: Int, seed: UInt64, threads: Int = 1, chunkSize: Int? = nil,
    tabulate: Bool = true, progress: (@Sendable (Int) -> Void)? = nil
  ) throws(DiagnosticList) -> Simulation {
    guard (1...Limits.draws).contains(draws) else {
      throw DiagnosticList([
        .error(
          .simulateTooLarge, Phrase("error.simulate_too_large.1", ["draws": .text("\(draws)"), "limits_draws": .text("\(Limits.draws)")]))
      ])
    }
    let needed = estimatedBytes(scenario, draws: draws),
      available = min(Limits.simulationBytes, Int(ProcessInfo.processInfo.physicalMemory / 2))
    guard needed <= available else {
      throw DiagnosticList([
        .error(
          .simulateTooLarge,
          Phrase(
            "error.simulate_too_large.2",
            ["draws": .text("\(draws)"), "value": .text("\(gibibytes(needed))"), "value2": .text("\(gibibytes(available))")])
        )
      ])
    }
    // The organisations besides the cluster draw nothing: their result and reserves by
    // exercise are added to each draw's for the consolidation.
    var organisations: [String: [String: Double]]? = nil
    if !scenario.organisations.isEmpty {
      let g = try GroupProjection.run(scenario, ruleSet: ruleSet)
      var figures: [String: [String: Double]] = [:]
      for key in ["result", "reserves"] {
        for period in g.periods {
          figures[key, default: [:]][period] = Money.sum(g.groups.map { $0.projection.indicators[key]?[period] ?? 0 })
        }
      }
      organisations = figures
    }
    var planner = try ScenarioPlanner(scenario, ruleSet: ruleSet)
    let situation = try planner.situation()
    // The scenario as it runs (after a dissolution, nothing is drawn).
    let scenario = planner.scenario
    let keep: Set<String> = ["result", "reserves", "produits.subventions.f", "produits.subventions.p", "staffing.paid_hours"]
    let chunkSize = chunkSize ?? Self.chunkSize(scenario, months: situation.timeline.monthCount)
    let evaluator = try Evaluator(ruleSet, situation, options: EvaluationOptions(chunkSize: chunkSize, keep: keep, tabulate: tabulate))
    let timeline = situation.timeline
    let sampler = DrawSampler(scenario, timeline: timeline, seed: seed)
    let open = sampler.open
    guard !open.isEmpty else {
      throw DiagnosticList([.error(.simulateNothingOpen, Phrase("error.simulate_nothing_open.1"))])
    }
    let hoursPerYear = (try? ruleSet.parameters["full_time_hours_per_year"]?.value(at: timeline.months.last).value) ?? 1820
    // The scenario's own cash plan, which each draw's differs from.
    let cash = try CashBase(
      try Projection.run(scenario, ruleSet: ruleSet, legalLimitsAsWarnings: true), ruleSet: ruleSet, subsidies: scenario.subsidies)
    let inputNames = Self.inputNames(scenario, sampler: sampler)
    let followers = Self.followers(scenario, ruleSet: ruleSet, situation: situation, sampler: sampler)
    let seniority = Self.seniority(scenario, ruleSet: ruleSet, situation: situation)
    let chunkCount = (draws + chunkSize - 1) / chunkSize
    let results = Mutex<[ChunkResult?]>(Array(repeating: nil, count: chunkCount))
    let failure = Mutex<DiagnosticList?>(nil)
    let done = Mutex(0)
    let threadCount = max(1, min(threads, chunkCount))
    Self.keepFreedMemory(true)
    defer {
      Self.keepFreedMemory(false)
      Self.giveBackFreedMemory()
    }
    let started = DispatchTime.now().uptimeNanoseconds
    DispatchQueue.concurrentPerform(iterations: threadCount) { t in
      var pool = BufferPool()
      var cache = InvariantCache()
      var spread = SpreadSubsidies()
      var c = t
      while c < chunkCount {
        let range = (c * chunkSize)..<min(draws, (c + 1) * chunkSize)
        do throws(DiagnosticList) {
          let r = try Self.chunk(
            range, evaluator: evaluator, sampler: sampler, scenario: scenario, timeline: timeline, open: open,
            hoursPerYear: hoursPerYear, inputs: inputNames, followers: followers, seniority: seniority, cash: cash,
            spread: &spread, pool: &pool, cache: &cache)
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
    Self.giveBackFreedMemory()
    var simulation = Self.summarise(
      scenario, chunks: chunks, draws: draws, seed: seed, timeline: timeline, open: open, inputs: inputNames, floor: cash?.floor,
      organisations: organisations, threads: max(1, threads))
    simulation.engineSeconds = Double(engineDone - started) / 1e9
    simulation.statisticsSeconds = Double(DispatchTime.now().uptimeNanoseconds - engineDone) / 1e9
    return simulation
  }

  /// While the draws run, memory freed is kept for the next chunk rather than given back to
  /// the system at once: each chunk allocates the same few megabytes (its draws, its inputs,
  /// the values it keeps), and glibc, which gives back the top of its heap when more than
  /// 128 KiB is free there and serves a block of over 128 KiB (raised up to 32 MiB as such
  /// blocks are freed) by a mapping of its own, handed the same memory back and forth, each
  /// time as fresh pages the kernel zeroes: 40,000 page faults for 300,000 draws of the
  /// baseline, 12,600 with the thresholds raised (and 6 % less time, measured side by side,
  /// for 4 MiB more at the peak). glibc's `mallopt` (`M_TRIM_THRESHOLD` −1, `M_MMAP_THRESHOLD`
  /// −3 in `malloc.h`), looked up at run time like `malloc_trim` below; `false` sets glibc's
  /// defaults back (the thresholds then stay fixed: glibc raises them only until they are set)
  /// so that a long-lived `plan serve` gives memory back as before.
  static func keepFreedMemory(_ keep: Bool) {
    typealias Option = @convention(c) (Int32, Int32) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
    let mallopt = unsafeBitCast(symbol, to: Option.self)
    _ = mallopt(-1, keep ? 256 << 20 : 128 << 10)
    _ = mallopt(-3, keep ? 32 << 20 : 128 << 10)
  }

  /// The draws' working memory, freed by their threads, given back to the system before the
  /// statistics take theirs: glibc keeps freed memory in each thread's arena otherwise (a
  /// million draws with uncertain positions on two threads peaked about 10 MiB higher). glibc's
  /// `malloc_trim`, looked up at run time (Swift's Glibc module does not declare it); nothing
  /// where the C library has none.
  static func giveBackFreedMemory() {
    typealias Trim = @convention(c) (Int) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
    _ = unsafeBitCast(symbol, to: Trim.self)(0)
  }

  /// The memory a simulation needs, about: per draw, the indicators of each simulated
  /// exercise and the inputs of the regression, kept and copied for the statistics
  /// (measured: 0.4 GiB for a million draws of the baseline), and the engine's buffers.
  public static func estimatedBytes(_ s: Scenario, draws: Int) -> Int {
    let periods = s.exercises.filter { s.actuals[$0.id] == nil }.count
    let inputs = s.subsidies.count + 3
    return 64 << 20 + draws * (40 * periods + 32 * inputs + 32)
  }

  static func gibibytes(_ bytes: Int) -> String { String(format: "%.1f GiB", Double(bytes) / Double(1 << 30)) }

  /// The ids of the uncertain inputs in the sensitivity rankings (a contract of the JSON;
  /// tables name them in the reader's language). A subsidy is `subsidy ID`, a funder's
  /// payment delay `payment delay FUNDER`.
  public enum InputID {
    public static let subsidyPrefix = "subsidy "
    public static let paymentDelayPrefix = "payment delay "
    public static let membersLeaving = "members leaving"
    public static let duesCollection = "dues collection rate"
    public static let startDelays = "start delays"
    public static let cirQualification = "CIR qualification"
  }

  /// The fixed-term contracts followed at once by a CDI on the same post whose start is
  /// drawn: in a draw where the CDI starts later, the work relationship does not continue by a
  /// CDI at the end of the CDD, so its 10 % end-of-contract indemnity is due (art. L1243-8
  /// C. trav.: "lorsque, à l'issue d'un contrat de travail à durée déterminée, les relations
  /// contractuelles de travail ne se poursuivent pas par un contrat à durée indéterminée"),
  /// and the CIF-CDD contribution on its pay too. Before, the draws kept the scenario's chain.
  struct Followers: Sendable {
    /// Rows of the fixed-term contract and of the CDI after it; the indemnity's input when no
    /// CDI follows (the scenario's `indemnity_due`).
    var pairs: [(fixedTerm: Int, cdi: Int, start: Double, indemnity: Double)]
    var rows: Int
    var cdiFollows: [Double]
    var indemnityDue: [Double]

    /// The draws' `cdi_follows` and `indemnity_due`, one a position and draw.
    func blocks(starts: [Double], width w: Int) -> [String: Block] {
      var follows = [Double](repeating: 0, count: rows * w), due = [Double](repeating: 0, count: rows * w)
      for r in 0..<rows {
        for b in 0..<w {
          follows[r * w + b] = cdiFollows[r]
          due[r * w + b] = indemnityDue[r]
        }
      }
      for pair in pairs {
        for b in 0..<w where starts[pair.cdi * w + b] != pair.start {
          follows[pair.fixedTerm * w + b] = 0
          due[pair.fixedTerm * w + b] = pair.indemnity
        }
      }
      return [
        "position.cdi_follows": Block(rows: rows, months: 1, width: w, data: follows),
        "position.indemnity_due": Block(rows: rows, months: 1, width: w, data: due),
      ]
    }
  }

  static func followers(_ s: Scenario, ruleSet: RuleSet, situation: Situation, sampler: DrawSampler) -> Followers? {
    guard let firstOpen = sampler.open.first.map({ sampler.timeline.exercises[$0].months.first }) else { return nil }
    let chain = ContractChain(positions: s.positions, ruleSet: ruleSet)
    var pairs: [(Int, Int, Double, Double)] = []
    for (r, p) in s.positions.enumerated() {
      guard let q = chain.successor(of: p), q.isOpenEndedContract, q.startDelay != nil, q.start >= firstOpen,
        let c = s.positions.firstIndex(where: { $0.id == q.id })
      else { continue }
      pairs.append((r, c, Double(q.start.ordinal), p.indemnityDue ? 1 : 0))
    }
    guard !pairs.isEmpty, let follows = situation.inputs["position.cdi_follows"], let due = situation.inputs["position.indemnity_due"]
    else { return nil }
    return Followers(
      pairs: pairs, rows: s.positions.count, cdiFollows: s.positions.indices.map { follows[$0, 0, 0] },
      indemnityDue: s.positions.indices.map { due[$0, 0, 0] })
  }

  /// The seniority of a contract ended inside the horizon (its notice and severance pay read
  /// it), in each draw: a contract that follows another on the same post at once keeps its
  /// seniority (art. L1243-11 C. trav. for a CDI after a CDD), so the seniority starts where
  /// the chain of contracts does; in a draw where a contract of the chain starts late, the
  /// chain breaks there and the seniority starts at that contract's drawn start (a drawn start
  /// changes only the start). Before, the draws kept the scenario's seniority.
  struct Seniority: Sendable {
    /// The contracts ended in the horizon whose chain has a drawn start.
    var ended: [Int]
    /// Each row's contract just before it on its post (the scenario's chain), and its start.
    var predecessor: [Int?]
    var plannedStart: [Double]
    /// The scenario's `seniority_start` of every row.
    var base: [Double]

    /// The draws' `seniority_start`, one a position and draw.
    func block(starts: [Double], width w: Int) -> Block {
      let rows = base.count
      var out = [Double](repeating: 0, count: rows * w)
      for r in 0..<rows {
        for b in 0..<w { out[r * w + b] = base[r] }
      }
      for r in ended {
        for b in 0..<w {
          var current = r
          while starts[current * w + b] == plannedStart[current], let q = predecessor[current] { current = q }
          out[r * w + b] = starts[current * w + b]
        }
      }
      return Block(rows: rows, months: 1, width: w, data: out)
    }
  }

  static func seniority(_ s: Scenario, ruleSet: RuleSet, situation: Situation) -> Seniority? {
    guard let terminated = situation.inputs["position.terminated"], let base = situation.inputs["position.seniority_start"]
    else { return nil }
    let chain = ContractChain(positions: s.positions, ruleSet: ruleSet)
    let rows = s.positions.indices
    let predecessor: [Int?] = s.positions.map { p in
      chain.predecessor(of: p).flatMap { q in s.positions.firstIndex { $0.id == q.id } }
    }
    var ended: [Int] = []
    for r in rows where terminated[r, 0, 0] != 0 {
      // The chain back from the contract, each once (as ContractChain.seniorityStart walks it).
      var current: Int? = r, seen = Set<Int>(), drawn = false
      while let c = current, seen.insert(c).inserted {
        drawn = drawn || s.positions[c].startDelay != nil
        current = predecessor[c]
      }
      if drawn { ended.append(r) }
    }
    guard !ended.isEmpty else { return nil }
    return Seniority(
      ended: ended, predecessor: predecessor, plannedStart: s.positions.map { Double($0.start.ordinal) },
      base: rows.map { base[$0, 0, 0] })
  }

  static func inputNames(_ s: Scenario, sampler: DrawSampler) -> [String] {
    var names: [String] = []
    for sub in s.subsidies
    where sampler.open.contains(where: { e in
      let id = sampler.timeline.exercises[e].id
      return (sub.renewalProbability[id].map { $0 < 1 } ?? false) || sub.amountDistribution[id] != nil
    }) {
      names.append(InputID.subsidyPrefix + sub.id)
    }
    if s.uncertainty.memberLeavingProbability > 0 { names.append(InputID.membersLeaving) }
    if s.uncertainty.duesCollection != nil { names.append(InputID.duesCollection) }
    if s.positions.contains(where: { $0.startDelay != nil }) { names.append(InputID.startDelays) }
    if s.positions.contains(where: { $0.cirQualifies > 0 && $0.cirQualifies < 1 }) { names.append(InputID.cirQualification) }
    for funder in sampler.delayFunders { names.append(InputID.paymentDelayPrefix + funder) }
    return names
  }

  /// A thread's subsidies spread over the months (`[(subsidy * months + month) * width + draw]`),
  /// kept from one chunk to the next: the rows that hold the plan's amount in every draw are
  /// written once, in the first chunk of a width.
  struct SpreadSubsidies {
    var amounts: [Double] = []
    /// The draws per chunk `amounts` was laid out for (0: not yet).
    var width = 0
  }

  static func chunk(
    _ range: Range<Int>, evaluator: Evaluator, sampler: DrawSampler, scenario: Scenario, timeline: Timeline, open: [Int],
    hoursPerYear: Double, inputs: [String], followers: Followers? = nil, seniority: Seniority? = nil, cash: CashBase?,
    spread: inout SpreadSubsidies, pool: inout BufferPool,
    cache: inout InvariantCache
  ) throws(DiagnosticList) -> ChunkResult {
    let w = range.count, months = timeline.monthCount
    let drawn = sampler.chunk(range)
    let exercises = timeline.exercises.count
    // Subsidies: each exercise's amount spread over its months in whole cents that add up
    // (the rule of `Money.share`), computed once per subsidy, exercise and draw.
    // Every place is written below (each month is in one exercise): not zeroed first (2 MB a
    // chunk for the baseline). The rows no draw changes are written in the thread's first
    // chunk of this width and kept for the next ones.
    let fresh = spread.width != w
    if fresh {
      let blockSize = scenario.subsidies.count * months * w
      spread.amounts = []  // the old block let go of before the new one is taken: one at a time
      spread.amounts = [Double](unsafeUninitializedCapacity: blockSize) { _, count in count = blockSize }
      spread.width = w
    }
    // Each draw's two monthly amounts (the base in euros, and a cent more), divided once.
    var low = [Double](repeating: 0, count: w), high = [Double](repeating: 0, count: w)
    var extra = [Double](repeating: 0, count: w)
    // With a cash plan: each open month's subsidies as they differ from the plan's, summed
    // over the subsidies in their order (`[month * w + draw]`), as they are spread.
    var shift = [Double](repeating: 0, count: cash == nil ? 0 : months * w)
    var isOpen = [Bool](repeating: false, count: exercises)
    for e in open { isOpen[e] = true }
    spread.amounts.withUnsafeMutableBufferPointer { out in
      drawn.subsidies.withUnsafeBufferPointer { amounts in
        low.withUnsafeMutableBufferPointer { low in
          high.withUnsafeMutableBufferPointer { high in
            extra.withUnsafeMutableBufferPointer { extra in
              for s in scenario.subsidies.indices {
                for e in 0..<exercises {
                  let range = timeline.months(ofExercise: e), n = Double(range.count)
                  let from = (s * exercises + e) * w
                  // One array written by each loop, so that each vectorises (the same
                  // values computed again by each is cheaper than one scalar loop).
                  let amount = amounts.baseAddress! + from
                  @inline(__always) func cents(_ b: Int) -> Double { Rounding.halfAway(amount[b] * 100) }
                  if !sampler.varies[s * exercises + e] {
                    // Every draw has the plan's amount: each month's value computed once (as
                    // below, for the first draw) and written to every draw, in a fresh block.
                    guard fresh || (cash != nil && isOpen[e]) else { continue }
                    let low = (cents(0) / n).rounded(.down), extra = cents(0) - low * n
                    let (l, h) = (low / 100, (low + 1) / 100)
                    for (i, m) in range.enumerated() {
                      let to = out.baseAddress! + (s * months + m) * w, v = n - Double(i) <= extra ? h : l
                      if fresh { for b in 0..<w { to[b] = v } }
                      // What it adds to the cash shift; nothing when it is the plan's month.
                      if let cash, isOpen[e], case let d = v - cash.subsidyMonthly[s][m], d != 0 {
                        shift.withUnsafeMutableBufferPointer { shift in
                          let sh = shift.baseAddress! + m * w
                          for b in 0..<w { sh[b] += d }
                        }
                      }
                    }
                    continue
                  }
                  let (lows, highs, extras) = (low.baseAddress!, high.baseAddress!, extra.baseAddress!)
                  // The whole cents of each month first (one division), then what is left over,
                  // and the two amounts in euros.
                  for b in 0..<w { lows[b] = (cents(b) / n).rounded(.down) }
                  for b in 0..<w { extras[b] = cents(b) - lows[b] * n }
                  for b in 0..<w { highs[b] = (lows[b] + 1) / 100 }
                  for b in 0..<w { lows[b] = lows[b] / 100 }
                  // Both amounts read, then one chosen: no branch on each draw's remainder
                  // (unpredictable), and no checked index arithmetic (the loop vectorises).
                  for (i, m) in range.enumerated() {
                    let to = out.baseAddress! + (s * months + m) * w, threshold = n - Double(i)
                    for b in 0..<w {
                      let l = lows[b], h = highs[b]
                      to[b] = threshold <= extras[b] ? h : l
                    }
                    if let cash, isOpen[e] {
                      let planned = cash.subsidyMonthly[s][m]
                      shift.withUnsafeMutableBufferPointer { shift in
                        let sh = shift.baseAddress! + m * w
                        for b in 0..<w { sh[b] += to[b] - planned }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    let memberRows = drawn.memberLeft.count / w
    let left = drawn.memberLeft, starts = drawn.positionStart, dues = drawn.duesCollection
    // Only what varies is given per draw: the rest is evaluated once for the whole chunk.
    var blocks: [String: Block] = [
      "subsidy.amount": Block(rows: scenario.subsidies.count, months: months, width: w, data: spread.amounts)
    ]
    if inputs.contains(InputID.membersLeaving) { blocks["member.left"] = Block(rows: memberRows, months: 1, width: w, data: left) }
    if inputs.contains(InputID.startDelays) {
      blocks["position.start"] = Block(rows: scenario.positions.count, months: 1, width: w, data: starts)
      if let followers { blocks.merge(followers.blocks(starts: starts, width: w)) { a, _ in a } }
      if let seniority { blocks["position.seniority_start"] = seniority.block(starts: starts, width: w) }
    }
    if inputs.contains(InputID.duesCollection) { blocks["dues_collection_rate"] = Block(rows: 1, months: 1, width: w, data: dues) }
    if inputs.contains(InputID.cirQualification) {
      blocks["position.cir_qualifies"] = Block(rows: scenario.positions.count, months: 1, width: w, data: drawn.cirQualifies)
    }
    var variation = Variation(count: range.upperBound)
    for (key, block) in blocks { variation.inputs[key] = { _ in block } }
    // Drawn amounts below 10³⁰⁰ euros make finite months (times 100, rounded, divided by a
    // month count, plus a cent): checked here on the amounts, a twelfth of the months' values,
    // rather than by the engine on the whole block of every chunk. Otherwise the engine scans
    // the block and says where it is not finite, as for any input.
    if Self.allSmaller(drawn.subsidies, than: 1e300) { variation.finite.insert("subsidy.amount") }
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
    for i in scenario.subsidies.indices where inputs.contains(InputID.subsidyPrefix + scenario.subsidies[i].id) {
      var total = [Double](repeating: 0, count: w)
      for e in open { for b in 0..<w { total[b] += drawn.subsidies[(i * exercises + e) * w + b] } }
      x.append(total)
    }
    // Counts and sums of whole numbers (members, months, 0 or 1): exact in any order, so
    // added row by row for all the draws at once.
    /// For each draw, `term(row, draw)` added over `rows`.
    func perDraw(_ rows: Int, _ term: (Int, Int) -> Double) -> [Double] {
      var out = [Double](repeating: 0, count: w)
      for r in 0..<rows { for b in 0..<w { out[b] += term(r, b) } }
      return out
    }
    if inputs.contains(InputID.membersLeaving) {
      let last = Double(timeline.months.last.ordinal)
      x.append(perDraw(memberRows) { r, b in left[r * w + b] < last ? 1 : 0 })
    }
    if inputs.contains(InputID.duesCollection) { x.append(dues) }
    if inputs.contains(InputID.startDelays) {
      let base = scenario.positions.map { Double($0.start.ordinal) }
      x.append(perDraw(base.count) { r, b in starts[r * w + b] - base[r] })
    }
    if inputs.contains(InputID.cirQualification) {
      x.append(perDraw(scenario.positions.count) { r, b in drawn.cirQualifies[r * w + b] })
    }
    for (f, funder) in sampler.delayFunders.enumerated() where inputs.contains(InputID.paymentDelayPrefix + funder) {
      x.append(Array(drawn.balanceDelays[(f * w)..<((f + 1) * w)]))
    }
    var horizon: [Double] = []
    if let cash {
      (values[4], horizon, values[5]) = Self.lowestCash(
        cash, ev: ev, drawn: drawn.subsidies, varies: sampler.varies, shift: shift, timeline: timeline, open: open,
        subsidies: scenario.subsidies.count,
        delays: (sampler.delayFunders, drawn.balanceDelays), draws: w)
      // The financing's interest is a charge of the draw's result and reserves (the engine's
      // evaluation books none); its effect on a company's corporate tax is left out.
      var cumulated = [Double](repeating: 0, count: w)
      for k in open.indices {
        for b in 0..<w {
          cumulated[b] += values[5][k][b]
          values[0][k][b] -= values[5][k][b]
          values[1][k][b] -= cumulated[b]
        }
      }
    } else {
      values[4] = []
      values[5] = []
    }
    // The regressions' variables: the inputs, the last exercise's reserves, the lowest cash.
    var columns = x
    columns.append(values[1][open.count - 1])
    if !horizon.isEmpty { columns.append(horizon) }
    // Each kept in the least memory that gives back the same values.
    return ChunkResult(
      values: values.map { $0.map(ChunkResult.Column.init) }, width: w, moments: Moments(columns), horizonLowest: horizon)
  }

  /// Each draw's lowest balance by open exercise and over the horizon: the scenario's plan,
  /// plus the draw's subsidy differences on their terms, plus the rest of its result's
  /// difference in its month. `shift`: each open month's subsidies less the plan's, per draw;
  /// `varies`: the rows of `drawn` whose draws may differ (`DrawSampler.varies`).
  static func lowestCash(
    _ cash: CashBase, ev: Evaluation, drawn: [Double], varies: [Bool], shift subsidyShift: [Double], timeline: Timeline,
    open: [Int], subsidies: Int,
    delays: (funders: [String], months: [Double]), draws w: Int
  ) -> (lowest: [[Double]], horizon: [Double], cost: [[Double]]) {
    let months = timeline.monthCount, exercises = timeline.exercises.count
    let policy = cash.policy
    let financed = policy.overdraftLimit > 0 || policy.advanceShare > 0
    var delta = [Double](repeating: 0, count: months * w)
    // The subsidies still to come, as they differ from the plan's (for the advances): only
    // the financing reads them.
    var toCome = [Double](repeating: 0, count: financed ? months * w : 0)
    var granted = [Double](repeating: 0, count: w), advance = [Double](repeating: 0, count: w)
    for s in 0..<subsidies {
      let delayed = delays.funders.firstIndex(of: cash.funders[s])
      for e in open {
        let range = timeline.months(ofExercise: e)
        let base = Money.cents(range.reduce(0) { $0 + cash.subsidyMonthly[s][$1] })
        let t = cash.terms[s][e]
        let end = range.upperBound - 1
        let baseAdvance = Money.cents(base * t.advance), noAdvance = Money.cents(0 * t.advance)
        if delayed == nil {
          // The balance's month is the terms': the same updates as below, a month's row at a
          // time for all the draws, a draw whose grant is the plan's left as it is (without
          // a branch for each draw, which the draws' renewals made unpredictable).
          let row = (s * exercises + e) * w
          // A row every draw shares (`varies`) that is the plan's changes nothing.
          if w > 0, !varies[s * exercises + e], Rounding.halfAway(drawn[row] * 100) / 100 == base { continue }
          for b in 0..<w {
            let g = Rounding.halfAway(drawn[row + b] * 100) / 100
            granted[b] = g
            advance[b] = g == base ? baseAdvance : g == 0 ? noAdvance : Money.cents(g * t.advance)
          }
          granted.withUnsafeBufferPointer { granted in
            advance.withUnsafeBufferPointer { advance in
              delta.withUnsafeMutableBufferPointer { delta in
                toCome.withUnsafeMutableBufferPointer { toCome in
                  let (g, a) = (granted.baseAddress!, advance.baseAddress!)
                  if t.advanceMonth < months {
                    let d = delta.baseAddress! + t.advanceMonth * w
                    for b in 0..<w {
                      let same = g[b] == base, x = d[b]
                      d[b] = same ? x : x + (a[b] - baseAdvance)
                    }
                    if financed {
                      let c = toCome.baseAddress! + t.advanceMonth * w
                      for b in 0..<w {
                        let same = g[b] == base, y = c[b]
                        c[b] = same ? y : y - (a[b] - baseAdvance)
                      }
                    }
                  }
                  if t.balanceMonth < months {
                    let d = delta.baseAddress! + t.balanceMonth * w
                    for b in 0..<w {
                      let same = g[b] == base, x = d[b]
                      d[b] = same ? x : (x - (base - baseAdvance)) + (g[b] - a[b])
                    }
                    if financed {
                      let c = toCome.baseAddress! + t.balanceMonth * w
                      for b in 0..<w {
                        let same = g[b] == base, y = c[b]
                        c[b] = same ? y : (y + (base - baseAdvance)) - (g[b] - a[b])
                      }
                    }
                  }
                }
              }
            }
          }
          continue
        }
        for b in 0..<w {
          let granted = Rounding.halfAway(drawn[(s * exercises + e) * w + b] * 100) / 100
          // The draw's balance month: its funder's drawn delay after the exercise, or the terms'.
          let balanceMonth = delayed.map { end + Int(delays.months[$0 * w + b]) } ?? t.balanceMonth
          guard granted != base || balanceMonth != t.balanceMonth else { continue }
          // The advance on the grant: the plan's, or none when it is not renewed, known already.
          let advance = granted == base ? baseAdvance : granted == 0 ? noAdvance : Money.cents(granted * t.advance)
          if t.advanceMonth < months {
            delta[t.advanceMonth * w + b] += advance - baseAdvance
            if financed { toCome[t.advanceMonth * w + b] -= advance - baseAdvance }
          }
          if t.balanceMonth < months {
            delta[t.balanceMonth * w + b] -= base - baseAdvance
            if financed { toCome[t.balanceMonth * w + b] += base - baseAdvance }
          }
          if balanceMonth < months {
            delta[balanceMonth * w + b] += granted - advance
            if financed { toCome[balanceMonth * w + b] -= granted - advance }
          }
        }
      }
    }
    // The rest of each month's result difference, in its month: the result less the plan's,
    // less the subsidies' differences (paid on their terms above).
    let resultIndex = ev.ruleSet.rule(named: "result")!.index
    let resultBlock = ev.values[resultIndex]!
    // Through pointers: no checked index arithmetic in the loops over the draws (vectorised).
    delta.withUnsafeMutableBufferPointer { delta in
      toCome.withUnsafeMutableBufferPointer { toCome in
        subsidyShift.withUnsafeBufferPointer { subsidyShift in
          resultBlock.data.withUnsafeBufferPointer { result in
            guard w > 0 else { return }
            for e in open {
              for m in timeline.months(ofExercise: e) {
                let sd = subsidyShift.baseAddress! + m * w
                let r = (resultBlock.months == 1 ? 0 : m) * resultBlock.width, planned = cash.result[m]
                let d = delta.baseAddress! + m * w
                if resultBlock.width == 1 {
                  let x = result[r] - planned
                  for b in 0..<w { d[b] += x - sd[b] }
                } else {
                  let x = result.baseAddress! + r
                  for b in 0..<w { d[b] += (x[b] - planned) - sd[b] }
                }
                if financed {
                  let c = toCome.baseAddress! + m * w
                  for b in 0..<w { c[b] += sd[b] }
                }
              }
            }
          }
        }
      }
    }
    var lowest = Array(repeating: [Double](repeating: .infinity, count: w), count: open.count)
    var cost = Array(repeating: [Double](repeating: 0, count: w), count: open.count)
    var horizon = [Double](repeating: cash.closedLowest, count: w)
    // Each month's open exercise (its place among `open`), or -1.
    var place = [Int](repeating: -1, count: exercises)
    for (k, e) in open.enumerated() { place[e] = k }
    let exerciseOf = timeline.exerciseIndex.map { place[$0] }
    guard financed else {
      // No financing: each balance is the plan's and the draw's differences so far; month by
      // month for all the draws at once.
      var shift = [Double](repeating: 0, count: w), low = [Double](repeating: .infinity, count: w)
      var k = -1
      for m in 0..<months {
        delta.withUnsafeBufferPointer { delta in
          shift.withUnsafeMutableBufferPointer { shift in
            guard w > 0 else { return }
            let from = delta.baseAddress! + m * w, to = shift.baseAddress!
            for b in 0..<w { to[b] += from[b] }
          }
        }
        if cash.closed[m] { continue }
        if exerciseOf[m] != k {
          if k >= 0 { lowest[k] = low }
          k = exerciseOf[m]
          for b in 0..<w { low[b] = .infinity }
        }
        let base = cash.balance[m]
        shift.withUnsafeBufferPointer { shift in
          low.withUnsafeMutableBufferPointer { low in
            horizon.withUnsafeMutableBufferPointer { horizon in
              for b in 0..<w {
                let balance = base + shift[b]
                low[b] = min(low[b], balance)
                horizon[b] = min(horizon[b], balance)
              }
            }
          }
        }
      }
      if k >= 0 { lowest[k] = low }
      return (lowest.map { $0.map(Money.cents) }, horizon.map(Money.cents), cost)
    }
    for b in 0..<w {
      // The draw's financing, month by month, as the plan's (advances first, then the
      // overdraft; interest paid the month after).
      var shift = 0.0, comeShift = 0.0
      var drawn = 0.0, advanced = 0.0, paid = 0.0, due = 0.0
      for m in 0..<months {
        shift += delta[m * w + b]
        comeShift += toCome[m * w + b]
        if cash.closed[m] {
          (drawn, advanced, paid, due) = (cash.overdraft[m], cash.advances[m], cash.interestPaid[m], cash.interestNext[m])
          continue
        }
        let k = exerciseOf[m]
        paid += due
        let base = cash.balance[m] + shift - paid
        let capacity = Money.cents(max(0, cash.subsidiesToCome[m] + comeShift) * policy.advanceShare)
        (drawn, advanced) = policy.finance(balance: base + drawn + advanced, capacity: capacity, overdraft: drawn, advances: advanced)
        let balance = base + drawn + advanced
        due = Money.cents(drawn * policy.overdraftRate / 12 + advanced * policy.advanceRate / 12)
        if k >= 0 {
          if balance < lowest[k][b] { lowest[k][b] = balance }
          cost[k][b] += due
        }
        if balance < horizon[b] { horizon[b] = balance }
      }
    }
    return (lowest.map { $0.map(Money.cents) }, horizon.map(Money.cents), cost.map { $0.map(Money.cents) })
  }
}

extension Simulation {
  /// An uncertain input by the name a committee knows: a grant by its name (through the
  /// catalogue's `subsidyKey`), a funder by its budget line's label in `projection`, the other
  /// inputs by the catalogue; the id itself when it is none of these.
  public static func name(
    of id: String, scenario: Scenario, projection: Projection?, messages m: Messages, subsidyKey: String = "simulate.input.subsidy"
  ) -> String {
    if id.hasPrefix(InputID.subsidyPrefix), let sub = scenario.subsidies.first(where: { InputID.subsidyPrefix + $0.id == id }) {
      return m(subsidyKey, ["name": sub.name])
    }
    if id.hasPrefix(InputID.paymentDelayPrefix) {
      let funder = String(id.dropFirst(InputID.paymentDelayPrefix.count))
      let label = projection?.budget.first { $0.path == "produits/subventions/\(funder)" }?.label(m.language) ?? funder
      return m("simulate.input.payment_delay", ["funder": label])
    }
    switch id {
    case InputID.membersLeaving: return m("simulate.input.members_leaving")
    case InputID.duesCollection: return m("simulate.input.dues_collection")
    case InputID.startDelays: return m("simulate.input.start_delays")
    case InputID.cirQualification: return m("simulate.input.cir_qualification")
    default: return id
    }
  }
}
