import PropertyBased
import Testing

@testable import Planner

/// `round(cumulative(x), 2)` and `x − previous_month(x, initial)` are computed in one pass
/// each (a budget line's running total in cents, and its month's part), and a chain of
/// additions and subtractions in one pass per run of variants; with tracing on
/// (explanations), node by node. The two must give the same bits.
@Suite struct FusedKernelTests {
  /// What the fixtures declare: positions with an amount, and a grant that varies.
  static let declarations = """
    entities:
      position:
        inputs:
          amount: {unit: EUR}
    inputs:
      grant: {unit: EUR}
    rules:

    """

  static let rules =
    declarations + """
        exact:
          entity: position
          unit: EUR
          formula: amount * 1.0371 + grant / 7
        running:
          entity: position
          unit: EUR
          formula: round(cumulative(exact), 2)
        line:
          entity: position
          unit: EUR
          formula: running - previous_month(running, 0 EUR)
        shifted:
          entity: position
          unit: EUR
          formula: previous_month(exact, grant)
        total:
          unit: EUR
          formula: sum(position, line) - previous_month(sum(position, line), 1 EUR)
        chain:
          entity: position
          unit: EUR
          formula: amount - grant + exact * 2 - 3.5 EUR + running - line
        mixed:
          unit: EUR
          formula: sum(position, exact) - sum(position, line) + grant - previous_month(sum(position, line), 0 EUR) + 1 EUR
        shifted_input:
          entity: position
          unit: EUR
          formula: previous_month(amount, grant) + previous_month(exact, 1 EUR)
        difference_then_more:
          entity: position
          unit: EUR
          formula: running - previous_month(running, 0 EUR) + amount + grant
      """

  @Test func fusedEqualsNodeByNode() async throws {
    let set = try Fixtures.compile(Self.rules)
    let names = ["running", "line", "shifted", "shifted_input", "total", "chain", "mixed", "difference_then_more"]
    await Self.fastEqualsTraced(set, names, count: 30) { try Evaluator(set, $0) }
  }

  /// For random amounts of three positions over 2012 and one to four variants of the grant:
  /// each rule of `names` as `evaluator` computes it and as a traced evaluation does, node by
  /// node, to the bit.
  static func fastEqualsTraced(
    _ set: RuleSet, _ names: [String], count: Int, evaluator: @escaping @Sendable (Situation) throws -> Evaluator
  ) async {
    let gen = Gen.double(in: -5000.0...5000.0).array(of: 36...36)
    await propertyCheck(count: count, input: gen, Gen.int(in: 1...4)) { amounts, width in
      do {
        let timeline = try Timeline(exercises: [Exercise(id: "2012", months: MonthRange(Month(2012, 1), Month(2012, 12)))])
        let situation = Situation(
          timeline: timeline, entities: ["position": ["a", "b", "c"]],
          inputs: ["position.amount": Block(rows: 3, months: 12, width: 1, data: amounts), "grant": .scalar(0)])
        let grants = (0..<width).map { Double($0) * 333.337 }
        let variation = Variation(
          count: width, inputs: ["grant": { r in Block(rows: 1, months: 1, width: r.count, data: Array(grants[r])) }])
        let fast = try evaluator(situation).run(variation)
        let traced = try Evaluator(set, situation, options: EvaluationOptions(trace: true)).run(variation)
        for name in names {
          let i = set.rule(named: name)!.index
          let a = fast.values[i]!, b = traced.values[i]!
          #expect(
            a.expanded(rows: b.rows, months: 12, width: width).data.map(\.bitPattern)
              == b.expanded(rows: b.rows, months: 12, width: width).data.map(\.bitPattern), "\(name)")
        }
      } catch {
        Issue.record("\(error)")
      }
    }
  }

  static let lines =
    declarations + """
        exact:
          unit: EUR
          formula: sum(position, amount) * 1.0371 + grant / 7
        running:
          unit: EUR
          formula: round(cumulative(exact), 2)
        line:
          unit: EUR
          formula: running - previous_month(running, 0 EUR)
        other_running:
          unit: EUR
          formula: round(cumulative(exact * 3), 2)
        other_line:
          unit: EUR
          formula: other_running - previous_month(other_running, grant) + 1 EUR
        shared_running:
          unit: EUR
          formula: round(cumulative(exact), 2)
        shared_line:
          unit: EUR
          formula: shared_running - previous_month(shared_running, 0 EUR)
        reads_shared:
          unit: EUR
          formula: shared_running * 2
      """

  /// A running total in cents read only by its line's difference (a budget line's months in
  /// whole cents) is computed inside the line when it is not kept, without its totals
  /// written: the same bits as the two rules apart, with a first month's `initial` that is one
  /// value or one per variant; a running total read elsewhere too stays a rule.
  @Test func aLineWithItsRunningTotalInside() async throws {
    let set = try Fixtures.compile(Self.lines)
    let keep: Set<String> = ["line", "other_line", "shared_line", "reads_shared"]
    let inlined: Set<Int> = [set.rule(named: "running")!.index, set.rule(named: "other_running")!.index]
    await Self.fastEqualsTraced(set, keep.sorted(), count: 20) { situation in
      let inside = try Evaluator(set, situation, options: EvaluationOptions(keep: keep))
      #expect(Set(inside.inlinedRunning.keys) == inlined)
      return inside
    }
  }

  static let chainedSums =
    declarations + """
        varying:
          entity: position
          unit: EUR
          formula: amount * 1.0371 + grant
        some:
          unit: EUR
          formula: sum(position, varying, where amount > 1000 EUR)
        others:
          unit: EUR
          formula: sum(position, varying, where amount <= 1000 EUR and amount > -4000 EUR)
        none:
          unit: EUR
          formula: sum(position, varying, where amount > 10000 EUR)
        shared:
          unit: EUR
          formula: sum(position, varying, where amount < 0 EUR)
        total:
          unit: EUR
          formula: some - others + none + shared + grant - 2.5 EUR
        reads_shared:
          unit: EUR
          formula: shared * 2
        fixed:
          unit: EUR
          formula: sum(position, amount, where amount > 0 EUR)
        fixed_total:
          unit: EUR
          formula: fixed + grant + 1 EUR
        pair:
          unit: EUR
          formula: sum(position, varying, where amount > 2000 EUR) + grant
      """

  /// A filtered sum read only as a term of one chain of additions (a funder's budget row in
  /// its section's total) is added inside the chain's pass when it varies, its block never
  /// written: the same bits as the sum apart, for the first term, a term taken away, a term
  /// whose filter takes no row in some months (or in none), whatever the amounts. A sum read
  /// elsewhere too, or in a chain of two terms, stays a rule; one that does not vary is
  /// computed once, as a rule.
  @Test func aSumAddedInsideItsChain() async throws {
    let set = try Fixtures.compile(Self.chainedSums)
    let keep: Set<String> = ["total", "reads_shared", "fixed_total", "pair"]
    let inlined = Set(["some", "others", "none", "fixed"].map { set.rule(named: $0)!.index })
    await Self.fastEqualsTraced(set, keep.sorted(), count: 30) { situation in
      let inside = try Evaluator(set, situation, options: EvaluationOptions(keep: keep))
      #expect(inside.inlinedSums == inlined)
      return inside
    }
  }

  /// What a chunk lets go of after each rule (`Evaluator.dropAfter`) is read by no later rule,
  /// nor by a running total or a sum a later line computes inside; each rule read and not
  /// kept is let go of once, after its last reader.
  @Test(arguments: [(lines, ["line", "other_line"]), (chainedSums, ["total", "reads_shared", "fixed_total"])] as [(String, [String])])
  func whatIsLetGoOfIsNotReadAfter(_ rules: String, _ keep: [String]) throws {
    let set = try Fixtures.compile(rules)
    let timeline = try Timeline(exercises: [Exercise(id: "2012", months: MonthRange(Month(2012, 1), Month(2012, 12)))])
    let situation = Situation(
      timeline: timeline, entities: ["position": ["a", "b", "c"]],
      inputs: ["position.amount": Block(rows: 3, months: 12, width: 1, data: Array(repeating: 1, count: 36)), "grant": .scalar(0)])
    let e = try Evaluator(set, situation, options: EvaluationOptions(keep: Set(keep)))
    #expect(!e.inlinedBy.isEmpty)
    /// What a rule reads, with what the running totals and sums it computes inside read.
    func reads(_ rule: Int) -> Set<Int> {
      Set(set.rules[rule].dependencies).union((e.inlinedBy[rule] ?? []).flatMap { reads($0) })
    }
    var letGo: [Int: Int] = [:]
    for (p, list) in e.dropAfter.enumerated() {
      for d in list {
        #expect(letGo[d] == nil, "let go of once")
        letGo[d] = p
        #expect(!e.isKept[d])
        for q in (p + 1)..<e.order.count { #expect(!reads(e.order[q]).contains(d), "rule \(d) read after it is let go of") }
      }
    }
    #expect(!letGo.isEmpty)
    for (p, r) in e.order.enumerated() {
      for d in reads(r) where !e.isKept[d] { #expect((letGo[d] ?? -1) >= p, "rule \(d) let go of after its readers") }
    }
  }

  /// `year_total` for a batch of variants (all the variants of a row added at once) is, for
  /// each variant, the total of that variant evaluated alone: each calendar year's months
  /// added in order, over a first exercise of two calendar years.
  @Test func yearTotalOfEachVariantIsItsOwn() async throws {
    let set = try Fixtures.compile(
      Self.rules + """

          yearly:
            entity: position
            unit: EUR
            formula: year_total(exact)
        """)
    let timeline = try Timeline(exercises: [
      Exercise(id: "2011-2012", months: MonthRange(Month(2011, 11), Month(2012, 12))),
      Exercise(id: "2013", months: MonthRange(Month(2013, 1), Month(2013, 3))),
    ])
    let gen = Gen.double(in: -5000.0...5000.0).array(of: 51...51)
    await propertyCheck(count: 20, input: gen, Gen.int(in: 1...5)) { amounts, width in
      do {
        let situation = Situation(
          timeline: timeline, entities: ["position": ["a", "b", "c"]],
          inputs: ["position.amount": Block(rows: 3, months: 17, width: 1, data: amounts), "grant": .scalar(0)])
        let grants = (0..<width).map { Double($0) * 333.337 - 100 }
        let batch = try Evaluator(set, situation).run(
          Variation(count: width, inputs: ["grant": { r in Block(rows: 1, months: 1, width: r.count, data: Array(grants[r])) }]))
        let i = set.rule(named: "yearly")!.index
        let all = batch.values[i]!.expanded(rows: 3, months: 17, width: width)
        for (v, grant) in grants.enumerated() {
          var alone = situation
          alone.inputs["grant"] = .scalar(grant)
          let one = try Evaluator(set, alone).run().values[i]!.expanded(rows: 3, months: 17, width: 1)
          for r in 0..<3 {
            for m in 0..<17 { #expect(all[r, m, v].bitPattern == one[r, m, 0].bitPattern, "variant \(v), row \(r), month \(m)") }
          }
        }
      } catch {
        Issue.record("\(error)")
      }
    }
  }

  static let sums = """
    entities:
      position:
        inputs:
          amount: {unit: EUR}
          kept: {type: condition}
    inputs:
      grant: {unit: ratio}
    rules:
      share:
        entity: position
        unit: EUR
        formula: amount * grant
      masked:
        unit: EUR
        formula: sum(position, share, where kept)
      selected:
        unit: EUR
        formula: sum(position, if kept then share else 0 EUR)
    """

  /// A sum whose filter is the same for every variant adds the rows it takes, each month's
  /// first to zero, and gives one zero when it takes none: the very bits of the sum of the
  /// rows chosen one by one (signed zeros included).
  @Test func aMaskedSumIsTheSumOfTheRowsTaken() async throws {
    let set = try Fixtures.compile(Self.sums)
    let timeline = try Timeline(exercises: [Exercise(id: "2012", months: MonthRange(Month(2012, 1), Month(2012, 3)))])
    let values = Gen.double(in: -100.0...100.0).map { $0 < -50 ? -0.0 : $0 }.array(of: 12...12)
    await propertyCheck(count: 100, input: values, Gen.int(in: 0...15)) { amounts, kept in
      do {
        let situation = Situation(
          timeline: timeline, entities: ["position": ["a", "b", "c", "d"]],
          inputs: [
            "position.amount": Block(rows: 4, months: 3, width: 1, data: amounts),
            "position.kept": Block(rows: 4, months: 1, width: 1, data: (0..<4).map { kept >> $0 & 1 == 1 ? 1 : 0 }),
            "grant": .scalar(1),
          ])
        let grants = [1, -1, 0.5]
        let variation = Variation(
          count: 3, inputs: ["grant": { r in Block(rows: 1, months: 1, width: r.count, data: Array(grants[r])) }])
        let ev = try Evaluator(set, situation).run(variation)
        let a = ev.values[set.rule(named: "masked")!.index]!, b = ev.values[set.rule(named: "selected")!.index]!
        #expect(
          a.expanded(rows: 1, months: 3, width: 3).data.map(\.bitPattern) == b.expanded(rows: 1, months: 3, width: 3).data.map(\.bitPattern)
        )
        if kept == 0 { #expect(a.data.count == 1) }
      } catch {
        Issue.record("\(error)")
      }
    }
  }
}
