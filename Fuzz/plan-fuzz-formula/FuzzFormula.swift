// A formula, as any bytes, through the lexer, the parser, the sugar, the type checker and
// the compiler: it compiles or it ends as diagnostics, never a crash. See Fuzz/README.md.
import Foundation
import FuzzSupport
import Planner

/// The names a formula may read: inputs of a position and of the organisation, a
/// parameter and a scale, as in the rule packs.
let preamble = """
  entities:
    position:
      inputs:
        gross: {unit: EUR}
        hours: {unit: h}
        contract: {type: category, values: [cdd, cdi, stage]}
        start: {type: month}
  inputs:
    share: {unit: ratio}
  parameters:
    taux:
      unit: ratio
      values:
        2010-01: {value: 0.1, reference: test}
    bareme:
      type: scale
      unit: EUR
      values:
        2010-01:
          reference: test
          brackets:
            - {threshold: 0, rate: 0 %}
            - {threshold: 500, rate: 10 %}
  rules:
    r:
      entity: position
      unit: EUR
      formula: |
        
  """

func check(_ data: Data) {
  let formula = String(decoding: data, as: UTF8.self)
  let indented = formula.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n")
  guard let document = try? YAMLDocument.parse(preamble + indented + "\n", path: "fuzz.yaml") else { return }
  if let (set, _) = try? Compiler.compile([document]) {
    // What compiles is evaluated for one position over a year: it computes, or it stops.
    let timeline = Timeline(months: MonthRange(Month(2012, 1), Month(2012, 12)))
    let situation = Situation(
      timeline: timeline, entities: ["position": ["a"]],
      inputs: [
        "position.gross": .scalar(1500), "position.hours": .scalar(151.67), "position.contract": .scalar(0),
        "position.start": .scalar(Double(Month(2012, 1).ordinal)), "share": .scalar(0.5),
      ])
    _ = try? Evaluator(set, situation).run()
  }
}

@main
struct FuzzFormula {
  static func main() { FuzzDriver.run(check) }
}
