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
}
