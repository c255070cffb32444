import PropertyBased
import Testing

@testable import Planner

/// Evaluating a batch of B variants gives, for each variant, what a run of that variant
/// alone gives: the batch is an optimisation, never a different computation.
@Suite struct BatchPropertyTests {
  static let rules = """
    entities:
      position:
        inputs:
          gross: {unit: EUR}
          hours: {unit: h}
    inputs:
      grant: {unit: EUR}
    parameters:
      rate:
        unit: ratio
        values:
          2012-01: {value: 0.42, reference: "test"}
          2012-07: {value: 0.44, reference: "test"}
      cap:
        unit: EUR
        values:
          2012-01: {value: 900, reference: "test"}
    rules:
      contribution:
        entity: position
        unit: EUR
        formula: round(min(gross * rate, cap), 2)
      hourly:
        entity: position
        unit: EUR/h
        formula: gross / max(hours, 1 h)
      payroll:
        unit: EUR
        formula: sum(position, gross + contribution, where hourly > 10 EUR/h)
      result:
        unit: EUR
        formula: grant - payroll
      reserves:
        unit: EUR
        formula: cumulative(result)
      annual:
        unit: EUR
        formula: exercise_total(payroll)
      last:
        unit: EUR
        formula: previous_month(result, 0 EUR)
      deficit:
        type: condition
        formula: if reserves < 0 then true else false
    """

  static func situation() throws -> Situation {
    let timeline = try Timeline(exercises: [
      Exercise(id: "2012", months: MonthRange(Month(2012, 1), Month(2012, 12))),
      Exercise(id: "2013", months: MonthRange(Month(2013, 1), Month(2013, 6))),
    ])
    return Situation(
      timeline: timeline, entities: ["position": ["a", "b", "c"]],
      inputs: [
        "position.gross": Block(rows: 3, months: 1, width: 1, data: [2000, 1500, 400]),
        "position.hours": Block(rows: 3, months: 1, width: 1, data: [151.67, 75, 0]),
        "grant": .scalar(4000),
      ])
  }

  /// A batch whose `rate` and `grant` differ by variant.
  static func variation(rates: [Double], grants: [Double]) -> Variation {
    Variation(
      count: rates.count,
      inputs: ["grant": { range in Block(rows: 1, months: 1, width: range.count, data: Array(grants[range])) }],
      parameters: ["rate": rates])
  }

  @Test func batchEqualsSingleRuns() async throws {
    let set = try Fixtures.compile(Self.rules)
    let situation = try Self.situation()
    let gen = Gen.double(in: 0.0...0.8).array(of: 1...12)
    await propertyCheck(count: 40, input: gen, Gen.int(in: 1...5)) { rates, chunk in
      let grants = rates.map { 3000 + 2000 * $0 }
      do {
        let batch = try Evaluator(set, situation, options: EvaluationOptions(chunkSize: chunk))
        var chunks: [Evaluation] = []
        try batch.runChunks(Self.variation(rates: rates, grants: grants)) { chunks.append($0) }
        for (v, (rate, grant)) in zip(rates, grants).enumerated() {
          let single = try Evaluator(set, situation).run(Self.variation(rates: [rate], grants: [grant]))
          let c = chunks.first { $0.variants.contains(v) }!
          for rule in set.rules {
            let rows = single.rowCount(of: rule)
            for r in 0..<rows {
              for m in 0..<situation.timeline.monthCount {
                let a = c.value(rule.name, row: r, month: m, variant: v - c.variants.lowerBound)!
                let b = single.value(rule.name, row: r, month: m)!
                #expect(a == b, "\(rule.name) row \(r) month \(m) variant \(v)")
              }
            }
          }
        }
      } catch {
        Issue.record("\(error)")
      }
    }
  }

  /// What does not vary is held once: a rule that reads no varying input has width 1.
  @Test func invariantValuesAreHeldOnce() throws {
    let set = try Fixtures.compile(Self.rules)
    let ev = try Evaluator(set, try Self.situation()).run(Self.variation(rates: [0.4, 0.4, 0.4], grants: [1, 2, 3]))
    let width = { (name: String) in ev.values[set.rule(named: name)!.index]!.width }
    #expect(width("hourly") == 1)
    #expect(width("contribution") == 3)
    #expect(width("result") == 3)
    // `hourly` does not depend on the month either: one value per position.
    #expect(ev.values[set.rule(named: "hourly")!.index]!.months == 1)
  }
}
