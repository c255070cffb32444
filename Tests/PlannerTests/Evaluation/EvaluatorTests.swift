import Testing

@testable import Planner

@Suite struct EvaluatorTests {
  @Test func strictModeRefusesParametersPastTheirConfirmation() throws {
    let set = try Fixtures.compile(
      """
      parameters:
        smic:
          unit: EUR
          last_confirmed: 2012-12
          values:
            2012-01: {value: 1398.37, reference: "test"}
      rules:
        pay:
          unit: EUR
          formula: smic
      """)
    let situation = Situation(timeline: Timeline(months: MonthRange(Month(2012, 1), Month(2013, 3))))
    let lenient = try Evaluator(set, situation).run()
    #expect(lenient.warnings.map(\.id) == [.parametersPastLastConfirmed])
    #expect(lenient.value("pay", month: 14) == 1398.37)
    #expect(throws: DiagnosticList.self) { try Evaluator(set, situation, options: EvaluationOptions(strict: true)) }
  }

  @Test func aGuardedLookupBeforeTheFirstDateIsFine() throws {
    let set = try Fixtures.compile(
      """
      parameters:
        surcharge:
          unit: ratio
          values:
            2013-07: {value: 0.03, reference: "test"}
      rules:
        rate:
          unit: ratio
          formula: if current_month() >= start then surcharge else 0
      inputs:
        start: {type: month}
      """)
    var situation = Situation(timeline: Timeline(months: MonthRange(Month(2013, 1), Month(2013, 12))))
    situation.inputs["start"] = .scalar(Double(Month(2013, 7).ordinal))
    let ev = try Evaluator(set, situation).run()
    #expect(ev.value("rate", month: 0) == 0)
    #expect(ev.value("rate", month: 6) == 0.03)
  }

  @Test func keptRulesOnly() throws {
    let set = try Fixtures.compile(
      """
      rules:
        a: {unit: EUR, formula: 1 EUR}
        b: {unit: EUR, formula: a + 1 EUR}
        c: {unit: EUR, formula: b * 2}
      """)
    let situation = Situation(timeline: Timeline(months: MonthRange(Month(2012, 1), Month(2012, 1))))
    let ev = try Evaluator(set, situation, options: EvaluationOptions(keep: ["c"])).run()
    #expect(ev.values.count == 1)
    #expect(ev.value("c", month: 0) == 4)
  }

  /// A drawn input that is not a finite number is refused where it enters, with its variant
  /// and month; unless its maker declared it finite (`Variation.finite`: its own check, on
  /// the values it makes it from, stands for the scan).
  @Test func aNonFiniteInputIsRefusedUnlessDeclaredFinite() throws {
    let set = try Fixtures.compile(Self.branches)
    var situation = Situation(timeline: Timeline(months: MonthRange(Month(2012, 1), Month(2012, 3))))
    situation.inputs["taxed"] = .scalar(0)
    situation.inputs["grant"] = .scalar(0)
    let grants = [1.0, .infinity, 3]
    var variation = Variation(
      count: 3, inputs: ["grant": { r in Block(rows: 1, months: 1, width: r.count, data: Array(grants[r])) }])
    let evaluator = try Evaluator(set, situation, options: EvaluationOptions(keep: ["tax"]))
    #expect {
      try evaluator.run(variation)
    } throws: { error in
      (error as? DiagnosticList)?.diagnostics.map(\.id) == [.evaluationInputNotFinite]
    }
    variation.finite = ["grant"]
    #expect(try evaluator.run(variation).value("tax", month: 0) == 0)
  }

  static let branches = """
    inputs:
      grant: {unit: EUR}
      taxed: {type: condition}
    rules:
      profit: {unit: EUR, formula: grant * 2 + 1 EUR}
      tax: {unit: EUR, formula: if taxed then profit / 3 else 0 EUR}
      choice: {unit: EUR, formula: if grant > 10 EUR then profit else 0 EUR}
    """

  /// The first chunk of a batch's variants (here 0 and 1) records the branches its
  /// conditions take.
  static func firstChunk(_ set: RuleSet, taxed: Bool, keep: Set<String>, grants: [Double]) throws -> (Evaluator, InvariantCache) {
    var situation = Situation(timeline: Timeline(months: MonthRange(Month(2012, 1), Month(2012, 3))))
    situation.inputs["taxed"] = .scalar(taxed ? 1 : 0)
    situation.inputs["grant"] = .scalar(0)
    let variation = Variation(
      count: grants.count, inputs: ["grant": { r in Block(rows: 1, months: 1, width: r.count, data: Array(grants[r])) }])
    let evaluator = try Evaluator(set, situation, options: EvaluationOptions(chunkSize: 2, keep: keep))
    var pool = BufferPool(), cache = InvariantCache()
    _ = try evaluator.evaluate(variation, variants: 0..<2, pool: &pool, cache: &cache)
    return (evaluator, cache)
  }

  /// A rule read only in a branch that no variant takes, under a condition the same in every
  /// variant, is not evaluated after the first chunk; under a condition that reads a drawn
  /// input, it is, even when the first chunk's variants all took one branch.
  @Test func rulesOnlyUntakenBranchesReadAreSkipped() throws {
    let set = try Fixtures.compile(Self.branches)
    let profit = set.rule(named: "profit")!.index
    let grants = [20.0, 30, 5, 40, 7]
    let (_, untaxed) = try Self.firstChunk(set, taxed: false, keep: ["tax"], grants: grants)
    #expect(untaxed.isNeeded?[profit] == false)
    let (_, taxed) = try Self.firstChunk(set, taxed: true, keep: ["tax"], grants: grants)
    #expect(taxed.isNeeded?[profit] == true)
    let (_, drawn) = try Self.firstChunk(set, taxed: false, keep: ["choice"], grants: grants)
    #expect(drawn.isNeeded?[profit] == true)
  }

  /// With the skipped rules, every chunk's values are those of the variants evaluated
  /// together in one chunk (where nothing is skipped), for each condition and kept rule.
  @Test func skippingChangesNoValue() throws {
    let set = try Fixtures.compile(Self.branches)
    let grants = [20.0, 30, 5, 40, 7]
    for taxed in [false, true] {
      for keep in [["tax"], ["choice"], ["tax", "choice"]] {
        let (evaluator, _) = try Self.firstChunk(set, taxed: taxed, keep: Set(keep), grants: grants)
        let variation = Variation(
          count: grants.count, inputs: ["grant": { r in Block(rows: 1, months: 1, width: r.count, data: Array(grants[r])) }])
        let whole = try evaluator.run(variation)
        var chunks: [Evaluation] = []
        try evaluator.runChunks(variation) { chunks.append($0) }
        #expect(chunks.count == 3)
        for name in keep {
          let i = set.rule(named: name)!.index
          let all = whole.values[i]!.expanded(rows: 1, months: 3, width: grants.count)
          var v = 0
          for chunk in chunks {
            let part = chunk.values[i]!.expanded(rows: 1, months: 3, width: chunk.variants.count)
            for b in 0..<chunk.variants.count {
              for m in 0..<3 { #expect(part[0, m, b] == all[0, m, v], "\(name), taxed \(taxed), variant \(v), month \(m)") }
              v += 1
            }
          }
        }
      }
    }
  }
}
