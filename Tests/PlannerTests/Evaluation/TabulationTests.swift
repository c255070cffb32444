import PropertyBased
import Testing

@testable import Planner

/// Rules that vary only through a few values of their entity's inputs are computed once per
/// value and looked up: the figures must be those of the full evaluation to the last bit.
@Suite struct TabulationTests {
  static let rules = """
    entities:
      position:
        inputs:
          start: {type: month}
          end: {type: month}
          gross: {unit: EUR}
    inputs:
      grant: {unit: EUR}
    parameters:
      rate:
        unit: ratio
        values:
          2012-01: {value: 0.4213, reference: "test"}
          2012-07: {value: 0.4471, reference: "test"}
    rules:
      employed:
        entity: position
        type: condition
        formula: within(start, end)
      paid:
        entity: position
        unit: EUR
        formula: if employed then gross else 0
      contribution:
        entity: position
        unit: EUR
        formula: round(paid * rate, 2) + exercise_total(paid) / 1000
      worked:
        entity: position
        unit: month
        formula: end - start + 1 month
      payroll:
        unit: EUR
        formula: sum(position, paid + contribution)
      high:
        unit: EUR
        formula: sum(position, contribution, where gross > 1000 EUR)
      heads:
        unit: EUR
        formula: sum(position, gross, where employed)
      months_worked:
        unit: month
        formula: sum(position, worked)
      fixed_pay:
        unit: EUR
        formula: sum(position, paid, where gross > 1500 EUR and gross < 1600 EUR)
      result:
        unit: EUR
        formula: grant - payroll - high * 0.1 + heads * 0.01 - fixed_pay * 0.001
      reserves:
        unit: EUR
        formula: cumulative(result)
    """

  static let starts = [Month(2012, 1), Month(2012, 3), Month(2012, 5), Month(2013, 2)].map { Double($0.ordinal) }

  static func situation() throws -> Situation {
    let timeline = try Timeline(exercises: [
      Exercise(id: "2012", months: MonthRange(Month(2012, 1), Month(2012, 12))),
      Exercise(id: "2013", months: MonthRange(Month(2013, 1), Month(2013, 6))),
    ])
    let end = Double(Month(2013, 4).ordinal)
    return Situation(
      timeline: timeline, entities: ["position": ["a", "b", "c", "d"]],
      inputs: [
        "position.start": Block(rows: 4, months: 1, width: 1, data: [starts[0], starts[0], starts[1], starts[2]]),
        "position.end": Block(rows: 4, months: 1, width: 1, data: [end, end, end, end]),
        "position.gross": Block(rows: 4, months: 1, width: 1, data: [2000.37, 1500.11, 400.5, 3100.93]),
        "grant": .scalar(4000),
      ])
  }

  /// Positions `c` and `d` start in one of `starts` (chosen by `picks`), the others never
  /// vary; the grant varies by variant.
  static func variation(_ picks: [Int]) -> Variation {
    let n = picks.count / 2
    let fixed = Double(Month(2012, 1).ordinal)
    return Variation(
      count: n,
      inputs: [
        "position.start": { range in
          let w = range.count
          var data = [Double](repeating: fixed, count: 4 * w)
          for (b, v) in range.enumerated() {
            data[2 * w + b] = starts[picks[2 * v]]
            data[3 * w + b] = starts[picks[2 * v + 1]]
          }
          return Block(rows: 4, months: 1, width: w, data: data)
        },
        "grant": { range in Block(rows: 1, months: 1, width: range.count, data: range.map { 3000 + Double($0) }) },
      ])
  }

  static func values(_ set: RuleSet, tabulate: Bool, chunk: Int, _ variation: Variation) throws -> [String: [Double]] {
    let situation = try situation()
    let evaluator = try Evaluator(set, situation, options: EvaluationOptions(chunkSize: chunk, tabulate: tabulate))
    var out: [String: [Double]] = [:]
    try evaluator.runChunks(variation) { ev in
      for rule in set.rules {
        for v in 0..<ev.variants.count {
          for r in 0..<ev.rowCount(of: rule) {
            for m in 0..<situation.timeline.monthCount {
              out[rule.name, default: []].append(ev.value(rule.name, row: r, month: m, variant: v)!)
            }
          }
        }
      }
    }
    return out
  }

  @Test func tabulatedEqualsFull() async throws {
    let set = try Fixtures.compile(Self.rules)
    let gen = Gen.int(in: 0...3).array(of: 80...160)
    await propertyCheck(count: 12, input: gen, Gen.int(in: 16...64)) { picks, chunk in
      let picks = picks.count % 2 == 0 ? picks : Array(picks.dropLast())
      do {
        let full = try Self.values(set, tabulate: false, chunk: chunk, Self.variation(picks))
        let tabulated = try Self.values(set, tabulate: true, chunk: chunk, Self.variation(picks))
        for (name, a) in full {
          let b = tabulated[name]!
          #expect(a.map(\.bitPattern) == b.map(\.bitPattern), "\(name)")
        }
      } catch {
        Issue.record("\(error)")
      }
    }
  }

  /// What the plan finds in these rules: the position's rules that read the start are
  /// tabulated; the sums of them are computed from the tables; `paid` and `worked` are read
  /// only inside sums, so never spread out to every variant unless kept.
  @Test func thePlan() throws {
    let set = try Fixtures.compile(Self.rules)
    let evaluator = try Evaluator(set, try Self.situation(), options: EvaluationOptions(keep: ["result", "months_worked"]))
    let variation = Self.variation([0, 1])
    let plan = TabulationPlan(evaluator: evaluator, variation: variation, varying: evaluator.varyingRules(variation))
    let names = { (rules: [Int]) in rules.map { set.rules[$0].name } }
    #expect(plan.kinds.map(\.entity) == ["position"])
    #expect(names(plan.kinds[0].rules) == ["employed", "paid", "contribution", "worked"])
    #expect(plan.kinds[0].gathered.isEmpty)
    #expect(plan.sums.count == 5)
    // A chunk of 64 variants: two positions with four starts each, tables four wide.
    var cache = InvariantCache()
    var pool = BufferPool()
    _ = try evaluator.evaluate(Self.variation((0..<128).map { ($0 / 2) % 4 }), variants: 0..<64, pool: &pool, cache: &cache)
    #expect(cache.tabulation?.kinds[0].width == 4)
    #expect(cache.tabulation?.kinds[0].rules.count == 4)
    #expect(cache.tabulation?.kinds[0].sums.count == 5)
    // A sum of positions whose terms never vary (only `b`, whose start is fixed) is the
    // same for every variant: held once.
    let ev = try evaluator.evaluate(Self.variation((0..<128).map { ($0 / 2) % 4 }), variants: 0..<64, pool: &pool, cache: &cache)
    #expect(ev.values[set.rule(named: "result")!.index]?.width == 64)
    let fixed = try #require(set.rules.first { $0.name == "fixed_pay" })
    var probe = InvariantCache()
    let all = try Evaluator(set, try Self.situation(), options: EvaluationOptions(keep: ["fixed_pay"])).evaluate(
      Self.variation((0..<128).map { ($0 / 2) % 4 }), variants: 0..<64, pool: &pool, cache: &probe)
    #expect(all.values[fixed.index]?.width == 1)
  }

  /// The combinations of tuples over the entities that vary: one id a combination, a
  /// variant that has it, and every variant with the same tuples given the same id; none
  /// recorded when the variants share few (more combinations than half the variants, where
  /// nothing uses them).
  @Test func combinationsOfTuples() throws {
    var kind = TabulationState.Kind()
    // Four entities, sixteen variants: `a` and `d` never vary, `b` and `c` take 3 and 2 values.
    let b: [Double] = [1, 2, 3, 1, 2, 3, 1, 2, 1, 2, 3, 1, 2, 3, 1, 2], c: [Double] = [5, 5, 6, 6, 5, 5, 6, 6, 5, 5, 6, 6, 5, 5, 6, 6]
    let w = b.count
    let block = Block(rows: 4, months: 1, width: w, data: Array(repeating: 0, count: w) + b + c + Array(repeating: 9, count: w))
    let found = kind.index([block], rows: 4, width: w)
    let index = try #require(found)
    let pairs = (0..<w).map { "\(b[$0]) \(c[$0])" }
    #expect(index.representative.count == Set(pairs).count)
    for v in 0..<w {
      let k = Int(index.combination[v])
      #expect(pairs[index.representative[k]] == pairs[v])
    }
    // The first eight variants alone: six combinations, more than half of eight.
    let half = Block(rows: 4, months: 1, width: 8, data: [0, 0, 0, 0, 0, 0, 0, 0] + b[..<8] + c[..<8] + Array(repeating: 9, count: 8))
    let foundHalf = kind.index([half], rows: 4, width: 8)
    let few = try #require(foundHalf)
    #expect(few.representative.isEmpty && few.combination.isEmpty)
    #expect(few.tuple == index.tuple.enumerated().filter { ($0.offset % w) < 8 }.map(\.element))
  }

  /// One input (a start): each variant's tuple is its value's place in the entity's support,
  /// which grows in the order the values first appear, over the chunks; a `NaN` equals no
  /// value, not even itself, so each is a new one until the kind is turned off.
  @Test func oneInputsTuplesInTheOrderValuesAppear() throws {
    var kind = TabulationState.Kind()
    let first = Block(rows: 2, months: 1, width: 6, data: [7, 7, 7, 7, 7, 7, 3, 5, 3, 4, 5, 3])
    let foundFirst = kind.index([first], rows: 2, width: 6)
    let a = try #require(foundFirst)
    #expect(a.tuple == [0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 1, 0])
    #expect(a.single == [true, false])
    #expect(kind.support[1].map { $0[0] } == [3, 5, 4])
    let next = Block(rows: 2, months: 1, width: 6, data: [7, 9, 7, 7, 7, 7, 4, 8, 3, 6, 8, 5])
    let foundNext = kind.index([next], rows: 2, width: 6)
    let b = try #require(foundNext)
    #expect(b.tuple == [0, 1, 0, 0, 0, 0, 2, 3, 0, 4, 3, 1])
    #expect(b.single == [false, false])
    #expect(kind.support[0].map { $0[0] } == [7, 9])
    #expect(kind.support[1].map { $0[0] } == [3, 5, 4, 8, 6])
    var unknown = TabulationState.Kind()
    let nan = Block(rows: 1, months: 1, width: 40, data: Array(repeating: .nan, count: 40))
    let none = unknown.index([nan], rows: 1, width: 40)
    #expect(none == nil)
    #expect(unknown.off)
  }

  /// Several inputs (a start and a seniority): a tuple is the values of all of them, found
  /// or added in the order the variants show them, over the chunks; an entity that keeps
  /// its first tuple in every variant is single; a `NaN` in any input equals no tuple.
  @Test func severalInputsTuplesInTheOrderTheyAppear() throws {
    var kind = TabulationState.Kind()
    // Two entities, six variants; the second input is one row for both entities.
    let start = Block(rows: 2, months: 1, width: 6, data: [7, 7, 7, 7, 7, 7, 3, 5, 3, 3, 5, 3])
    let seniority = Block(rows: 1, months: 1, width: 6, data: [1, 1, 2, 1, 1, 2])
    let foundA = kind.index([start, seniority], rows: 2, width: 6)
    let a = try #require(foundA)
    #expect(a.tuple == [0, 0, 1, 0, 0, 1, 0, 1, 2, 0, 1, 2])
    #expect(a.single == [false, false])
    #expect(kind.support[0] == [[7, 1], [7, 2]])
    #expect(kind.support[1] == [[3, 1], [5, 1], [3, 2]])
    let same = Block(rows: 1, months: 1, width: 6, data: [1, 1, 1, 1, 1, 1])
    let next = Block(rows: 2, months: 1, width: 6, data: [7, 7, 7, 7, 7, 7, 5, 4, 3, 4, 5, 3])
    let foundB = kind.index([next, same], rows: 2, width: 6)
    let b = try #require(foundB)
    #expect(b.tuple == [0, 0, 0, 0, 0, 0, 1, 3, 0, 3, 1, 0])
    #expect(b.single == [true, false])
    #expect(kind.support[1] == [[3, 1], [5, 1], [3, 2], [4, 1]])
    var unknown = TabulationState.Kind()
    let nan = Block(rows: 1, months: 1, width: 40, data: Array(repeating: .nan, count: 40))
    let ones = Block(rows: 1, months: 1, width: 40, data: Array(repeating: 1, count: 40))
    let none = unknown.index([ones, nan], rows: 1, width: 40)
    #expect(none == nil)
    #expect(unknown.off)
  }

  /// Too many distinct values of an entity's inputs (a continuous input): the kind is turned
  /// off and evaluated in full, with the same figures.
  @Test func tooManyValuesTurnItOff() throws {
    let set = try Fixtures.compile(Self.rules)
    let situation = try Self.situation()
    let variation = Variation(
      count: 256,
      inputs: [
        "position.start": { range in
          Block(rows: 4, months: 1, width: range.count, data: (0..<4).flatMap { r in range.map { Double(24_100 + ($0 + r) % 40) } })
        }
      ])
    var cache = InvariantCache()
    var pool = BufferPool()
    let evaluator = try Evaluator(set, situation, options: EvaluationOptions(chunkSize: 128))
    let a = try evaluator.evaluate(variation, variants: 0..<128, pool: &pool, cache: &cache)
    #expect(cache.tabulation?.kinds[0].off == true)
    let b = try Evaluator(set, situation, options: EvaluationOptions(chunkSize: 128, tabulate: false)).evaluate(
      variation, variants: 0..<128)
    #expect(a.values[set.rule(named: "result")!.index] == b.values[set.rule(named: "result")!.index])
  }

  /// Rules of no entity read by the fixture's rules, some varying only through the
  /// positions' sums (a chain of them, a ratio that divides by zero for one combination of
  /// starts), some through the grant too.
  static let combinedRules =
    rules + """

        charges:
          unit: EUR
          formula: payroll + heads - fixed_pay + 1 EUR
        net:
          unit: EUR
          formula: grant - payroll + heads - high - charges
        bad:
          unit: EUR
          formula: 1000 EUR * 1 month / (months_worked - 38 month)
      """

  /// Each variant's kept values of `names`, chunk after chunk.
  static func kept(_ set: RuleSet, _ names: [String], tabulate: Bool, chunk: Int, _ variation: Variation) throws -> [String: [UInt64]] {
    let situation = try situation()
    let evaluator = try Evaluator(set, situation, options: EvaluationOptions(chunkSize: chunk, keep: Set(names), tabulate: tabulate))
    var out: [String: [UInt64]] = [:]
    try evaluator.runChunks(variation) { ev in
      for name in names {
        for v in 0..<ev.variants.count {
          for m in 0..<situation.timeline.monthCount {
            out[name, default: []].append(ev.value(name, row: 0, month: m, variant: v)!.bitPattern)
          }
        }
      }
    }
    return out
  }

  /// The rules of no entity that vary only through the tabulated sums of one kind and other
  /// such rules (`TabulationPlan.combined`) are computed once per combination of starts, in
  /// the chunks after the first where the variants share few: the very bits of the full
  /// evaluation, whether kept, read by a rule that is not combined as a term of its chain
  /// (`net`) or inside another operation (`high * 0.1` in `result`).
  @Test func combinedEqualsFull() async throws {
    let set = try Fixtures.compile(Self.combinedRules)
    let names = ["result", "reserves", "net", "charges", "months_worked"]
    let evaluator = try Evaluator(set, try Self.situation(), options: EvaluationOptions(keep: Set(names)))
    let variation = Self.variation([0, 1])
    let plan = TabulationPlan(evaluator: evaluator, variation: variation, varying: evaluator.varyingRules(variation))
    #expect(
      Set(plan.combined.keys.map { set.rules[$0].name }) == ["payroll", "high", "heads", "months_worked", "fixed_pay", "charges"])
    // Two starts each for `c` and `d`: four combinations, chunks of 64 to 128 variants.
    let gen = Gen.int(in: 0...1).array(of: 400...700)
    await propertyCheck(count: 8, input: gen, Gen.int(in: 64...128)) { picks, chunk in
      let picks = picks.count % 2 == 0 ? picks : Array(picks.dropLast())
      do {
        let full = try Self.kept(set, names, tabulate: false, chunk: chunk, Self.variation(picks))
        let combined = try Self.kept(set, names, tabulate: true, chunk: chunk, Self.variation(picks))
        for name in names { #expect(full[name] == combined[name], "\(name)") }
      } catch {
        Issue.record("\(error)")
      }
    }
  }

  /// A rule computed once per combination that makes a value that is not a finite number
  /// (a division by zero for one combination of starts, met in a later chunk): the chunk is
  /// evaluated again in full, and the error is the full evaluation's, variant included.
  @Test func aCombinationThatDividesByZeroIsReportedAsInFull() throws {
    let set = try Fixtures.compile(Self.combinedRules)
    // The first two chunks never start `c` and `d` in 2013-02 together; the third does once.
    var picks = (0..<384).map { $0 % 3 }
    picks[2 * 150] = 3
    picks[2 * 150 + 1] = 3
    /// The error of evaluating `bad`, chunk after chunk.
    func failure(tabulate: Bool) throws -> String {
      do {
        _ = try Self.kept(set, ["bad"], tabulate: tabulate, chunk: 64, Self.variation(picks))
        return "none"
      } catch let error as DiagnosticList {
        return error.diagnostics.map { "\($0)" }.joined(separator: "\n")
      }
    }
    let full = try failure(tabulate: false)
    #expect(full.contains("150"))
    #expect(try failure(tabulate: true) == full)
  }
}
