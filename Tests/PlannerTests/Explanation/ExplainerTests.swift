import TestSupport
import Testing

@testable import Planner

@Suite struct ExplainerTests {
  static let rules = """
    entities:
      position:
        inputs:
          gross: {unit: EUR}
    parameters:
      taux_maladie:
        unit: ratio
        values:
          2012-01: {value: 12.8 %, reference: "CSS art. D242-3"}
    rules:
      maladie:
        entity: position
        unit: EUR
        formula: gross * taux_maladie
      charges:
        unit: EUR
        formula: sum(position, maladie)
    """

  func evaluation() throws -> Evaluation {
    let set = try Fixtures.compile(Self.rules)
    let situation = Situation(
      timeline: Timeline(months: MonthRange(Month(2012, 1), Month(2012, 3))), entities: ["position": ["coordinateur", "charge"]],
      inputs: ["position.gross": Block(rows: 2, months: 1, width: 1, data: [2000, 1500])])
    return try Evaluator(set, situation, options: EvaluationOptions(trace: true)).run()
  }

  @Test func leavesOfASumAddUpToTheFigure() throws {
    let ev = try evaluation()
    let node = try Explainer(ev).explain(rule: "charges", month: 1)
    #expect(node.value == ev.value("charges", month: 1))
    let sum = try #require(node.children.first)
    #expect(sum.kind == .sum)
    #expect(isClose(sum.children.reduce(0) { $0 + $1.value }, node.value))
  }

  @Test func exerciseTotalsAddUpMonthByMonth() throws {
    let ev = try evaluation()
    let node = try Explainer(ev).explain(rule: "charges", exercise: "2012")
    #expect(node.children.count == 3)
    #expect(isClose(node.value, try #require(ev.total("charges", exercise: "2012"))))
  }

  @Test func descendsToParametersWithTheirReference() throws {
    let node = try Explainer(try evaluation()).explain(rule: "maladie", row: 0, month: 0)
    #expect(
      ExplanationRenderer.text(node) == """
        maladie = 256.00 EUR  (position 'coordinateur', 2012-01)
        │  formula: gross * taux_maladie
        ├─ gross = 2000.00 EUR  [input]  (position 'coordinateur')
        └─ taux_maladie = 0.128  [in force from 2012-01; CSS art. D242-3]
        """)
  }

  @Test func jsonHasAFormatVersion() throws {
    let node = try Explainer(try evaluation()).explain(rule: "maladie", row: 1, month: 0)
    let json = try ExplanationRenderer.json(node)
    #expect(json.contains("\"format_version\" : 1"))
    #expect(json.contains("\"reference\" : \"CSS art. D242-3\""))
  }

  @Test func unknownRuleSuggests() throws {
    #expect(throws: DiagnosticList.self) { try Explainer(try evaluation()).explain(rule: "maladi", month: 0) }
  }

  /// An amount is shown by the one rounding rule in both languages: 1957 × 4.5 % (88.065, a
  /// tie in decimals, stored a hair below) is 88.07 as the rounded figure is, not C's 88.06.
  @Test func amountsAreRoundedAlikeInBothLanguages() {
    let product = 1957 * 0.045
    #expect(ExplanationRenderer.format(product, "EUR", .of(.en)) == "88.07 EUR")
    #expect(ExplanationRenderer.format(product, "EUR", .of(.fr)) == "88,07\u{a0}€")
    #expect(ExplanationRenderer.format(Kernels.roundHalfAwayFromZero(product, scale: 100), "EUR", .of(.en)) == "88.07 EUR")
    // A figure that rounds to zero is shown without its sign, as in French.
    #expect(ExplanationRenderer.format(-2.5e-9, "EUR", .of(.en)) == "0.00 EUR")
    #expect(ExplanationRenderer.format(0.0123456789, "ratio", .of(.en)) == "0.012346")
  }
}
